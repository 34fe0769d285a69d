import { describe, expect, it } from 'vitest';
import { countedQuantity, formatVariance, lineOfCode, scrapLink, sheetTotals, varianceTone } from './variance';

describe('count variances', () => {
  it('reads a variance as short, over, agreeing or not there', () => {
    expect(varianceTone('-1.5')).toBe('short');
    expect(varianceTone('2')).toBe('over');
    expect(varianceTone('0.0000')).toBe('ok');
    expect(varianceTone(null)).toBe('none');
    expect(varianceTone(undefined)).toBe('none');
  });

  it('writes a variance with its sign', () => {
    expect(formatVariance('2')).toBe('+2');
    expect(formatVariance('-1.5')).toBe('-1.5');
    expect(formatVariance('0')).toBe('0');
    expect(formatVariance(null)).toBe('—');
  });

  it('adds up a sheet exactly: counted, flagged, net, gains and losses', () => {
    const t = sheetTotals([
      { counted: '5', variance: '-1', varianceValue: '-10.10', overTolerance: true },
      { counted: '3', variance: '1', varianceValue: '0.20', overTolerance: false },
      { counted: null, variance: null, varianceValue: null, overTolerance: false },
      { counted: '1', variance: '0', varianceValue: '0', overTolerance: false },
    ]);
    expect(t).toEqual({ lines: 4, counted: 3, flagged: 1, net: '-9.9', gains: '0.2', losses: '10.1' });
  });

  it('links a damaged line to the scrap screen by the URL contract', () => {
    expect(scrapLink('WH01', 'SKU 1', '2', 'PD-000003')).toBe('/stock/scraps/new?warehouse=WH01&product=SKU+1&quantity=2&count=PD-000003');
  });

  it('finds the line a scan names by barcode or SKU', () => {
    const lines = [{ product: { sku: 'A-1', barcodes: ['690001'] } }, { product: { sku: 'B-2', barcodes: [] } }];
    expect(lineOfCode(lines, '690001\n')).toBe(0);
    expect(lineOfCode(lines, 'b-2')).toBe(1);
    expect(lineOfCode(lines, 'C-3')).toBe(-1);
    expect(lineOfCode(lines, '  ')).toBe(-1);
  });

  it('takes a counted quantity of 0 or more with at most 4 decimals', () => {
    expect(countedQuantity(' 3 ')).toBe('3');
    expect(countedQuantity('0')).toBe('0');
    expect(countedQuantity('1.2500')).toBe('1.25');
    expect(countedQuantity('-1')).toBeUndefined();
    expect(countedQuantity('1.23456')).toBeUndefined();
    expect(countedQuantity('abc')).toBeUndefined();
    expect(countedQuantity('')).toBeUndefined();
  });
});
