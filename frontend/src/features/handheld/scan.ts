import { dec } from '../../lib/decimal';

/**
 * The scan logic of the handheld screens, free of React: a scanned code
 * (a barcode or a SKU, as a keyboard-wedge scanner or the camera reads it)
 * is matched to the document's lines and counted up.
 */

/** A line to pick or receive: its product's codes and how much is to be counted. */
export interface ScanLine {
  id: string;
  sku: string;
  barcodes: readonly string[];
  /** How much this line takes at most (the quantity to ship, the open quantity to receive). */
  target: string;
}

/** A scanner's text as a code: trimmed, control characters (a wedge's prefix or suffix) and inner spaces removed. */
export function normalizeCode(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** Whether a code names the product: one of its barcodes exactly, or its SKU in any case. */
export function codeMatches(code: string, sku: string, barcodes: readonly string[]): boolean {
  return barcodes.includes(code) || sku.toUpperCase() === code.toUpperCase();
}

export type ScanOutcome =
  /** Counted: index is the line counted up, counts the new counts. */
  | { kind: 'counted'; index: number; counts: string[] }
  /** The code names a product of the document, but its lines are all complete. */
  | { kind: 'full'; index: number }
  /** No line of the document has this product. */
  | { kind: 'unknown' }
  /** Nothing was scanned (an empty Enter). */
  | { kind: 'empty' };

/**
 * Counts one scan: the first line of the product that still takes more goes
 * up by step (never past its target); counts are the current counts per line
 * (missing ones are zero) and are not changed.
 */
export function applyScan(lines: readonly ScanLine[], counts: readonly string[], raw: string, step = '1'): ScanOutcome {
  const code = normalizeCode(raw);
  if (!code) return { kind: 'empty' };
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!codeMatches(code, l.sku, l.barcodes)) continue;
    if (first < 0) first = i;
    const next = dec(counts[i]).plus(dec(step));
    if (next.lte(dec(l.target))) {
      const out = lines.map((_, n) => (n < counts.length && counts[n] ? counts[n] : '0'));
      out[i] = next.toString();
      return { kind: 'counted', index: i, counts: out };
    }
  }
  return first >= 0 ? { kind: 'full', index: first } : { kind: 'unknown' };
}

/** How far a document is counted: units counted and to count, lines complete, and whether all is. */
export function progress(lines: readonly ScanLine[], counts: readonly string[]) {
  let counted = dec('0');
  let total = dec('0');
  let complete = 0;
  lines.forEach((l, i) => {
    const c = dec(counts[i]);
    counted = counted.plus(c);
    total = total.plus(dec(l.target));
    if (c.gte(dec(l.target))) complete++;
  });
  return { counted: counted.toString(), total: total.toString(), completeLines: complete, lines: lines.length, done: lines.length > 0 && complete === lines.length };
}

/** The lines with something counted, as the mutations take them: the line's id and its count. */
export function countedLines(lines: readonly ScanLine[], counts: readonly string[]): { id: string; quantity: string }[] {
  return lines.flatMap((l, i) => (dec(counts[i]).gt(0) ? [{ id: l.id, quantity: dec(counts[i]).toString() }] : []));
}

/**
 * A count against the book: the stock adjustment that makes the book say
 * what was counted, or null when they agree. Throws nothing: a counted
 * quantity that is not a decimal ≥ 0 is 'invalid'.
 */
export function countDifference(onHand: string, counted: string): { direction: 'INCREASE' | 'DECREASE'; quantity: string } | null | 'invalid' {
  const c = counted.trim();
  if (!/^\d+(\.\d{1,4})?$/.test(c)) return 'invalid';
  const diff = dec(c).minus(dec(onHand));
  if (diff.eq(0)) return null;
  return diff.gt(0) ? { direction: 'INCREASE', quantity: diff.toString() } : { direction: 'DECREASE', quantity: diff.abs().toString() };
}

/** The one product a typed or scanned code names among search results: an exact barcode or SKU, else the only result. */
export function pickProduct<P extends { sku: string; barcodes: readonly string[] }>(code: string, found: readonly P[]): P | undefined {
  const c = normalizeCode(code);
  return found.find((p) => codeMatches(c, p.sku, p.barcodes)) ?? (found.length === 1 ? found[0] : undefined);
}
