import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AppstoreOutlined,
  DatabaseOutlined,
  HomeOutlined,
  KeyOutlined,
  ScanOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import type { Role } from '../gql/graphql';
import { ALL_ROLES } from './access';

/**
 * One screen of the app: its menu entry, its route and its lazily loaded
 * page. Adding a screen is one line here. ADMIN sees every entry.
 */
export interface MenuEntry {
  key: string;
  path: string;
  labelKey: MessageKey;
  roles: readonly Role[];
  icon: ComponentType;
  page: LazyExoticComponent<ComponentType>;
  /** The menu section it is listed under; none for the top. */
  group?: MenuGroup;
}

/** Menu sections, in order; each has a label `menuGroup.<name>`. */
export type MenuGroup = 'stock' | 'finance' | 'account';

/** Who reads stock screens (the schema lets any signed-in user read them; these are the roles that work with them). */
const STOCK_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'ANALYST'];
const STOCK_WRITE: readonly Role[] = ['WAREHOUSE'];

export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', roles: ALL_ROLES, icon: HomeOutlined, page: lazy(() => import('../features/home/views/HomePage')) },
  { key: 'products', path: '/stock/products', labelKey: 'menu.products', roles: STOCK_READ, icon: AppstoreOutlined, group: 'stock', page: lazy(() => import('../features/warehouse/views/ProductsPage')) },
  { key: 'warehouses', path: '/stock/warehouses', labelKey: 'menu.warehouses', roles: STOCK_READ, icon: ShopOutlined, group: 'stock', page: lazy(() => import('../features/warehouse/views/WarehousesPage')) },
  { key: 'stockLevels', path: '/stock/levels', labelKey: 'menu.stockLevels', roles: STOCK_READ, icon: DatabaseOutlined, group: 'stock', page: lazy(() => import('../features/warehouse/views/StockLevelsPage')) },
  { key: 'stockMoves', path: '/stock/moves', labelKey: 'menu.stockMoves', roles: STOCK_READ, icon: SwapOutlined, group: 'stock', page: lazy(() => import('../features/warehouse/views/StockMovesPage')) },
  { key: 'stockAdjust', path: '/stock/adjust', labelKey: 'menu.stockAdjust', roles: STOCK_WRITE, icon: ScanOutlined, group: 'stock', page: lazy(() => import('../features/warehouse/views/StockAdjustmentPage')) },
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', roles: ['ADMIN'], icon: TeamOutlined, group: 'account', page: lazy(() => import('../features/users/views/UsersPage')) },
  { key: 'tokens', path: '/account/tokens', labelKey: 'menu.tokens', roles: ALL_ROLES, icon: KeyOutlined, group: 'account', page: lazy(() => import('../features/tokens/views/TokensPage')) },
];

/** The entry whose path best matches a location path (longest prefix). */
export function entryForPath(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/');
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
