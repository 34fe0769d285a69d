import { dec } from '../../lib/decimal';

/** The exact sum of one amount over a page's rows, as a decimal string. */
export function sumOf<T>(rows: readonly T[], amount: (row: T) => string | null | undefined): string {
  return rows.reduce((s, r) => s.plus(dec(amount(r))), dec('0')).toString();
}
