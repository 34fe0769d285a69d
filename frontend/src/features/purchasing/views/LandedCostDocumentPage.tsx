import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import type { LandedCostDocumentQuery } from '../../../gql/graphql';
import { LandedCostDocumentQuery as Query } from '../documentQueries';
import { DocumentFrame, JournalSection, RelatedDocuments, Section } from '../components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Alloc = NonNullable<LandedCostDocumentQuery['landedCost']>['allocations'][number];

/** /finance/landed-costs/:number — one landed cost: its shares of receipt lines and its journal entry. */
export default function LandedCostDocumentPage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: Query, variables: { number } });
  const c = data?.landedCost;
  const receipts = [...new Set((c?.allocations ?? []).map((a) => a.receiptNumber))];
  return (
    <DocumentFrame title={t('pdoc.kind.LANDED_COST')} number={number} back="/finance/landed-costs" fetching={fetching} error={error} found={!!c} recordType="landedCost" recordId={c?.id}>
      {c && (
        <>
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('landed.kind')}>{enumLabel(t, 'LandedCostKind', c.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('landed.basis')}>{enumLabel(t, 'AllocationBasis', c.basis)}</Descriptions.Item>
            <Descriptions.Item label={t('common.postingDate')}>{c.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('po.total')}>
              <Amount value={c.amount} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('common.description')}>{c.description || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Section title={t('landed.receipts')}>
            <Table<Alloc>
              size="small"
              rowKey={(a) => `${a.receiptId}-${a.lineNo}`}
              pagination={false}
              dataSource={c.allocations}
              data-testid="document-lines"
              columns={[
                { title: t('receipt.number'), render: (_, a) => <DocumentLink kind="PURCHASE_RECEIPT" number={a.receiptNumber} /> },
                { title: '#', dataIndex: 'lineNo', width: 40 },
                { title: t('products.sku'), render: (_, a) => a.product.sku },
                { title: t('products.name'), render: (_, a) => localName(a.product) },
                { title: t('stock.warehouse'), render: (_, a) => a.warehouse.code },
                { title: t('landed.share'), align: 'right', render: (_, a) => <Amount value={a.amount} /> },
                { title: t('landed.onHand'), align: 'right', render: (_, a) => <Amount value={a.onHandAmount} /> },
                { title: t('landed.sold'), align: 'right', render: (_, a) => <Amount value={a.soldAmount} /> },
              ]}
              summary={() => <TotalsRow label={t('pdoc.total')} span={5} cells={[<Amount value={c.amount} strong />]} />}
            />
          </Section>
          <RelatedDocuments
            items={[
              { label: t('landed.receipts'), kind: 'PURCHASE_RECEIPT', docs: receipts.map((n) => ({ number: n })) },
              { label: t('menu.supplierInvoices'), kind: 'SUPPLIER_INVOICE', docs: c.supplierInvoice ? [{ number: c.supplierInvoice.number }] : [] },
            ]}
          />
          <JournalSection entry={c.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
