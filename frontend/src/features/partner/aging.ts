import { dec, sumDecimals } from '../../lib/decimal';
import type { MessageKey, TFunction } from '../../i18n';

/** Open amounts by age, the same for receivables and payables (decimal strings). */
export interface AgingBuckets {
  notDue: string;
  days1To30: string;
  days31To60: string;
  days61To90: string;
  over90: string;
  total: string;
}

export type AgingBucketKey = keyof AgingBuckets;

/** The buckets past their due date, youngest first. */
export const OVERDUE_KEYS = ['days1To30', 'days31To60', 'days61To90', 'over90'] as const;
/** The age buckets in order (what the chart draws); `total` is not one. */
export const AGE_KEYS = ['notDue', ...OVERDUE_KEYS] as const;

/** Every column of an aging table in order, with its label; `total` last. */
export const BUCKETS: { key: AgingBucketKey; label: MessageKey }[] = [
  { key: 'notDue', label: 'aging.notDue' },
  { key: 'days1To30', label: 'aging.days1To30' },
  { key: 'days31To60', label: 'aging.days31To60' },
  { key: 'days61To90', label: 'aging.days61To90' },
  { key: 'over90', label: 'aging.over90' },
  { key: 'total', label: 'aging.total' },
];

/** What is past due: the total less what is not due yet. */
export function overdueOf(b: AgingBuckets) {
  return sumDecimals(OVERDUE_KEYS.map((k) => b[k]));
}

/** Whether anything is open at all. */
export function anyOpen(b: AgingBuckets): boolean {
  return dec(b.total).gt(0);
}

export interface AgingBar {
  label: string;
  amount: string;
}

/** The age buckets as chart bars, labelled in the current language. */
export function agingBars(t: TFunction, b: AgingBuckets): AgingBar[] {
  return AGE_KEYS.map((k) => ({ label: t(`aging.${k}`), amount: b[k] }));
}
