import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Select, Space, Tag } from 'antd';
import type { ReplenishmentNeedsQuery as Result, ReplenishmentStatus } from '../../../gql/graphql';
import { ReplenishmentNeedsQuery } from '../queries';
import { ReplenishmentStatusTag } from '../components/common';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { ExportButton } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

type Need = Result['replenishmentNeeds']['nodes'][number];
const STATUSES: ReplenishmentStatus[] = ['OPEN', 'COVERED', 'CANCELLED'];

/** Shortages of confirmed orders: what purchasing should bring in, and the warehouse should expect. */
export default function ReplenishmentPage() {
  const t = useT();
  const localName = useLocalName();
  const refs = useReferenceOptions();
  const canSeeOrders = useCan(['SALES', 'FINANCE', 'MANAGER', 'ANALYST']);
  const [status, setStatus] = useState<ReplenishmentStatus | undefined>('OPEN');
  const [warehouseId, setWarehouseId] = useState<string>();
  const filter = useMemo(() => ({ status: status ? [status] : undefined, warehouseId }), [status, warehouseId]);
  const list = usePagedQuery({ query: ReplenishmentNeedsQuery, variables: { filter }, connection: (d) => d.replenishmentNeeds, requestPolicy: 'cache-and-network' });

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select<ReplenishmentStatus> allowClear placeholder={t('common.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'replStatus', s) }))} data-testid="repl-filter-status" />
          <Select allowClear placeholder={t('stock.warehouse')} style={{ width: 200 }} value={warehouseId} onChange={setWarehouseId} options={refs.warehouseOptions} />
        </Space>
        <ExportButton<Need>
          fileName={t('menu.replenishment')}
          fetchRows={list.exportRows}
          columns={[
            { header: t('products.sku'), value: (n) => n.product.sku },
            { header: t('products.name'), value: (n) => localName(n.product), width: 28 },
            { header: t('stock.warehouse'), value: (n) => n.warehouse.code },
            { header: t('so.missing'), value: (n) => ({ decimal: n.quantity }) },
            { header: t('so.number'), value: (n) => n.orderNumber },
            { header: t('common.status'), value: (n) => enumLabel(t, 'replStatus', n.status) },
            { header: t('common.createdAt'), value: (n) => formatDateTime(n.createdAt) },
          ]}
        />
      </Toolbar>
      <PagedTable<Need>
        list={list}
        data-testid="repl-table"
        columns={[
          { title: t('products.sku'), render: (_, n) => n.product.sku },
          { title: t('products.name'), render: (_, n) => localName(n.product) },
          { title: t('stock.warehouse'), render: (_, n) => `${n.warehouse.code} ${n.warehouse.name}` },
          { title: t('so.missing'), align: 'right', render: (_, n) => <Tag color="orange">{`${formatQty(n.quantity)} ${n.product.unit}`}</Tag> },
          { title: t('so.number'), render: (_, n) => (canSeeOrders ? <Link to={`/sales/orders?order=${n.salesOrderId}`}>{n.orderNumber}</Link> : n.orderNumber) },
          { title: t('common.createdAt'), render: (_, n) => formatDateTime(n.createdAt) },
          { title: t('common.status'), render: (_, n) => <ReplenishmentStatusTag status={n.status} /> },
        ]}
      />
    </Card>
  );
}
