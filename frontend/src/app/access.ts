import type { Role } from '../gql/graphql';

/** Every role, in the schema's order. */
export const ALL_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES', 'PURCHASING', 'WAREHOUSE', 'FINANCE', 'ANALYST'];

/**
 * Whether a user with userRoles may see something meant for allowed roles.
 * ADMIN sees everything, like the server's @hasRole.
 */
export function allows(allowed: readonly Role[], userRoles: readonly Role[]): boolean {
  if (userRoles.includes('ADMIN')) return true;
  return userRoles.some((r) => allowed.includes(r));
}

/** The entries (menu items, routes) a user may see, in their order. */
export function visibleFor<T extends { roles: readonly Role[] }>(entries: readonly T[], userRoles: readonly Role[]): T[] {
  return entries.filter((e) => allows(e.roles, userRoles));
}

/** Who reads stock screens (the schema lets any signed-in user read them; these are the roles that work with them). */
export const STOCK_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'ANALYST'];
export const STOCK_WRITE: readonly Role[] = ['WAREHOUSE'];
/** The schema's @hasRole on the ledger reads; booksCheck is FINANCE only. */
export const FINANCE_READ: readonly Role[] = ['FINANCE', 'MANAGER', 'ANALYST'];
/** Purchasing reads: the schema lets any signed-in user read suppliers and orders; these roles work with them. */
export const PURCHASING_READ: readonly Role[] = ['PURCHASING', 'MANAGER', 'FINANCE', 'ANALYST'];
/** Sales reads: sales works with customers and orders, finance manages credit and holds, managers and analysts read. */
export const SALES_READ: readonly Role[] = ['SALES', 'FINANCE', 'MANAGER', 'ANALYST'];

/**
 * The server's data classes (schema.graphqls @dataClass, dataclass.go) and
 * their readers. A query that selects a field of a class the user may not
 * read is refused whole, so screens shared by several roles guard those
 * fields with `@include(if: $withX)` set from canRead.
 */
export type DataClass = 'CUSTOMER_MONEY' | 'SUPPLIER_MONEY' | 'MARGINS_AND_COSTS' | 'BUDGETS' | 'USERS';
export const DATA_CLASS_READERS: Record<DataClass, readonly Role[]> = {
  CUSTOMER_MONEY: ['SALES', 'FINANCE', 'MANAGER', 'ANALYST'],
  SUPPLIER_MONEY: ['FINANCE', 'MANAGER', 'ANALYST'],
  MARGINS_AND_COSTS: ['FINANCE', 'MANAGER', 'ANALYST'],
  BUDGETS: ['FINANCE', 'MANAGER', 'PURCHASING', 'ANALYST'],
  USERS: ['ADMIN'],
};

/** Whether a user with userRoles may read figures of the class. */
export function canRead(cls: DataClass, userRoles: readonly Role[]): boolean {
  return allows(DATA_CLASS_READERS[cls], userRoles);
}
