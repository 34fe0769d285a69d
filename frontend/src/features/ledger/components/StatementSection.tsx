import { Table } from 'antd';
import { Amount } from '../../../components/Amount';
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
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <strong>{t('ledger.totalOf', { section: title })}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Amount value={total} strong testId={`${testId}-total`} />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
