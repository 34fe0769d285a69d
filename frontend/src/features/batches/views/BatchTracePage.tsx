import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Descriptions, Spin, Table, Tag, Typography } from 'antd';
import type { BatchTraceByNumberQuery as Result } from '../../../gql/graphql';
import { BatchTraceQuery, ExpiryAlertDaysQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { dec, formatQty, sumDecimals } from '../../../lib/decimal';
import { todayISO } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { EXPIRY_COLORS, daysToExpiry, expiryState } from '../expiry';

type Move = Result['batchTraceByNumber']['moves'][number];

/**
 * /stock/batches/:sku/:number — a batch's trace (批次追溯): the receipt it
 * came from, then every move since, shipments with the customer who
 * received it; each document opens by its number.
 */
export default function BatchTracePage() {
  const t = useT();
  const localName = useLocalName();
  const { sku = '', number = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: BatchTraceQuery, variables: { productSku: sku, number }, requestPolicy: 'cache-and-network' });
  const [{ data: ad }] = useQuery({ query: ExpiryAlertDaysQuery });
  if (error) return <Alert type="error" showIcon title={error.graphQLErrors[0]?.message ?? error.message} data-testid="trace-error" />;
  const tr = data?.batchTraceByNumber;
  if (!tr) return fetching ? <Spin /> : null;
  const b = tr.batch;
  const days = daysToExpiry(b.expiryDate, todayISO());
  const st = expiryState(days, ad?.expiryAlertDays ?? 30);
  const moves = tr.moves;
  const inQty = sumDecimals(moves.filter((m) => dec(m.quantity).gt(0)).map((m) => m.quantity));
  const outQty = sumDecimals(moves.filter((m) => dec(m.quantity).lt(0)).map((m) => m.quantity)).abs();
  return (
    <Card title={<span data-testid="trace-title">{t('batch.traceTitle', { number: b.number, sku: b.product.sku })}</span>} extra={<Link to="/stock/batches">{t('menu.stockBatches')}</Link>}>
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('batch.product')}>{`${b.product.sku} ${localName(b.product)}`}</Descriptions.Item>
        <Descriptions.Item label={t('batch.number')}>{b.number}</Descriptions.Item>
        <Descriptions.Item label={t('batch.expiry')}>
          {b.expiryDate ?? '—'}
          {days !== undefined && (
            <Tag color={EXPIRY_COLORS[st]} style={{ marginLeft: 8 }} data-testid="trace-days" data-state={st}>
              {days < 0 ? t('batch.expiredDays', { n: -days }) : t('batch.days', { n: days })}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('batch.production')}>{b.productionDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('batch.source')}>
          {b.sourceNumber ? <DocumentLink kind={b.sourceType} number={b.sourceNumber} testId="trace-source" /> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('batch.balance')}>
          <span data-testid="trace-in">{formatQty(inQty)}</span> / <span data-testid="trace-out">{formatQty(outQty)}</span> / <b data-testid="trace-balance">{formatQty(inQty.minus(outQty))}</b> {b.product.unit}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('batch.moves')}</Typography.Title>
      <Table<Move>
        size="small"
        rowKey="moveId"
        pagination={false}
        dataSource={moves}
        data-testid="trace-moves"
        onRow={(m) => ({ 'data-testid': `trace-move-${m.documentNumber}` }) as object}
        columns={[
          { title: t('batch.date'), dataIndex: 'postingDate' },
          { title: t('batch.kind'), render: (_, m) => (dec(m.quantity).gt(0) ? <Tag color="green">{t('batch.in')}</Tag> : <Tag color="blue">{t('batch.out')}</Tag>) },
          { title: t('batch.document'), render: (_, m) => (m.documentNumber ? <DocumentLink kind={m.sourceType} number={m.documentNumber} testId={`trace-doc-${m.documentNumber}`} /> : enumLabel(t, 'SourceType', m.sourceType)) },
          { title: t('batch.docType'), render: (_, m) => enumLabel(t, 'SourceType', m.sourceType) },
          { title: t('batch.warehouse'), render: (_, m) => `${m.warehouse.code} ${m.warehouse.name}` },
          { title: t('batch.customer'), render: (_, m) => (m.customerCode ? `${m.customerCode} ${m.customerName ?? ''}` : '') },
          { title: t('batch.quantity'), align: 'right', render: (_, m) => <span data-testid={`trace-qty-${m.moveId}`}>{formatQty(m.quantity)}</span> },
        ]}
      />
    </Card>
  );
}
