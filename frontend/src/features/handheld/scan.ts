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
  /** How much this line takes at most (the quantity to ship, the open quantity to receive), in stock units. */
  target: string;
  /** The product's other units with a barcode (a carton): scanning one counts its factor in stock units. */
  packs?: readonly ScanPack[];
}

/** A unit of a product with its own barcode: one scan of it is factor stock units. */
export interface ScanPack {
  code: string;
  barcode?: string | null;
  factor: string;
}

/** The packs of a product's units that have a barcode. */
export function packsOf(units: readonly ScanPack[] | null | undefined): ScanPack[] {
  return (units ?? []).filter((u) => !!u.barcode);
}

/**
 * How many stock units one scan of code counts on a line: 1 for the
 * product's own barcode or SKU, the factor for one of its units' barcodes,
 * null when the code is not the line's product.
 */
export function scanStep(code: string, line: Pick<ScanLine, 'sku' | 'barcodes' | 'packs'>): { step: string; pack?: ScanPack } | null {
  const pack = line.packs?.find((p) => p.barcode === code);
  if (pack) return { step: pack.factor, pack };
  return codeMatches(code, line.sku, line.barcodes) ? { step: '1' } : null;
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
  /** Counted: index is the line counted up, counts the new counts; pack the unit scanned when it was one (a carton). */
  | { kind: 'counted'; index: number; counts: string[]; pack?: ScanPack }
  /** The code names a product of the document, but its lines are all complete. */
  | { kind: 'full'; index: number }
  /** No line of the document has this product. */
  | { kind: 'unknown' }
  /** Nothing was scanned (an empty Enter). */
  | { kind: 'empty' };

/**
 * Counts one scan: the first line of the product that still takes more goes
 * up by step (by step x factor for a unit's barcode, a carton), never past
 * its target; counts are the current counts per line (missing ones are
 * zero) and are not changed.
 */
export function applyScan(lines: readonly ScanLine[], counts: readonly string[], raw: string, step = '1'): ScanOutcome {
  const code = normalizeCode(raw);
  if (!code) return { kind: 'empty' };
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = scanStep(code, l);
    if (!m) continue;
    if (first < 0) first = i;
    const next = dec(counts[i]).plus(dec(step).times(dec(m.step)));
    if (next.lte(dec(l.target))) {
      const out = lines.map((_, n) => (n < counts.length && counts[n] ? counts[n] : '0'));
      out[i] = next.toString();
      return m.pack ? { kind: 'counted', index: i, counts: out, pack: m.pack } : { kind: 'counted', index: i, counts: out };
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

/**
 * A count in stock units as a quantity in a line's unit of the factor:
 * null when it is not a whole number of that unit within places decimals
 * (18 pieces are not a whole number of cartons of 10).
 */
export function inLineUnit(stockCount: string, factor: string, places = 4): string | null {
  const f = dec(factor);
  if (!f.gt(0)) return null;
  const q = dec(stockCount).div(f);
  return q.round(places).eq(q) ? q.toString() : null;
}

/** The one product a typed or scanned code names among search results: an exact barcode or SKU, else the only result. */
export function pickProduct<P extends { sku: string; barcodes: readonly string[] }>(code: string, found: readonly P[]): P | undefined {
  const c = normalizeCode(code);
  return found.find((p) => codeMatches(c, p.sku, p.barcodes)) ?? (found.length === 1 ? found[0] : undefined);
}
