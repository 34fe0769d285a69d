import type { MessageKey } from './zh';
import { usersEn } from '../features/users/i18n.en';
import { catalogEn } from '../features/catalog/i18n.en';
import { stockEn } from '../features/stock/i18n.en';
import { transfersEn } from '../features/transfers/i18n.en';
import { dispatchEn } from '../features/dispatch/i18n.en';
import { countsEn } from '../features/counts/i18n.en';
import { scrapEn } from '../features/scrap/i18n.en';
import { batchesEn } from '../features/batches/i18n.en';
import { binsEn } from '../features/bins/i18n.en';
import { ledgerEn } from '../features/ledger/i18n.en';
import { partnerEn } from '../features/partner/i18n.en';
import { salesEn } from '../features/sales/i18n.en';
import { purchasingEn } from '../features/purchasing/i18n.en';
import { supplierReturnsEn } from '../features/supplierReturns/i18n.en';
import { budgetEn } from '../features/budget/i18n.en';
import { analyticsEn } from '../features/analytics/i18n.en';
import { alertsEn } from '../features/alerts/i18n.en';
import { workbenchEn } from '../features/workbench/i18n.en';
import { auditEn } from '../features/audit/i18n.en';
import { settingsEn } from '../features/settings/i18n.en';
import { enumsEn } from './enums.en';
import { exportEn } from '../features/export/i18n.en';
import { handheldEn } from '../features/handheld/i18n.en';

// English: the app shell's messages here, each module's in features/<module>/i18n.en.ts.
// Same keys as zh.ts (a unit test checks it).
export const en: Record<MessageKey, string> = {
  ...enumsEn,
  'app.name': 'JXC',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong',
  'app.internalError': 'Internal error, please try again later',
  'app.forbidden': 'Your role does not allow this',
  'app.notFound': 'Page not found',
  'app.retry': 'Retry',
  'app.backHome': 'Back to home',
  'lang.switch': '中文',
  'menu.home': 'Home',
  'menu.graphiql': 'GraphiQL',
  'header.menu': 'Menu',
  'header.logout': 'Sign out',
  'home.welcome': 'Welcome, {name}',
  'home.user': 'User',
  'home.username': 'User name',
  'home.roles': 'Roles',
  'home.live': 'Live connection',
  'home.serverTime': 'Server time',
  'live.live': 'Live',
  'live.connecting': 'Connecting',
  'live.offline': 'Offline',
  'graphiql.hint': 'Sign in first (the session cookie is used), or add in Headers',
  'menuGroup.stock': 'Warehouse',
  'menuGroup.finance': 'Finance',
  'menuGroup.account': 'Account',
  'common.actions': 'Actions',
  'common.active': 'Active',
  'common.inactive': 'Inactive',
  'common.all': 'All',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.createdAt': 'Created',
  'common.description': 'Description',
  'common.postingDate': 'Posting date',
  'common.required': 'Required',
  'common.status': 'Status',
  'common.total': '{n} in all',
  'common.decimalInvalid': 'Enter a number (no more decimals than allowed)',
  'list.search': 'Search number, name, code…',
  'list.columns': 'Columns',
  'list.selected': '{n} selected',
  'list.clearSelection': 'Clear selection',
  'export.xlsx': 'Export to Excel',
  'export.totalRow': 'Total',
  'export.done': 'Exported {n} rows',
  'export.capped': 'Exported the first {n} of {total} rows (limit {cap}); narrow the filter to get the rest',
  'export.failed': 'Export failed: {error}',
  'menuGroup.purchasing': 'Purchasing',
  'menuGroup.sales': 'Sales',
  ...usersEn,
  ...catalogEn,
  ...stockEn,
  ...transfersEn,
  ...dispatchEn,
  ...countsEn,
  ...scrapEn,
  ...batchesEn,
  ...binsEn,
  ...ledgerEn,
  ...partnerEn,
  ...salesEn,
  ...purchasingEn,
  ...supplierReturnsEn,
  ...budgetEn,
  ...analyticsEn,
  ...alertsEn,
  ...workbenchEn,
  ...auditEn,
  ...settingsEn,
  ...exportEn,
  ...handheldEn,
};
