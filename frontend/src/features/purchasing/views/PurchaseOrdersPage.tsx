import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { App, Button, Card, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { PurchaseOrderFieldsFragment, PurchaseOrderOrderField, PurchaseOrderStatus } from '../../../gql/graphql';
import { PurchaseOrdersQuery } from '../queries';
import { SubmitPurchaseOrderMutation } from '../mutations';
import { PO_STATUSES, PoStatusTag, SupplierSelect } from '../components/common';
import { PurchaseOrderDrawer } from '../components/PurchaseOrderDrawer';
import { PurchaseOrderForm } from '../components/PurchaseOrderForm';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { TotalsRow } from '../../../components/TotalsRow';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton, type ExportColumn } from '../../../components/ExportButton';
import { BulkBar, ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { useCan, useCanRead } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { sumDecimals } from '../../../lib/decimal';
import { enumLabel, useT } from '../../../i18n';

type Order = PurchaseOrderFieldsFragment;

/**
 * Purchase orders: search (number, supplier, reference), dates, statuses,
 * supplier and sorting kept in the URL; ?order=ID opens one with its
 * actions; drafts are submitted in bulk.
 */
export default function PurchaseOrdersPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canCreate = useCan(['PURCHASING']);
  const state = useListState<PurchaseOrderOrderField>();
  const { search, dateFrom, dateTo, statuses, orderBy } = state;
  const openId = state.param('order') ?? null;
  const supplierId = state.param('supplier');
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Order[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [, submitOrder] = useMutation(SubmitPurchaseOrderMutation);
  const filter = useMemo(
    () => ({ status: statuses.length ? (statuses as PurchaseOrderStatus[]) : undefined, supplierId, search: search || undefined, dateFrom, dateTo }),
    [statuses, supplierId, search, dateFrom, dateTo],
  );
  const withBudgets = useCanRead('BUDGETS');
  const list = usePagedQuery({ query: PurchaseOrdersQuery, variables: { filter, withBudgets, orderBy }, connection: (d) => d.purchaseOrders });
  const { refresh } = list;
  const draftsSelected = selected.filter((o) => o.status === 'DRAFT');

  /** Submits each selected draft, one request each; every result is reported, failures by number. */
  async function submitSelected() {
    setBulkBusy(true);
    const done: string[] = [];
    const failed: string[] = [];
    for (const o of draftsSelected) {
      const res = await submitOrder({ id: o.id, withBudgets });
      const p = res.data?.submitPurchaseOrder;
      if (res.error) failed.push(`${o.number}: ${res.error.message}`);
      else if (p?.userErrors.length) failed.push(`${o.number}: ${p.userErrors.map((e) => e.message).join('; ')}`);
      else done.push(o.number);
    }
    setBulkBusy(false);
    setSelected([]);
    refresh();
    const lines = [done.length > 0 && t('po.bulk.submitted', { n: done.length, numbers: done.join('、') }), ...failed.map((f) => t('po.bulk.failed', { detail: f }))].filter(Boolean) as string[];
    if (failed.length)
      modal.warning({
        title: t('po.bulk.title'),
        content: (
          <div data-testid="po-bulk-result">
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        ),
      });
    else message.success(<span data-testid="po-bulk-result">{lines.join(' ')}</span>);
  }

  const exportColumns: ExportColumn<Order>[] = [
    { header: t('po.number'), value: (o) => o.number },
    { header: t('po.supplier'), value: (o) => `${o.supplier.code} ${o.supplier.name}`, width: 24 },
    { header: t('stock.warehouse'), value: (o) => o.warehouse.code },
    { header: t('common.status'), value: (o) => enumLabel(t, 'poStatus', o.status) },
    { header: t('po.orderDate'), value: (o) => ({ date: o.orderDate }) },
    { header: t('po.expectedDate'), value: (o) => (o.expectedDate ? { date: o.expectedDate } : null) },
    { header: t('po.costCentre'), value: (o) => o.costCentre },
    { header: t('po.net'), value: (o) => ({ decimal: o.netAmount, format: 'money' }), total: true },
    { header: t('po.tax'), value: (o) => ({ decimal: o.taxAmount, format: 'money' }), total: true },
    { header: t('po.total'), value: (o) => ({ decimal: o.totalAmount, format: 'money' }), total: true },
  ];

  const allColumns: ColumnType<Order>[] = [
    { key: 'NUMBER', title: t('po.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, o) => <DocumentLink kind="PURCHASE_ORDER" number={o.number} testId={`po-link-${o.number}`} /> },
    { key: 'supplier', title: t('po.supplier'), render: (_, o) => `${o.supplier.code} ${o.supplier.name}` },
    { key: 'warehouse', title: t('stock.warehouse'), render: (_, o) => o.warehouse.code },
    { key: 'DATE', title: t('po.orderDate'), dataIndex: 'orderDate', sorter: true, sortOrder: state.sortOrderOf('DATE') },
    { key: 'EXPECTED_DATE', title: t('po.expectedDate'), dataIndex: 'expectedDate', sorter: true, sortOrder: state.sortOrderOf('EXPECTED_DATE') },
    { key: 'costCentre', title: t('po.costCentre'), dataIndex: 'costCentre' },
    { key: 'total', title: t('po.total'), align: 'right', render: (_, o) => <Amount value={o.totalAmount} /> },
    { key: 'STATUS', title: t('common.status'), sorter: true, sortOrder: state.sortOrderOf('STATUS'), render: (_, o) => <PoStatusTag status={o.status} /> },
  ];
  const { columns, chooser } = useColumnChooser('purchase-orders', allColumns);
  const totalIndex = columns.findIndex((c) => c.key === 'total');

  return (
    <Card>
      <Toolbar>
        <ListFilters
          state={state}
          searchPlaceholder={t('po.searchPlaceholder')}
          statusOptions={PO_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'poStatus', s) }))}
          testId="po-list"
        >
          <SupplierSelect allowClear includeInactive placeholder={t('po.supplier')} style={{ width: 220 }} value={supplierId} onChange={(v?: string) => state.setParam('supplier', v)} />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Order> fileName={t('menu.purchaseOrders')} fetchRows={list.exportRows} columns={exportColumns} />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="po-new">
              {t('po.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <BulkBar count={selected.length} onClear={() => setSelected([])}>
        {canCreate && (
          <Button type="primary" disabled={draftsSelected.length === 0} loading={bulkBusy} onClick={submitSelected} data-testid="po-bulk-submit">
            {t('po.bulk.submit', { n: draftsSelected.length })}
          </Button>
        )}
      </BulkBar>
      <PagedTable<Order>
        list={list}
        data-testid="po-table"
        onRow={(o) => ({ onClick: () => state.setParam('order', o.id), style: { cursor: 'pointer' }, 'data-testid': `po-row-${o.number}` }) as object}
        showSizeChanger
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        rowSelection={
          canCreate
            ? {
                selectedRowKeys: selected.map((o) => o.id),
                onChange: (_keys, rows) => setSelected(rows),
                getCheckboxProps: (o) => ({ 'data-testid': `po-select-${o.number}` }) as object,
              }
            : undefined
        }
        columns={columns}
        summary={(rows) =>
          rows.length > 0 && totalIndex > 0 ? (
            <TotalsRow
              label={t('po.pageTotal')}
              span={totalIndex + (canCreate ? 1 : 0)}
              cells={[<Amount key="t" value={sumDecimals(rows.map((o) => o.totalAmount)).toFixed(2)} strong testId="po-page-total" />]}
              afterSpan={columns.length - totalIndex - 1}
            />
          ) : null
        }
      />
      <PurchaseOrderDrawer id={openId} onClose={() => state.setParam('order', null)} onChanged={refresh} />
      <PurchaseOrderForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          refresh();
          state.setParam('order', id);
        }}
      />
    </Card>
  );
}
