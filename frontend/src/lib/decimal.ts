import Big from 'big.js';

// Amounts and quantities arrive as exact decimal strings (the Decimal
// scalar). They are parsed with big.js only for arithmetic and formatting;
// never with parseFloat.

/** Parses a Decimal scalar; empty or malformed input counts as 0. */
export function dec(v: string | null | undefined): Big {
  if (v == null || v === '') return new Big(0);
  try {
    return new Big(v);
  } catch {
    return new Big(0);
  }
}

/** Whether a string is a valid decimal number (what the Decimal scalar accepts). */
export function isDecimal(v: string | null | undefined): boolean {
  return !!v && /^-?\d+(\.\d+)?$/.test(v.trim());
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats a decimal with thousands separators and a fixed number of
 * decimals, rounding half-up: "1234567.5" -> "1,234,567.50".
 */
export function formatDecimal(v: string | Big | null | undefined, dp = 2): string {
  const b = v instanceof Big ? v : dec(v);
  const fixed = b.round(dp, Big.roundHalfUp).toFixed(dp);
  const neg = fixed.startsWith('-');
  const [i, f] = (neg ? fixed.slice(1) : fixed).split('.');
  const out = groupThousands(i) + (f ? `.${f}` : '');
  return neg && !/^[0.,]+$/.test(out) ? `-${out}` : out;
}

/** Money: 2 decimals with separators. */
export const formatMoney = (v: string | Big | null | undefined) => formatDecimal(v, 2);

/**
 * Quantities: up to 4 decimals, trailing zeros dropped, with separators:
 * "1200.5000" -> "1,200.5".
 */
export function formatQty(v: string | Big | null | undefined): string {
  const b = v instanceof Big ? v : dec(v);
  const s = b.round(4, Big.roundHalfUp).toFixed(4).replace(/\.?0+$/, '');
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  const out = groupThousands(i) + (f ? `.${f}` : '');
  return neg && out !== '0' ? `-${out}` : out;
}

/** Sums decimal strings exactly. */
export function sumDecimals(values: Iterable<string | null | undefined>): Big {
  let total = new Big(0);
  for (const v of values) total = total.plus(dec(v));
  return total;
}

/** Compares two decimal strings: -1, 0 or 1 (for table sorters). */
export function compareDecimals(a: string | null | undefined, b: string | null | undefined): number {
  return dec(a).cmp(dec(b));
}

/** A decimal as a chart's geometry (bar length, slice angle); never for a label or a sum, which use the exact decimal. */
export function chartNumber(v: string | null | undefined): number {
  return dec(v).toNumber();
}
