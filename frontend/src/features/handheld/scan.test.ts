import { describe, expect, it } from 'vitest';
import { applyScan, countDifference, countedLines, inLineUnit, normalizeCode, packsOf, pickProduct, progress, scanStep, type ScanLine } from './scan';

const lines: ScanLine[] = [
  { id: 'a', sku: 'AP-FRG-420', barcodes: ['6900004120008'], target: '2' },
  { id: 'b', sku: 'SA-PC-5', barcodes: ['6900004120138', '6900004120139'], target: '1' },
  { id: 'c', sku: 'AP-FRG-420', barcodes: ['6900004120008'], target: '1' },
];

describe('normalizeCode', () => {
  it('drops a wedge scanner prefix/suffix and surrounding blanks', () => {
    expect(normalizeCode(' \u00026900004120008\r\n')).toBe('6900004120008');
    expect(normalizeCode('   ')).toBe('');
  });
});

describe('applyScan', () => {
  it('matches a barcode to its line and counts up by one', () => {
    const r = applyScan(lines, [], '6900004120138');
    expect(r).toEqual({ kind: 'counted', index: 1, counts: ['0', '1', '0'] });
  });
  it('matches the SKU in any case', () => {
    const r = applyScan(lines, ['0', '0', '0'], 'sa-pc-5');
    expect(r.kind === 'counted' && r.index).toBe(1);
  });
  it('fills the first line of a product, then the next one of the same product', () => {
    let counts: string[] = [];
    for (const want of [['1', '0', '0'], ['2', '0', '0'], ['2', '0', '1']]) {
      const r = applyScan(lines, counts, '6900004120008');
      expect(r.kind).toBe('counted');
      if (r.kind === 'counted') counts = r.counts;
      expect(counts).toEqual(want);
    }
    // Everything of that product is picked: a further scan is refused and changes nothing.
    expect(applyScan(lines, counts, '6900004120008')).toEqual({ kind: 'full', index: 0 });
    expect(counts).toEqual(['2', '0', '1']);
  });
  it('says unknown for a code on no line, and empty for an empty Enter', () => {
    expect(applyScan(lines, [], '123')).toEqual({ kind: 'unknown' });
    expect(applyScan(lines, [], ' \r')).toEqual({ kind: 'empty' });
  });
  it('counts exact decimals with a step, never past the target', () => {
    const l: ScanLine[] = [{ id: 'x', sku: 'W', barcodes: [], target: '0.3' }];
    let r = applyScan(l, ['0.1'], 'W', '0.1');
    expect(r).toEqual({ kind: 'counted', index: 0, counts: ['0.2'] });
    r = applyScan(l, ['0.2'], 'W', '0.1');
    expect(r).toEqual({ kind: 'counted', index: 0, counts: ['0.3'] });
    expect(applyScan(l, ['0.3'], 'W', '0.1').kind).toBe('full');
  });
});

describe('progress and countedLines', () => {
  it('adds up what is counted and says when every line is complete', () => {
    expect(progress(lines, ['1', '1'])).toEqual({ counted: '2', total: '4', completeLines: 1, lines: 3, done: false });
    expect(progress(lines, ['2', '1', '1']).done).toBe(true);
    expect(countedLines(lines, ['2', '0', '1'])).toEqual([
      { id: 'a', quantity: '2' },
      { id: 'c', quantity: '1' },
    ]);
  });
});

describe('countDifference', () => {
  it('posts the difference between the count and the book', () => {
    expect(countDifference('10', '7')).toEqual({ direction: 'DECREASE', quantity: '3' });
    expect(countDifference('10', '12.5')).toEqual({ direction: 'INCREASE', quantity: '2.5' });
    expect(countDifference('10.0000', '10')).toBeNull();
  });
  it('refuses a count that is not a quantity', () => {
    expect(countDifference('10', '-1')).toBe('invalid');
    expect(countDifference('10', 'abc')).toBe('invalid');
    expect(countDifference('10', '1.23456')).toBe('invalid');
  });
});

describe('pickProduct', () => {
  const found = [
    { id: '1', sku: 'AP-FRG-420', barcodes: ['6900004120008'] },
    { id: '2', sku: 'AP-FRG-420X', barcodes: [] },
  ];
  it('prefers an exact barcode or SKU, else the only result', () => {
    expect(pickProduct('6900004120008', found)?.id).toBe('1');
    expect(pickProduct('ap-frg-420x', found)?.id).toBe('2');
    expect(pickProduct('AP-FRG', found)).toBeUndefined();
    expect(pickProduct('AP-FRG', [found[1]])?.id).toBe('2');
  });
});

describe('units: a carton barcode counts its factor', () => {
  const lines: ScanLine[] = [{ id: 'l1', sku: 'A-1', barcodes: ['690001'], target: '20', packs: packsOf([{ code: '箱', barcode: 'CTN-A-1', factor: '10' }, { code: '包', barcode: null, factor: '5' }]) }];
  it('counts 10 stock units for the carton, 1 for the piece', () => {
    const r = applyScan(lines, [], 'CTN-A-1');
    expect(r).toMatchObject({ kind: 'counted', index: 0, counts: ['10'], pack: { code: '箱' } });
    const r2 = applyScan(lines, ['10'], '690001');
    expect(r2).toMatchObject({ kind: 'counted', counts: ['11'] });
    expect(applyScan(lines, ['11'], 'CTN-A-1')).toEqual({ kind: 'full', index: 0 });
    expect(applyScan(lines, ['10'], 'ctn-a-1')).toEqual({ kind: 'unknown' });
  });
  it('keeps only units with a barcode as packs', () => {
    expect(lines[0].packs).toHaveLength(1);
    expect(scanStep('CTN-A-1', lines[0])?.step).toBe('10');
    expect(scanStep('a-1', lines[0])?.step).toBe('1');
    expect(scanStep('X', lines[0])).toBeNull();
  });
  it('turns a stock count into the line unit when it is whole', () => {
    expect(inLineUnit('20', '10', 0)).toBe('2');
    expect(inLineUnit('18', '10', 0)).toBeNull();
    expect(inLineUnit('18', '10', 1)).toBe('1.8');
    expect(inLineUnit('7', '1')).toBe('7');
  });
});
