import { dec, formatQty, isDecimal } from '../../lib/decimal';
import { codeMatches, normalizeCode } from '../handheld/scan';

/** What a count line's variance says: not counted yet (or hidden), agrees, short or over. */
export type VarianceTone = 'none' | 'ok' | 'short' | 'over';

export function varianceTone(variance: string | null | undefined): VarianceTone {
  if (variance == null || !isDecimal(variance)) return 'none';
  const v = dec(variance);
  if (v.eq(0)) return 'ok';
  return v.lt(0) ? 'short' : 'over';
}

/** A variance with its sign: +2, -1.5, 0; a dash while uncounted or hidden. */
export function formatVariance(variance: string | null | undefined): string {
  const tone = varianceTone(variance);
  if (tone === 'none') return '—';
  const s = formatQty(variance);
  return tone === 'over' ? `+${s}` : s;
}

export interface VarianceLine {
  counted?: string | null;
  variance?: string | null;
  varianceValue?: string | null;
  overTolerance: boolean;
}

/** A sheet's review figures: lines counted of all, lines over tolerance, net and gross variance value (gains + losses, losses as a positive sum). */
export function sheetTotals(lines: readonly VarianceLine[]) {
  let counted = 0;
  let flagged = 0;
  let net = dec('0');
  let gains = dec('0');
  let losses = dec('0');
  for (const l of lines) {
    if (l.counted != null) counted++;
    if (l.overTolerance) flagged++;
    if (l.varianceValue != null && isDecimal(l.varianceValue)) {
      const v = dec(l.varianceValue);
      net = net.plus(v);
      if (v.gt(0)) gains = gains.plus(v);
      else losses = losses.minus(v);
    }
  }
  return { lines: lines.length, counted, flagged, net: net.toString(), gains: gains.toString(), losses: losses.toString() };
}

/** The scrap screen prefilled for damaged goods found on a count line (the scrap screen's URL contract). */
export function scrapLink(warehouseCode: string, sku: string, quantity: string, number: string): string {
  const q = new URLSearchParams({ warehouse: warehouseCode, product: sku, quantity, count: number });
  return `/stock/scraps/new?${q.toString()}`;
}

export interface CodedLine {
  product: { sku: string; barcodes: readonly string[] };
}

/** The index of the sheet's line a scanned code names (a barcode or the SKU in any case), or -1. */
export function lineOfCode(lines: readonly CodedLine[], raw: string): number {
  const code = normalizeCode(raw);
  if (!code) return -1;
  return lines.findIndex((l) => codeMatches(code, l.product.sku, l.product.barcodes));
}

/** A counted quantity as typed: 0 or more with at most 4 decimals; undefined when it is not one. */
export function countedQuantity(raw: string): string | undefined {
  const q = raw.trim();
  if (!q || !isDecimal(q)) return undefined;
  const d = dec(q);
  if (d.lt(0)) return undefined;
  const [, frac = ''] = q.split('.');
  if (frac.length > 4) return undefined;
  return d.toString();
}
