import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PurchaseOrderFieldsFragment, PurchaseOrderStatus } from '../../../gql/graphql';
import { PurchaseOrdersQuery } from '../queries';
import { PO_STATUSES, PoStatusTag, SupplierSelect } from '../components/common';
import { PurchaseOrderDrawer } from '../components/PurchaseOrderDrawer';
import { PurchaseOrderForm } from '../components/PurchaseOrderForm';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { useCan, useCanRead } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useSearchParam } from '../../../lib/searchParams';
import { enumLabel, useT } from '../../../i18n';

type Order = PurchaseOrderFieldsFragment;

/** Purchase orders: filter by status and supplier; ?order=ID opens one with its actions. */
export default function PurchaseOrdersPage() {
  const t = useT();
  const canCreate = useCan(['PURCHASING']);
  const [params, setParam] = useSearchParam();
  const openId = params.get('order');
  const statusParam = params.get('status');
  const status = useMemo(() => (statusParam ? (statusParam.split(',') as PurchaseOrderStatus[]) : []), [statusParam]);
  const [supplierId, setSupplierId] = useState<string>();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => ({ status: status.length ? status : undefined, supplierId, search: search.trim() || undefined }), [status, supplierId, search]);
  const withBudgets = useCanRead('BUDGETS');
  const list = usePagedQuery({ query: PurchaseOrdersQuery, variables: { filter, withBudgets }, connection: (d) => d.purchaseOrders });
  const { refresh } = list;

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select<PurchaseOrderStatus[]>
            mode="multiple"
            allowClear
            placeholder={t('common.status')}
            style={{ minWidth: 260 }}
            value={status}
            onChange={(v) => setParam('status', v.length ? v.join(',') : null)}
            options={PO_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'poStatus', s) }))}
            data-testid="po-filter-status"
          />
          <SupplierSelect allowClear includeInactive placeholder={t('po.supplier')} style={{ width: 220 }} value={supplierId} onChange={setSupplierId} />
          <Input.Search allowClear placeholder={t('po.number')} style={{ width: 160 }} onSearch={setSearch} />
        </Space>
        <Space>
          <ExportButton<Order>
            fileName={t('menu.purchaseOrders')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('po.number'), value: (o) => o.number },
              { header: t('po.supplier'), value: (o) => `${o.supplier.code} ${o.supplier.name}`, width: 24 },
              { header: t('stock.warehouse'), value: (o) => o.warehouse.code },
              { header: t('common.status'), value: (o) => enumLabel(t, 'poStatus', o.status) },
              { header: t('po.orderDate'), value: (o) => o.orderDate },
              { header: t('po.expectedDate'), value: (o) => o.expectedDate },
              { header: t('po.costCentre'), value: (o) => o.costCentre },
              { header: t('po.net'), value: (o) => ({ decimal: o.netAmount }) },
              { header: t('po.tax'), value: (o) => ({ decimal: o.taxAmount }) },
              { header: t('po.total'), value: (o) => ({ decimal: o.totalAmount }) },
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="po-new">
              {t('po.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Order>
        list={list}
        data-testid="po-table"
        onRow={(o) => ({ onClick: () => setParam('order', o.id), style: { cursor: 'pointer' }, 'data-testid': `po-row-${o.number}` }) as object}
        showSizeChanger
        columns={[
          { title: t('po.number'), render: (_, o) => <DocumentLink kind="PURCHASE_ORDER" number={o.number} testId={`po-link-${o.number}`} /> },
          { title: t('po.supplier'), render: (_, o) => `${o.supplier.code} ${o.supplier.name}` },
          { title: t('stock.warehouse'), render: (_, o) => o.warehouse.code },
          { title: t('po.orderDate'), dataIndex: 'orderDate' },
          { title: t('po.expectedDate'), dataIndex: 'expectedDate' },
          { title: t('po.costCentre'), dataIndex: 'costCentre' },
          { title: t('po.total'), align: 'right', render: (_, o) => <Amount value={o.totalAmount} /> },
          { title: t('common.status'), render: (_, o) => <PoStatusTag status={o.status} /> },
        ]}
      />
      <PurchaseOrderDrawer id={openId} onClose={() => setParam('order', null)} onChanged={refresh} />
      <PurchaseOrderForm
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
