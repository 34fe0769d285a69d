import { lazy } from 'react';
import { AccountBookOutlined, AuditOutlined, BookOutlined, CalendarOutlined, ClusterOutlined, ContainerOutlined, FileTextOutlined, FundOutlined, PercentageOutlined, RiseOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ } from '../../app/access';

/** The ledger screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const ledgerRoutes: readonly MenuEntry[] = [
  { key: 'accounts', path: '/finance/accounts', labelKey: 'menu.accounts', roles: FINANCE_READ, icon: BookOutlined, group: 'finance', page: lazy(() => import('./views/AccountsPage')) },
  { key: 'journal', path: '/finance/journal', labelKey: 'menu.journal', roles: FINANCE_READ, icon: AccountBookOutlined, group: 'finance', page: lazy(() => import('./views/JournalPage')) },
  { key: 'trialBalance', path: '/finance/trial-balance', labelKey: 'menu.trialBalance', roles: FINANCE_READ, icon: AuditOutlined, group: 'finance', page: lazy(() => import('./views/AccountBalancesPage')) },
  { key: 'accountLedger', path: '/finance/ledger', labelKey: 'menu.accountLedger', roles: FINANCE_READ, icon: ContainerOutlined, group: 'finance', page: lazy(() => import('./views/AccountLedgerPage')) },
  { key: 'auxiliary', path: '/finance/auxiliary', labelKey: 'menu.auxiliary', roles: FINANCE_READ, icon: ClusterOutlined, group: 'finance', page: lazy(() => import('./views/AuxiliaryPage')) },
  { key: 'statement', path: '/finance/statement', labelKey: 'menu.statement', roles: FINANCE_READ, icon: FileTextOutlined, group: 'finance', page: lazy(() => import('./views/StatementPage')) },
  { key: 'profitAndLoss', path: '/finance/profit-and-loss', labelKey: 'menu.profitAndLoss', roles: FINANCE_READ, icon: RiseOutlined, group: 'finance', page: lazy(() => import('./views/ProfitAndLossPage')) },
  { key: 'balanceSheet', path: '/finance/balance-sheet', labelKey: 'menu.balanceSheet', roles: FINANCE_READ, icon: FundOutlined, group: 'finance', page: lazy(() => import('./views/BalanceSheetPage')) },
  { key: 'statementMapping', path: '/finance/statement-mapping', labelKey: 'menu.statementMapping', roles: FINANCE_READ, icon: SettingOutlined, group: 'finance', page: lazy(() => import('./views/StatementMappingPage')) },
  { key: 'vat', path: '/finance/vat', labelKey: 'menu.vat', roles: FINANCE_READ, icon: PercentageOutlined, group: 'finance', page: lazy(() => import('./views/VatPage')) },
  { key: 'fiscalPeriods', path: '/finance/periods', labelKey: 'menu.fiscalPeriods', roles: FINANCE_READ, icon: CalendarOutlined, group: 'finance', page: lazy(() => import('./views/FiscalPeriodsPage')) },
  { key: 'voucher', path: '/finance/vouchers/:id', labelKey: 'voucher.title', roles: FINANCE_READ, icon: FileTextOutlined, group: 'finance', hidden: true, page: lazy(() => import('./views/VoucherPage')) },
  { key: 'booksCheck', path: '/finance/books-check', labelKey: 'menu.booksCheck', roles: ['FINANCE'], icon: SafetyCertificateOutlined, group: 'finance', page: lazy(() => import('./views/BooksCheckPage')) },
];
