import type { Dayjs } from 'dayjs';

/** Today as YYYY-MM-DD in the browser's zone. */
export function todayISO(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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
