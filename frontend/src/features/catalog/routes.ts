import { lazy } from 'react';
import { AppstoreOutlined, ShopOutlined, TagsOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { STOCK_READ } from '../../app/access';

/** The catalog screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const catalogRoutes: readonly MenuEntry[] = [
  { key: 'products', path: '/stock/products', labelKey: 'menu.products', roles: STOCK_READ, icon: AppstoreOutlined, group: 'stock', page: lazy(() => import('./views/ProductsPage')) },
  { key: 'categories', path: '/stock/categories', labelKey: 'menu.categories', roles: STOCK_READ, icon: TagsOutlined, group: 'stock', page: lazy(() => import('./views/CategoriesPage')) },
  { key: 'warehouses', path: '/stock/warehouses', labelKey: 'menu.warehouses', roles: STOCK_READ, icon: ShopOutlined, group: 'stock', page: lazy(() => import('./views/WarehousesPage')) },
];
