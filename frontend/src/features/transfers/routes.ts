import { lazy } from 'react';
import { CarOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { STOCK_READ, STOCK_WRITE } from '../../app/access';
import { documentRoute } from '../../lib/documents';

/** The transfer screens: the list, a new draft and a transfer by its number. */
export const transfersRoutes: readonly MenuEntry[] = [
  { key: 'stockTransfers', path: '/stock/transfers', labelKey: 'menu.stockTransfers', roles: STOCK_READ, icon: CarOutlined, group: 'stock', page: lazy(() => import('./views/StockTransfersPage')) },
  { key: 'stockTransferNew', path: '/stock/transfers/new', labelKey: 'menu.stockTransferNew', roles: STOCK_WRITE, icon: CarOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/NewStockTransferPage')) },
  { key: 'stockTransfer', path: documentRoute('STOCK_TRANSFER'), labelKey: 'pdoc.kind.STOCK_TRANSFER', roles: STOCK_READ, icon: CarOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/StockTransferPage')) },
];
