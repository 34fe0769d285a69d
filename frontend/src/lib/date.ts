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

/**
 * How the app writes dates and times for people: one format per language,
 * in the company's zone (UTC+8) whatever the browser's, and every screen
 * formats through these helpers (date-format.test.ts fails on
 * toLocaleString & co. elsewhere).
 *
 * Both languages write dates as YYYY-MM-DD: it is how business dates
 * (posting dates, due dates) cross the wire and appear in tables, exports and
 * URLs, it reads the same to a Chinese and an English reader (no 3/11 vs
 * 11/3), and it is what Chinese vouchers and statements print. Times are
 * 24-hour HH:mm (HH:mm:ss for a ticking clock).
 */
export type DateLocale = 'zh' | 'en';

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant's calendar parts in the company's zone; a bare YYYY-MM-DD is a date already and keeps its day. */
function companyParts(v: string | number | Date): Parts | null {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, mo, d] = v.split('-').map(Number);
    return { y, mo, d, h: 0, mi: 0, s: 0 };
  }
  const t = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(t.getTime())) return null;
  const c = new Date(t.getTime() + COMPANY_UTC_OFFSET_MINUTES * 60_000);
  return { y: c.getUTCFullYear(), mo: c.getUTCMonth() + 1, d: c.getUTCDate(), h: c.getUTCHours(), mi: c.getUTCMinutes(), s: c.getUTCSeconds() };
}

const ymd = (p: Parts) => `${p.y}-${pad(p.mo)}-${pad(p.d)}`;

/** A date or an instant as its company-zone date: '2026-11-03'. None or garbage shows as given (or empty). */
export function formatDate(v: string | number | Date | null | undefined, _locale: DateLocale = 'zh'): string {
  if (v == null || v === '') return '';
  const p = companyParts(v);
  return p ? ymd(p) : String(v);
}

/** An instant in the company's zone: '2026-11-03 14:05' (with seconds: '2026-11-03 14:05:09'). */
export function formatDateTime(v: string | number | Date | null | undefined, _locale: DateLocale = 'zh', opts: { seconds?: boolean } = {}): string {
  if (v == null || v === '') return '';
  const p = companyParts(v);
  if (!p) return String(v);
  return `${ymd(p)} ${pad(p.h)}:${pad(p.mi)}${opts.seconds ? `:${pad(p.s)}` : ''}`;
}

/** An instant's time of day in the company's zone: '14:05:09'. */
export function formatTime(v: string | number | Date | null | undefined): string {
  if (v == null || v === '') return '';
  const p = companyParts(v);
  return p ? `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}` : String(v);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month 'YYYY-MM' as a short label for charts: '2026年7月' / 'Jul 2026'. */
export function formatMonth(month: string, locale: DateLocale): string {
  const [y, m] = month.split('-').map((p) => Number.parseInt(p, 10));
  if (!y || !m || m < 1 || m > 12) return month;
  return locale === 'zh' ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
}
