import { lazy } from 'react';
import { DatabaseOutlined, InboxOutlined, ScanOutlined, SwapOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ, STOCK_READ, STOCK_WRITE } from '../../app/access';
import { documentRoute } from '../../lib/documents';

/** The stock screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const stockRoutes: readonly MenuEntry[] = [
  { key: 'stockLevels', path: '/stock/levels', labelKey: 'menu.stockLevels', roles: STOCK_READ, icon: DatabaseOutlined, group: 'stock', page: lazy(() => import('./views/StockLevelsPage')) },
  { key: 'stockMoves', path: '/stock/moves', labelKey: 'menu.stockMoves', roles: STOCK_READ, icon: SwapOutlined, group: 'stock', page: lazy(() => import('./views/StockMovesPage')) },
  { key: 'openingStock', path: '/stock/opening', labelKey: 'menu.openingStock', roles: ['WAREHOUSE', 'FINANCE'], icon: InboxOutlined, group: 'stock', page: lazy(() => import('./views/OpeningStockPage')) },
  { key: 'stockDocuments', path: '/stock/documents', labelKey: 'menu.stockDocuments', roles: [...new Set([...STOCK_READ, ...FINANCE_READ])], icon: ScanOutlined, group: 'stock', page: lazy(() => import('./views/StockDocumentsPage')) },
  { key: 'stockDocument', path: documentRoute('STOCK_ADJUSTMENT'), labelKey: 'pdoc.kind.STOCK_ADJUSTMENT', roles: [...new Set([...STOCK_READ, ...FINANCE_READ])], icon: ScanOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/StockDocumentPage')) },
  { key: 'stockBins', path: '/stock/bins', labelKey: 'menu.bins', roles: STOCK_READ, icon: DatabaseOutlined, group: 'stock', page: lazy(() => import('../bins/views/BinsPage')) },
  { key: 'binMove', path: documentRoute('BIN_MOVE'), labelKey: 'source.BIN_MOVE', roles: STOCK_READ, icon: DatabaseOutlined, group: 'stock', hidden: true, page: lazy(() => import('../bins/views/BinMovePage')) },
  { key: 'stockAdjust', path: '/stock/adjust', labelKey: 'menu.stockAdjust', roles: STOCK_WRITE, icon: ScanOutlined, group: 'stock', page: lazy(() => import('./views/StockAdjustmentPage')) },
];
