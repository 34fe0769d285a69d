import dayjs, { type Dayjs } from 'dayjs';

/**
 * The company's offset from UTC, in minutes: its business day is the one the
 * server dates postings by (China Standard Time, UTC+8), whatever zone the
 * browser is in. Near midnight a browser in another zone would otherwise
 * default a form to a day the server calls yesterday or tomorrow.
 */
export const COMPANY_UTC_OFFSET_MINUTES = 8 * 60;

/** Today as YYYY-MM-DD in the company's zone (the day the server posts on). */
export function todayISO(now: Date = new Date()): string {
  const d = new Date(now.getTime() + COMPANY_UTC_OFFSET_MINUTES * 60_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** The company's today as a date (local midnight of that day), for date pickers and default periods. */
export function companyToday(now: Date = new Date()): Dayjs {
  return dayjs(todayISO(now));
}

/** A picked date as YYYY-MM-DD (the wire format of the Date scalar); none stays none. */
export function isoDate(d: Dayjs): string;
export function isoDate(d: Dayjs | null | undefined): string | undefined;
export function isoDate(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format('YYYY-MM-DD') : undefined;
}

/** A fiscal month as YYYY-MM. */
export function yearMonth(p: { year: number; month: number }): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}
