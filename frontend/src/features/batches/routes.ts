import { lazy } from 'react';
import { BarcodeOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import type { Role } from '../../gql/graphql';

/** Who works with batches: the warehouse, managers and purchasing (who receive and reorder them). */
const BATCH_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'PURCHASING'];

/** Batches and expiry (批次/效期): stock by batch and a batch's trace by its product's SKU and number. */
export const batchesRoutes: readonly MenuEntry[] = [
  { key: 'stockBatches', path: '/stock/batches', labelKey: 'menu.stockBatches', roles: BATCH_READ, icon: BarcodeOutlined, group: 'stock', page: lazy(() => import('./views/BatchesPage')) },
  { key: 'stockBatchTrace', path: '/stock/batches/:sku/:number', labelKey: 'menu.stockBatchTrace', roles: BATCH_READ, icon: BarcodeOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/BatchTracePage')) },
];
