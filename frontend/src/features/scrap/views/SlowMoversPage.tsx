import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { SlowMoverAction, SlowMoverBucket, SlowMoversQuery as Result } from '../../../gql/graphql';
import { SlowMoversQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { useListState } from '../../../lib/listState';
import { formatMoney, formatQty, sumDecimals } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Row = Result['slowMovers'][number];
const BUCKETS: SlowMoverBucket[] = ['UNDER_90', 'DAYS_90_180', 'DAYS_180_365', 'OVER_365'];
const ACTION_COLORS: Record<SlowMoverAction, string> = { DISCOUNT: 'blue', RETURN_TO_SUPPLIER: 'purple', SCRAP: 'red' };

/** Where a row's suggested action opens its document, prefilled. */
export function actionPath(r: Pick<Row, 'action' | 'onHand' | 'lastReceiptNumber'> & { product: { sku: string }; warehouse: { code: string } }): string {
  const sku = encodeURIComponent(r.product.sku);
  switch (r.action) {
    case 'SCRAP':
      return `/stock/scraps/new?warehouse=${encodeURIComponent(r.warehouse.code)}&product=${sku}&quantity=${encodeURIComponent(r.onHand)}`;
    case 'RETURN_TO_SUPPLIER':
      return `/purchasing/supplier-returns/new?receipt=${encodeURIComponent(r.lastReceiptNumber ?? '')}&product=${sku}`;
    default:
      return `/sales/orders?new=1&product=${sku}&discountRate=0.2`;
  }
}

/** /stock/slow-movers — stock with no issue in its category's days: totals per age bucket, filters, one click into the suggested action. */
export default function SlowMoversPage() {
  const t = useT();
  const localName = useLocalName();
  const navigate = useNavigate();
  const refs = useReferenceOptions();
  const state = useListState();
  const warehouseId = state.param('warehouse') || undefined;
  const categoryId = state.param('category') || undefined;
  const bucket = state.param('bucket') || undefined;
  const [{ data, fetching }] = useQuery({ query: SlowMoversQuery, variables: { filter: { warehouseId, categoryId } } });
  const rows = data?.slowMovers ?? [];
  const shown = bucket ? rows.filter((r) => r.bucket === bucket) : rows;
  return (
    <Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {BUCKETS.map((b) => {
          const in_ = rows.filter((r) => r.bucket === b);
          return (
            <Col xs={12} md={6} key={b}>
              <Card size="small" hoverable data-testid={`slow-bucket-${b}`} onClick={() => state.setParam('bucket', bucket === b ? undefined : b)} style={bucket === b ? { borderColor: '#1677ff' } : undefined}>
                <Statistic title={`${enumLabel(t, 'SlowMoverBucket', b)} · ${t('slow.rows', { count: in_.length })}`} value={formatMoney(sumDecimals(in_.map((r) => r.value)))} />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Toolbar>
        <Space wrap>
          <Select allowClear style={{ width: 200 }} placeholder={t('slow.warehouse')} options={refs.warehouseOptions} value={warehouseId} onChange={(v) => state.setParam('warehouse', v)} data-testid="slow-warehouse" />
          <Select allowClear style={{ width: 200 }} placeholder={t('slow.category')} options={refs.categoryOptions} value={categoryId} onChange={(v) => state.setParam('category', v)} data-testid="slow-category" />
        </Space>
      </Toolbar>
      <Table<Row>
        size="small"
        loading={fetching}
        rowKey={(r) => `${r.product.id}-${r.warehouse.id}`}
        dataSource={shown}
        data-testid="slow-table"
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('slow.product'), render: (_, r) => `${r.product.sku} ${localName(r.product)}` },
          { title: t('slow.warehouse'), render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}` },
          { title: t('slow.onHand'), align: 'right', render: (_, r) => formatQty(r.onHand) },
          { title: t('slow.value'), align: 'right', render: (_, r) => <Amount value={r.value} /> },
          { title: t('slow.lastIssue'), render: (_, r) => r.lastIssue ?? t('slow.never') },
          { title: t('slow.lastReceipt'), render: (_, r) => (r.lastReceipt ? `${r.lastReceipt} ${r.lastReceiptNumber ?? ''}` : '—') },
          { title: t('slow.idleDays'), align: 'right', dataIndex: 'idleDays' },
          { title: t('slow.bucket'), render: (_, r) => enumLabel(t, 'SlowMoverBucket', r.bucket) },
          {
            title: t('slow.action'),
            render: (_, r) => (
              <Button size="small" data-testid={`slow-action-${r.product.sku}-${r.warehouse.code}`} onClick={() => navigate(actionPath(r))}>
                <Tag color={ACTION_COLORS[r.action]} style={{ margin: 0 }}>{enumLabel(t, 'SlowMoverAction', r.action)}</Tag>
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
