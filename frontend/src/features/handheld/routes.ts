import { lazy } from 'react';
import { MobileOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { STOCK_READ } from '../../app/access';

/** Who picks, ships, receives and adjusts on a handheld: the warehouse (ADMIN sees all). */
const HANDHELD_WRITE = ['WAREHOUSE'] as const;

/** The handheld tasks, in the home's order: hidden pages (the home's tiles open them). */
export const HANDHELD_TASKS: readonly MenuEntry[] = [
  { key: 'handheldPick', path: '/m/pick', labelKey: 'menu.handheldPick', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('./views/PickPage')) },
  { key: 'handheldReceive', path: '/m/receive', labelKey: 'menu.handheldReceive', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('./views/ReceivePage')) },
  { key: 'handheldTransfer', path: '/m/transfer', labelKey: 'menu.handheldTransfer', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('../transfers/views/HandheldTransferPage')) },
  { key: 'handheldCount', path: '/m/count', labelKey: 'menu.handheldCount', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('../counts/views/HandheldCountPage')) },
  { key: 'handheldAdjust', path: '/m/adjust', labelKey: 'menu.handheldAdjust', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('./views/AdjustPage')) },
  { key: 'handheldMove', path: '/m/move', labelKey: 'menu.handheldMove', roles: HANDHELD_WRITE, icon: MobileOutlined, hidden: true, page: lazy(() => import('./views/MovePage')) },
  { key: 'handheldLookup', path: '/m/lookup', labelKey: 'menu.handheldLookup', roles: STOCK_READ, icon: MobileOutlined, hidden: true, page: lazy(() => import('./views/LookupPage')) },
];

/** The handheld warehouse: its home in the stock menu, its tasks routed under /m. */
export const handheldRoutes: readonly MenuEntry[] = [
  { key: 'handheld', path: '/m', labelKey: 'menu.handheld', roles: STOCK_READ, icon: MobileOutlined, group: 'stock', page: lazy(() => import('./views/HandheldHome')) },
  ...HANDHELD_TASKS,
];
