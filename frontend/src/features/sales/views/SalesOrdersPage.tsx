import { useMemo, useState } from 'react';
import { Button, Card, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SalesOrderFieldsFragment, SalesOrderStatus } from '../../../gql/graphql';
import { SalesOrdersQuery } from '../queries';
import { CustomerSelect, SO_STATUSES, SoStatusTag } from '../components/common';
import { SalesOrderDrawer } from '../components/SalesOrderDrawer';
import { SalesOrderForm } from '../components/SalesOrderForm';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useSearchParam } from '../../../lib/searchParams';
import { enumLabel, useT } from '../../../i18n';

type Order = SalesOrderFieldsFragment;

/** Sales orders by status and customer; ?order=ID opens one with its actions; ?status= filters (the credit holds list links here). */
export default function SalesOrdersPage() {
  const t = useT();
  const canCreate = useCan(['SALES', 'MANAGER']);
  const [params, setParam] = useSearchParam();
  const openId = params.get('order');
  const status = (params.get('status') as SalesOrderStatus | null) ?? undefined;
  const [customerId, setCustomerId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => ({ status: status ? [status] : undefined, customerId }), [status, customerId]);
  const list = usePagedQuery({ query: SalesOrdersQuery, variables: { filter }, connection: (d) => d.salesOrders });
  const { refresh } = list;

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select<SalesOrderStatus>
            allowClear
            placeholder={t('common.status')}
            style={{ width: 180 }}
            value={status}
            onChange={(v) => setParam('status', v)}
            options={SO_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'soStatus', s) }))}
            data-testid="so-filter-status"
          />
          <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 240 }} value={customerId} onChange={setCustomerId} />
        </Space>
        <Space>
          <ExportButton<Order>
            fileName={t('menu.salesOrders')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('so.number'), value: (o) => o.number },
              { header: t('so.customer'), value: (o) => `${o.customer.code} ${o.customer.name}`, width: 28 },
              { header: t('so.date'), value: (o) => o.postingDate },
              { header: t('cust.channel'), value: (o) => enumLabel(t, 'salesChannel', o.channel) },
              { header: t('cust.region'), value: (o) => o.region },
              { header: t('stock.warehouse'), value: (o) => o.warehouse?.code ?? '' },
              { header: t('common.status'), value: (o) => enumLabel(t, 'soStatus', o.status) },
              { header: t('so.holdReason'), value: (o) => o.holdReason ?? '', width: 40 },
              { header: t('so.net'), value: (o) => ({ decimal: o.netAmount }) },
              { header: t('so.vat'), value: (o) => ({ decimal: o.vatAmount }) },
              { header: t('so.total'), value: (o) => ({ decimal: o.totalAmount }) },
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="so-new">
              {t('so.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Order>
        list={list}
        data-testid="so-table"
        onRow={(o) => ({ onClick: () => setParam('order', o.id), style: { cursor: 'pointer' }, 'data-testid': `so-row-${o.number}` }) as object}
        showSizeChanger
        columns={[
          { title: t('so.number'), dataIndex: 'number' },
          { title: t('so.customer'), render: (_, o) => `${o.customer.code} ${o.customer.name}` },
          { title: t('so.date'), dataIndex: 'postingDate' },
          { title: t('cust.channel'), render: (_, o) => enumLabel(t, 'salesChannel', o.channel) },
          { title: t('stock.warehouse'), render: (_, o) => o.warehouse?.code ?? '—' },
          { title: t('so.total'), align: 'right', render: (_, o) => <Amount value={o.totalAmount} /> },
          { title: t('common.status'), render: (_, o) => <SoStatusTag status={o.status} /> },
        ]}
      />
      <SalesOrderDrawer id={openId} onClose={() => setParam('order', null)} onChanged={refresh} />
      <SalesOrderForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          refresh();
          setParam('order', id);
        }}
      />
    </Card>
  );
}
