import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import type { StockDocumentQuery as DocResult } from '../../../gql/graphql';
import { StockDocumentQuery } from '../queries';
import { DocumentFrame, JournalSection, Section } from '../../purchasing/components/DocumentFrame';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { useCan } from '../../../app/session';
import { FINANCE_READ } from '../../../app/access';
import { formatDecimal, formatQty, sumDecimals } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Line = NonNullable<DocResult['stockDocument']>['lines'][number];

/** /stock/documents/:number — an opening stock or adjustment document (OS-000001, ADJ-000004) with its lines and journal entry. */
export default function StockDocumentPage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const withJournal = useCan(FINANCE_READ);
  const [{ data, error, fetching }] = useQuery({ query: StockDocumentQuery, variables: { number, withJournal } });
  const doc = data?.stockDocument;
  return (
    <DocumentFrame
      title={t(doc?.kind === 'OPENING_STOCK' ? 'pdoc.kind.OPENING_STOCK' : 'pdoc.kind.STOCK_ADJUSTMENT')}
      number={number}
      back="/stock/documents"
      fetching={fetching}
      error={error}
      found={!!doc}
      recordType="stockDocument"
      recordId={doc?.id}
    >
      {doc && (
        <>
          <Descriptions column={3} size="small" bordered data-testid="document-header">
            <Descriptions.Item label={t('stockDoc.kind')}>{enumLabel(t, 'StockDocumentKind', doc.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('common.postingDate')}>{doc.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(doc.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('common.description')} span={3}>
              {doc.description || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Section title={t('receipt.lines')}>
            <Table<Line>
              rowKey="lineNo"
              size="small"
              pagination={false}
              dataSource={doc.lines}
              data-testid="document-lines"
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 48 },
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('stock.warehouse'), render: (_, l) => `${l.warehouse.code}${l.location ? ` / ${l.location.code}` : ''}` },
                { title: t('stock.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
                { title: t('stock.unitCost'), align: 'right', render: (_, l) => (l.unitCost ? formatDecimal(l.unitCost, 6) : '—') },
                { title: t('stock.value'), align: 'right', render: (_, l) => <Amount value={l.value} /> },
              ]}
              summary={() => <TotalsRow label={t('pdoc.total')} span={6} cells={[<Amount value={sumDecimals(doc.lines.map((l) => l.value)).toString()} strong />]} />}
            />
          </Section>
          <JournalSection entry={doc.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
