import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildXlsx, columnName, excelDate, sheetXml } from './xlsx';
import { totalsRow } from '../components/ExportButton';

describe('xlsx writer', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('writes text escaped, decimals exactly and skips empty cells', () => {
    const xml = sheetXml([{ header: 'SKU' }, { header: 'Value' }], [
      ['A<&>"1', { decimal: '12345678901234567.89' }],
      [null, { decimal: 'not a number' }],
    ]);
    expect(xml).toContain('<t xml:space="preserve">A&lt;&amp;&gt;&quot;1</t>');
    expect(xml).toContain('<c r="B2"><v>12345678901234567.89</v></c>');
    expect(xml).toContain('<row r="3"></row>');
    expect(xml).toContain('<c r="A1" t="inlineStr" s="5">');
  });

  it('writes dates as Excel dates and decimals in their number format', () => {
    expect(excelDate('1900-03-01')).toBe(61);
    expect(excelDate('2026-12-07')).toBe(46363);
    expect(excelDate('2026-02-30')).toBeNull();
    expect(excelDate('07/12/2026')).toBeNull();
    const xml = sheetXml([{ header: 'D' }, { header: 'M' }, { header: 'Q' }, { header: 'R' }], [
      [{ date: '2026-12-07' }, { decimal: '1234.5', format: 'money' }, { decimal: '3', format: 'qty' }, { decimal: '0.13', format: 'percent' }],
    ]);
    expect(xml).toContain('<c r="A2" s="4"><v>46363</v></c>');
    expect(xml).toContain('<c r="B2" s="1"><v>1234.5</v></c>');
    expect(xml).toContain('<c r="C2" s="2"><v>3</v></c>');
    expect(xml).toContain('<c r="D2" s="3"><v>0.13</v></c>');
    const styles = strFromU8(unzipSync(buildXlsx('x', [{ header: 'a' }], []))['xl/styles.xml']);
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)" fontId="(\d)"[^>]*xfId/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(xfs).toEqual(['0/0', '4/0', '164/0', '10/0', '165/0', '0/1', '4/1', '164/1', '10/1', '165/1']);
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
  });

  it('adds a bold totals row with exact sums', () => {
    const rows = [{ n: 'a', v: '0.1' }, { n: 'b', v: '0.2' }, { n: 'c', v: '12345678901234567.01' }];
    const cols = [
      { header: 'N', value: (r: (typeof rows)[0]) => r.n },
      { header: 'V', value: (r: (typeof rows)[0]) => ({ decimal: r.v, format: 'money' as const }), total: true },
    ];
    const totals = totalsRow(cols, rows, '合计');
    expect(totals).toEqual(['合计', { decimal: '12345678901234567.31', format: 'money' }]);
    const xml = sheetXml([{ header: 'N' }, { header: 'V' }], rows.map((r) => cols.map((c) => c.value(r))), totals);
    expect(xml).toContain('<row r="5"><c r="A5" t="inlineStr" s="5"><is><t xml:space="preserve">合计</t></is></c><c r="B5" s="6"><v>12345678901234567.31</v></c></row>');
    expect(totalsRow([cols[0]], rows, '合计')).toBeUndefined();
  });

  it('zips a workbook with the parts Excel needs', () => {
    const files = unzipSync(buildXlsx('库存 [1]', [{ header: '名称' }], [['冰箱']]));
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="库存  1 "');
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain('冰箱');
  });
});
