import Big from 'big.js';
import { dec, sumDecimals } from '../../lib/decimal';
import type { Locale } from '../../i18n';
import { companyToday, formatMonth } from '../../lib/date';

// Pure helpers for the dashboard's sales charts and the slow-moving list.
// Amounts stay exact decimals; numbers are made only for chart geometry.

export interface MonthRow {
  month: string;
  sales: string;
  /** Cost of sales, profit and margin are MARGINS_AND_COSTS: absent for roles that may not read them. */
  cogs?: string;
  grossProfit?: string;
  grossMargin?: string | null;
}

/** Whether a period has anything to chart: some month with sales or cost of sales. */
export function hasMonthlyData(rows: readonly MonthRow[]): boolean {
  return rows.some((r) => !dec(r.sales).eq(0) || !dec(r.cogs ?? '0').eq(0));
}

/** The period's totals, exactly; the margin is null without sales. */
export function monthlyTotals(rows: readonly MonthRow[]): { sales: Big; grossProfit: Big; grossMargin: Big | null } {
  const sales = sumDecimals(rows.map((r) => r.sales));
  const grossProfit = sumDecimals(rows.map((r) => r.grossProfit ?? '0'));
  return { sales, grossProfit, grossMargin: sales.eq(0) ? null : grossProfit.div(sales) };
}

/** A margin fraction as a percentage number for the chart's line, or null for a gap. */
export function marginPercent(m: string | null | undefined): number | null {
  return m == null || m === '' ? null : dec(m).times(100).round(2, Big.roundHalfUp).toNumber();
}

/** "2026-07" as a short month label: "7月" / "Jul 2026". */
export function monthLabel(month: string, locale: Locale): string {
  return formatMonth(month, locale);
}

/** A best seller's label: the English one in English when it has one. */
export function sellerLabel(s: { label: string; labelEn: string }, locale: Locale): string {
  return locale === 'en' && s.labelEn.trim() !== '' ? s.labelEn : s.label;
}

/** The total value of the rows listed, exactly. */
export function listedValue(rows: readonly { value: string }[]): Big {
  return sumDecimals(rows.map((r) => r.value));
}

/** Whole days since a date (YYYY-MM-DD) up to today, or null when never. */
export function daysSince(date: string | null | undefined, today = companyToday().toDate()): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map((p) => Number.parseInt(p, 10));
  if (!y || !m || !d) return null;
  const then = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - then) / 86_400_000);
}

/** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least x (x > 0). */
export function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= x * (1 - 1e-9)) return f * p;
  return 10 * p;
}

export interface AxisRange {
  min: number;
  max: number;
  interval: number;
}

/**
 * Ranges for two value axes with `splits` intervals each and zero on the same
 * grid line, so negative months (returns) do not make the bars and the
 * margin line disagree about where zero is. Values are chart geometry only.
 */
export function alignedAxes(left: number[], right: number[], splits = 5): [AxisRange, AxisRange] | null {
  const span = (vs: number[]) => ({ pos: Math.max(0, ...vs), neg: Math.max(0, ...vs.map((v) => -v)) });
  const l = span(left);
  const r = span(right);
  if (l.pos + l.neg === 0 || r.pos + r.neg === 0) return null;
  let best: { k: number; li: number; ri: number; waste: number } | null = null;
  for (let k = 0; k < splits; k++) {
    if (k === 0 && (l.neg > 0 || r.neg > 0)) continue;
    if (k > 0 && l.neg === 0 && r.neg === 0) break;
    const need = (a: { pos: number; neg: number }) => niceCeil(Math.max(a.pos / (splits - k), k ? a.neg / k : 0) || 1e-9);
    const li = need(l);
    const ri = need(r);
    const waste = (li * splits) / (l.pos + l.neg) + (ri * splits) / (r.pos + r.neg);
    if (!best || waste < best.waste) best = { k, li, ri, waste };
  }
  if (!best) return null;
  const clean = (x: number) => Number(x.toPrecision(12)); // 3 x 0.1 is 0.3, not 0.30000000000000004
  const axis = (i: number): AxisRange => ({ min: best.k ? clean(-best.k * i) : 0, max: clean((splits - best.k) * i), interval: i });
  return [axis(best.li), axis(best.ri)];
}

/** A day of an ISO date as a UTC timestamp (dates carry no time zone here). */
function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** iso plus n calendar months, the day kept or clamped to the month's last (01-31 + 1 month = 02-28). */
function addMonths(iso: string, n: number): number {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last));
}

const DAY_MS = 86_400_000;

/**
 * How long the period from..to (both included) is: its days, and as whole
 * calendar months plus the days left over. 2026-01-05..2026-12-07 is 337
 * days, 11 months and 3 days (not the 12 calendar months it touches).
 */
export function periodLength(from: string, to: string): { days: number; months: number; rest: number } {
  const end = utcDay(to) + DAY_MS;
  const days = Math.max(0, Math.round((end - utcDay(from)) / DAY_MS));
  let months = 0;
  while (addMonths(from, months + 1) <= end) months++;
  const rest = Math.round((end - addMonths(from, months)) / DAY_MS);
  return { days, months, rest };
}
