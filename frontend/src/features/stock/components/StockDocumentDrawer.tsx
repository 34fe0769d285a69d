import { useQuery } from 'urql';
import { Alert, Descriptions, Drawer, Table } from 'antd';
import type { StockDocumentQuery as DocResult } from '../../../gql/graphql';
import { StockDocumentQuery } from '../queries';
import { formatDecimal, formatMoney, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { formatDateTime } from '../../../lib/date';

type Line = NonNullable<DocResult['stockDocument']>['lines'][number];

/** An opening stock or adjustment document with its lines. */
export function StockDocumentDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const [{ data, error, fetching }] = useQuery({ query: StockDocumentQuery, variables: { id: id ?? '' }, pause: !id });
  const doc = data?.stockDocument;
  return (
    <Drawer open={!!id} size={820} title={t('stockDoc.title', { number: data?.stockDocument?.number ?? '' })} onClose={onClose} loading={fetching}>
      {error && <Alert type="error" showIcon title={error.message} />}
      {doc && (
        <WithAuditTab recordType="stockDocument" recordId={doc.id}>
          <>
            <Descriptions column={2} size="small" style={{ marginBottom: 16 }} data-testid="stock-document">
              <Descriptions.Item label={t('stockDoc.kind')}>{t(`stockDocKind.${doc.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('common.postingDate')}>{doc.postingDate}</Descriptions.Item>
              <Descriptions.Item label={t('common.description')}>{doc.description || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('journal.entry')}>{doc.voucherNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(doc.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Table<Line>
              rowKey="lineNo"
              size="small"
              pagination={false}
              dataSource={doc.lines}
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 48 },
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('stock.warehouse'), render: (_, l) => `${l.warehouse.code}${l.location ? ` / ${l.location.code}` : ''}` },
                { title: t('stock.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
                { title: t('stock.unitCost'), align: 'right', render: (_, l) => (l.unitCost ? formatDecimal(l.unitCost, 6) : '—') },
                { title: t('stock.value'), align: 'right', render: (_, l) => formatMoney(l.value) },
              ]}
            />
          </>
        </WithAuditTab>
      )}
    </Drawer>
  );
}
