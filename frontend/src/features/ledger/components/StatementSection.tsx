import { Table } from 'antd';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useLocalName, useT } from '../../../i18n';

interface Line {
  account: { code: string; name: string; nameEn: string };
  amount: string;
}

/** One section of a statement (revenue, assets, ...) with its total. */
export function StatementSection({ title, lines, total, testId, extra }: { title: string; lines: Line[]; total: string; testId: string; extra?: Line[] }) {
  const t = useT();
  const localName = useLocalName();
  return (
    <Table<Line>
      rowKey={(l) => l.account.code}
      size="small"
      pagination={false}
      title={() => <strong>{title}</strong>}
      dataSource={[...lines, ...(extra ?? [])]}
      data-testid={testId}
      columns={[
        { title: t('ledger.code'), render: (_, l) => l.account.code, width: 140 },
        { title: t('ledger.account'), render: (_, l) => localName(l.account) },
        { title: t('ledger.amount'), align: 'right', render: (_, l) => <Amount value={l.amount} /> },
      ]}
      summary={() => (
        <TotalsRow label={<strong>{t('ledger.totalOf', { section: title })}</strong>} span={2} cells={[<Amount value={total} strong testId={`${testId}-total`} />]} />
      )}
    />
  );
}

/** A statement's export: one row per line, with its section, code, account and amount; `sections` in the order shown. */
export function StatementExportButton({ fileName, sections }: { fileName: string; sections: { title: string; lines: Line[] }[] }) {
  const t = useT();
  const localName = useLocalName();
  const rows = sections.flatMap(({ title, lines }) => lines.map((l) => ({ section: title, ...l })));
  return (
    <ExportButton<(typeof rows)[number]>
      fileName={fileName}
      fetchRows={loadedRows(rows)}
      columns={[
        { header: t('ledger.section'), value: (r) => r.section },
        { header: t('ledger.code'), value: (r) => r.account.code },
        { header: t('ledger.account'), value: (r) => localName(r.account), width: 28 },
        { header: t('ledger.amount'), value: (r) => ({ decimal: r.amount, format: 'money' as const }) },
      ]}
    />
  );
}
