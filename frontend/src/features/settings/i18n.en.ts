import type { settingsZh } from './i18n.zh';

// English for the company settings module; the same keys as i18n.zh.ts.
export const settingsEn: Record<keyof typeof settingsZh, string> = {
  'menu.companySettings': 'Separation of duties',
  'settings.title': 'Separation of duties',
  'settings.intro':
    'Every control is on by default: while on, the system refuses to let one person do both steps, or a role without the permission do the change, and says why. Only an admin or a manager may change them.',
  'settings.creditLimitRaiseByFinance': "Only finance or a manager raises a customer's credit limit (sales may lower it)",
  'settings.mismatchApprovalByOther': "The user who posted a supplier invoice cannot approve its three-way mismatch",
  'settings.orderApprovalByOther': 'The creator of a purchase order cannot approve it above the limit',
  'settings.orderSelfApprovalLimit': 'Self-approval limit (net of VAT; above it someone else approves; 0: always someone else)',
  'settings.openingStockByFinance': 'Opening stock is posted by finance or an admin, only for a product and warehouse with no stock moves yet',
  'settings.postingAccountsProtected': 'An account the posting rules use, or one with a balance, cannot be deactivated',
  'settings.belowCostSaleByManager': 'Selling below average cost needs a manager to confirm the order',
  'settings.save': 'Save',
  'settings.saved': 'Separation of duties saved',
  'settings.updatedAt': 'Last changed: {at}',
  'settings.limitInvalid': 'Enter an amount >= 0 with at most 2 decimals',
  'settings.companyName': 'Company name (accounting entity)',
  'settings.companyNameHint': 'Heads the printed statements of account and vouchers',
  'settings.companyNameTooLong': 'A company name has at most 100 characters',
  'settings.voucherReview': 'Vouchers are reviewed by someone other than their preparer before their period closes',
  'settings.profitCarryForward': 'Carry profit and loss forward',
  'settings.profitCarryForwardHint': 'Closing a period carries income and expense to current-year profit 3103; at year end (closing December) 3103 goes to profit distribution 3104',
  'settings.carryMonthly': 'Every month',
  'settings.carryYearly': 'Once a year (December only)',
};
