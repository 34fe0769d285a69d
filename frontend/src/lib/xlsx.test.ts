import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildXlsx, columnName, sheetXml } from './xlsx';

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
    expect(xml).toContain('<c r="A1" t="inlineStr" s="1">');
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
