import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Client, TypedDocumentNode } from 'urql';
import type { XlsxCell, XlsxNumberFormat } from '../lib/xlsx';
import { sumDecimals } from '../lib/decimal';
import { fetchAllPages, type ConnectionPage, EXPORT_CAP } from '../lib/paging';
import { useT } from '../i18n';

export interface ExportColumn<T> {
  header: string;
  width?: number;
  /** The cell: text (enums as their label), `{ decimal, format }` for amounts and quantities, `{ date }` for dates. */
  value: (row: T) => XlsxCell;
  /** Sum this column's decimal cells in a bold totals row at the foot (合计). */
  total?: boolean;
}

/** The totals row of an export: 合计 in the first column, each `total` column's exact sum in its format. */
export function totalsRow<T>(columns: readonly ExportColumn<T>[], rows: readonly T[], label: string): XlsxCell[] | undefined {
  if (!columns.some((c) => c.total)) return undefined;
  return columns.map((c, i) => {
    if (c.total) {
      let format: XlsxNumberFormat | undefined;
      const sum = sumDecimals(
        rows.map((r) => {
          const v = c.value(r);
          if (v && typeof v === 'object' && 'decimal' in v) {
            format ??= v.format;
            return v.decimal;
          }
          return undefined;
        }),
      );
      return { decimal: sum.toFixed(), format };
    }
    return i === 0 ? label : null;
  });
}

export interface ExportRows<T> {
  rows: T[];
  totalCount: number;
  capped: boolean;
}

/**
 * Exports rows to .xlsx. The writer is imported on click, so it is not part
 * of any page's first load. fetchRows gets the filtered rows (all pages).
 */
export function ExportButton<T>({
  fileName,
  columns,
  fetchRows,
  testId = 'export-xlsx',
}: {
  fileName: string;
  columns: ExportColumn<T>[];
  fetchRows: () => Promise<ExportRows<T>>;
  testId?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const [{ downloadXlsx }, data] = await Promise.all([import('../lib/xlsx'), fetchRows()]);
      const stamp = new Date().toISOString().slice(0, 10);
      downloadXlsx(
        `${fileName}-${stamp}.xlsx`,
        fileName,
        columns.map((c) => ({ header: c.header, width: c.width })),
        data.rows.map((r) => columns.map((c) => c.value(r))),
        totalsRow(columns, data.rows, t('export.totalRow')),
      );
      if (data.capped) message.warning(t('export.capped', { n: data.rows.length, total: data.totalCount, cap: EXPORT_CAP }));
      else message.success(t('export.done', { n: data.rows.length }));
    } catch (e) {
      message.error(t('export.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {t('export.xlsx')}
    </Button>
  );
}

/**
 * fetchRows for a connection query: every page of the current filter, 200
 * rows at a time, network-only so the file matches the server now.
 */
export function connectionRows<Data, Vars extends { first?: number | null; after?: string | null }, T>(
  client: Client,
  query: TypedDocumentNode<Data, Vars>,
  variables: Omit<Vars, 'first' | 'after'>,
  pick: (d: Data) => ConnectionPage<T>,
): () => Promise<ExportRows<T>> {
  return () =>
    fetchAllPages<T>(async (after, first) => {
      const res = await client.query(query, { ...variables, first, after } as Vars, { requestPolicy: 'network-only' }).toPromise();
      if (res.error) throw res.error;
      if (!res.data) throw new Error('no data');
      return pick(res.data);
    });
}

/** fetchRows for a list already loaded whole (reports, the chart of accounts). */
export function loadedRows<T>(rows: readonly T[]): () => Promise<ExportRows<T>> {
  return async () => ({ rows: [...rows], totalCount: rows.length, capped: false });
}
