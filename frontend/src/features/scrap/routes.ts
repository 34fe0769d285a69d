import { lazy } from 'react';
import { DeleteOutlined, HourglassOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import type { Role } from '../../gql/graphql';

const SCRAP_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'FINANCE', 'ANALYST'];
const SCRAP_WRITE: readonly Role[] = ['WAREHOUSE', 'MANAGER'];
const SLOW_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'FINANCE', 'ANALYST'];

/** Scrap (报废) and slow movers (呆滞): menu entries and routes (the menu's order is in app/menu.tsx). */
export const scrapRoutes: readonly MenuEntry[] = [
  { key: 'scraps', path: '/stock/scraps', labelKey: 'menu.scraps', roles: SCRAP_READ, icon: DeleteOutlined, group: 'stock', page: lazy(() => import('./views/ScrapsPage')) },
  { key: 'newScrap', path: '/stock/scraps/new', labelKey: 'menu.newScrap', roles: SCRAP_WRITE, icon: DeleteOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/NewScrapPage')) },
  { key: 'scrap', path: '/stock/scraps/:number', labelKey: 'menu.scrap', roles: SCRAP_READ, icon: DeleteOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/ScrapPage')) },
  { key: 'slowMovers', path: '/stock/slow-movers', labelKey: 'menu.slowMovers', roles: SLOW_READ, icon: HourglassOutlined, group: 'stock', page: lazy(() => import('./views/SlowMoversPage')) },
];
