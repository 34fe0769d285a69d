import { lazy } from 'react';
import { ShoppingCartOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import type { Role } from '../../gql/graphql';

/** Who reads pick lists and tracking (the schema's pickLists), and who picks, packs and dispatches. */
export const PICK_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'SALES'];
export const PICK_WRITE: readonly Role[] = ['WAREHOUSE', 'MANAGER'];

/** The path of a pick list's page by its number (JH-000001). */
export function pickListPath(number: string): string {
  return `/stock/pick-lists/${encodeURIComponent(number)}`;
}

/** The print page of a pick list, or of the delivery note (送货单) of one of its shipments. */
export function pickListPrintPath(number: string, shipment?: string): string {
  return `${pickListPath(number)}/print${shipment ? `?shipment=${encodeURIComponent(shipment)}` : ''}`;
}

/** The pick-pack-dispatch screens: the pick lists, a new one from pending shipments, one by its number, and its prints. */
export const dispatchRoutes: readonly MenuEntry[] = [
  { key: 'pickLists', path: '/stock/pick-lists', labelKey: 'menu.pickLists', roles: PICK_WRITE, icon: ShoppingCartOutlined, group: 'stock', page: lazy(() => import('./views/PickListsPage')) },
  { key: 'pickListNew', path: '/stock/pick-lists/new', labelKey: 'menu.pickListNew', roles: PICK_WRITE, icon: ShoppingCartOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/NewPickListPage')) },
  { key: 'pickList', path: '/stock/pick-lists/:number', labelKey: 'dispatch.pickList', roles: PICK_READ, icon: ShoppingCartOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/PickListPage')) },
  { key: 'pickListPrint', path: '/stock/pick-lists/:number/print', labelKey: 'dispatch.print', roles: PICK_READ, icon: ShoppingCartOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/PickListPrintPage')) },
];
