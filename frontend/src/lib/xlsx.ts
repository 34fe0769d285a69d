import { strToU8, zipSync } from 'fflate';

// A minimal .xlsx (SpreadsheetML) writer: one sheet, a bold header row,
// text, exact decimal cells with number formats, real date cells and an
// optional bold totals row. Loaded lazily by the export button.
//
// Why not write-excel-file or exceljs: write-excel-file zips sheets over
// 160 KB in a Web Worker made from a blob: URL, which our CSP (script-src
// 'self', no worker-src) refuses, so large exports would fail; exceljs is
// ~1 MB and unmaintained since 2023. fflate's zipSync runs on the main thread
// and is 8 KB.

/** How a decimal cell is shown: amounts #,##0.00, quantities #,##0.####, rates (a fraction, 0.13) as 13.00%. */
export type XlsxNumberFormat = 'money' | 'qty' | 'percent';

/**
 * A cell: text; a number kept as its exact decimal string (with a number
 * format); a calendar date 'YYYY-MM-DD', written as a real Excel date.
 */
export type XlsxCell = string | { decimal: string; format?: XlsxNumberFormat } | { date: string } | number | null | undefined;

export interface XlsxColumn {
  header: string;
  /** Column width in characters. */
  width?: number;
}

function esc(s: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;',
  );
}

/** Column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Cell styles (cellXfs in styles.xml, in this order): plain, then each
// format; the bold variants (header and totals row) follow at BOLD + n.
const STYLE = { plain: 0, money: 1, qty: 2, percent: 3, date: 4 } as const;
const BOLD = 5;

/** Days since 1899-12-30, Excel's date serial, of a 'YYYY-MM-DD' date; null when it is not one. */
export function excelDate(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function cellXml(ref: string, v: XlsxCell, bold = false): string {
  const style = (n: number) => (bold ? n + BOLD : n);
  const s = (n: number) => (style(n) ? ` s="${style(n)}"` : '');
  if (v == null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s(STYLE.plain)}><v>${v}</v></c>` : '';
  if (typeof v === 'object') {
    if ('date' in v) {
      const serial = excelDate(v.date);
      return serial == null ? '' : `<c r="${ref}"${s(STYLE.date)}><v>${serial}</v></c>`;
    }
    // The decimal string goes into the file as written: no float on our side.
    return /^-?\d+(\.\d+)?$/.test(v.decimal) ? `<c r="${ref}"${s(v.format ? STYLE[v.format] : STYLE.plain)}><v>${v.decimal}</v></c>` : '';
  }
  return `<c r="${ref}" t="inlineStr"${s(STYLE.plain)}><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

/** The sheet XML (exported for tests); `totals`, when given, is a bold last row. */
export function sheetXml(columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], totals?: readonly XlsxCell[]): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.max(10, Math.min(50, c.header.length + 4))}" customWidth="1"/>`)
    .join('');
  const head = `<row r="1">${columns.map((c, i) => cellXml(`${columnName(i)}1`, c.header, true)).join('')}</row>`;
  const body = rows
    .map((r, ri) => `<row r="${ri + 2}">${r.map((v, ci) => cellXml(`${columnName(ci)}${ri + 2}`, v)).join('')}</row>`)
    .join('');
  const foot = totals ? `<row r="${rows.length + 2}">${totals.map((v, ci) => cellXml(`${columnName(ci)}${rows.length + 2}`, v, true)).join('')}</row>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>${head}${body}${foot}</sheetData></worksheet>`
  );
}

/** Builds an .xlsx file with one sheet. */
export function buildXlsx(sheetName: string, columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], totals?: readonly XlsxCell[]): Uint8Array {
  const name = esc(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.####"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="10" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>' +
        '</styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(columns, rows, totals)),
  };
  return zipSync(files, { level: 6 });
}

/** Builds the file and hands it to the browser as a download. */
export function downloadXlsx(fileName: string, sheetName: string, columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], totals?: readonly XlsxCell[]) {
  const data = buildXlsx(sheetName, columns, rows, totals);
  const blob = new Blob([data as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
