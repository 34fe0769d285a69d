/** How a batch stands against its expiry: expired, expiring within the alert days, or fine (no expiry: none). */
export type ExpiryState = 'EXPIRED' | 'SOON' | 'OK' | 'NONE';

/** Whole days from today (YYYY-MM-DD, the company's day) to the expiry date; negative once expired. */
export function daysToExpiry(expiry: string | null | undefined, today: string): number | undefined {
  if (!expiry) return undefined;
  const a = Date.UTC(Number(expiry.slice(0, 4)), Number(expiry.slice(5, 7)) - 1, Number(expiry.slice(8, 10)));
  const b = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Math.round((a - b) / 86_400_000);
}

/** The state of a batch with that many days left, with the company's alert days (the server's expiring-soon rule: expiry <= today + days). */
export function expiryState(days: number | undefined, alertDays: number): ExpiryState {
  if (days === undefined) return 'NONE';
  if (days < 0) return 'EXPIRED';
  if (days <= alertDays) return 'SOON';
  return 'OK';
}

/** The tag colour of each state. */
export const EXPIRY_COLORS: Record<ExpiryState, string> = { EXPIRED: 'red', SOON: 'orange', OK: 'green', NONE: 'default' };
