import { lazy } from 'react';
import { RollbackOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { PURCHASING_READ } from '../../app/access';
import { documentRoute } from '../../lib/documents';

/** Who reads supplier returns: purchasing's readers and the warehouse that ships the goods out. */
const RETURN_READ = [...new Set([...PURCHASING_READ, 'WAREHOUSE' as const])];

/** The supplier return screens: the list, a new return (from a receipt) and the detail by number. */
export const supplierReturnRoutes: readonly MenuEntry[] = [
  { key: 'supplierReturns', path: '/purchasing/supplier-returns', labelKey: 'menu.supplierReturns', roles: RETURN_READ, icon: RollbackOutlined, group: 'purchasing', page: lazy(() => import('./views/SupplierReturnsPage')) },
  { key: 'supplierReturnNew', path: '/purchasing/supplier-returns/new', labelKey: 'sret.new', roles: ['PURCHASING', 'WAREHOUSE'], icon: RollbackOutlined, group: 'purchasing', hidden: true, page: lazy(() => import('./views/NewSupplierReturnPage')) },
  { key: 'supplierReturnDocument', path: documentRoute('SUPPLIER_RETURN'), labelKey: 'menu.supplierReturns', roles: RETURN_READ, icon: RollbackOutlined, group: 'purchasing', hidden: true, page: lazy(() => import('./views/SupplierReturnPage')) },
];
