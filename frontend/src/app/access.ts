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
