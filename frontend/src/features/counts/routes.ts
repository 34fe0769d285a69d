import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import type { Role } from '../../gql/graphql';
import { documentRoute } from '../../lib/documents';

/** Who reads count sheets, who makes and counts them, who approves and posts them (the schema's @hasRole). */
export const COUNT_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'FINANCE'];
export const COUNT_WRITE: readonly Role[] = ['WAREHOUSE', 'MANAGER'];
export const COUNT_POST: readonly Role[] = ['MANAGER', 'FINANCE'];
export const COUNT_SCHEDULE: readonly Role[] = ['MANAGER'];

/** The stock count screens: the list (with the counts due), a new sheet and a sheet by its number. */
export const countsRoutes: readonly MenuEntry[] = [
  { key: 'stockCounts', path: '/stock/counts', labelKey: 'menu.stockCounts', roles: COUNT_READ, icon: AuditOutlined, group: 'stock', page: lazy(() => import('./views/StockCountsPage')) },
  { key: 'stockCountNew', path: '/stock/counts/new', labelKey: 'menu.stockCountNew', roles: COUNT_WRITE, icon: AuditOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/NewStockCountPage')) },
  { key: 'stockCount', path: documentRoute('STOCK_COUNT'), labelKey: 'pdoc.kind.STOCK_COUNT', roles: COUNT_READ, icon: AuditOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/StockCountPage')) },
];
