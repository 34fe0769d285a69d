import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { App, Button, Card, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { SalesOrderFieldsFragment, SalesOrderFilter, SalesOrderOrderField, SalesOrderStatus } from '../../../gql/graphql';
import { SalesOrdersQuery } from '../queries';
import { ConfirmSalesOrderMutation } from '../mutations';
import { CustomerSelect, SO_STATUSES, SoStatusTag } from '../components/common';
import { SalesOrderDrawer } from '../components/SalesOrderDrawer';
import { SalesOrderForm } from '../components/SalesOrderForm';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton, type ExportColumn } from '../../../components/ExportButton';
import { DocumentLink } from '../../../components/DocumentLink';
import { BulkBar, ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { sumOf } from '../listTotals';
import { enumLabel, useT } from '../../../i18n';

type Order = SalesOrderFieldsFragment;

/**
 * Sales orders: search (number, customer code or name), dates, statuses,
 * customer and sorting kept in the URL (the credit holds list links here
 * with ?status=ON_HOLD); ?order=ID opens one in a drawer with its actions,
 * the number opens its page. Drafts can be confirmed in bulk.
 */
export default function SalesOrdersPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canCreate = useCan(['SALES', 'MANAGER']);
  const state = useListState<SalesOrderOrderField>();
  const { search, dateFrom, dateTo, statuses, orderBy } = state;
  const customerId = state.param('customer');
  const openId = state.param('order') ?? null;
  const prefillSku = state.param('product');
  const [creating, setCreating] = useState(() => !!prefillSku);
  const [selected, setSelected] = useState<Order[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [, confirm] = useMutation(ConfirmSalesOrderMutation);
  const filter = useMemo<SalesOrderFilter>(
    () => ({
      search: search || undefined,
      dateFrom,
      dateTo,
      status: statuses.length ? (statuses as SalesOrderStatus[]) : undefined,
      customerId,
    }),
    [search, dateFrom, dateTo, statuses, customerId],
  );
  const list = usePagedQuery({
    query: SalesOrdersQuery,
    variables: { filter, orderBy },
    connection: (d) => d.salesOrders,
  });
  const { refresh } = list;

  /** Confirms each selected draft, one request each; every result is reported, failures by number. */
  async function confirmSelected() {
    const drafts = selected.filter((o) => o.status === 'DRAFT');
    setBulkBusy(true);
    const done: string[] = [];
    const held: string[] = [];
    const failed: string[] = [];
    for (const o of drafts) {
      const res = await confirm({ id: o.id });
      const p = res.data?.confirmSalesOrder;
      if (res.error) failed.push(`${o.number}: ${res.error.message}`);
      else if (p?.userErrors.length) failed.push(`${o.number}: ${p.userErrors.map((e) => e.message).join('; ')}`);
      else if (p?.order?.status === 'ON_HOLD') held.push(o.number);
      else done.push(o.number);
    }
    setBulkBusy(false);
    setSelected([]);
    refresh();
    const lines = [
      done.length > 0 && t('so.bulk.confirmed', { n: done.length, numbers: done.join('、') }),
      held.length > 0 && t('so.bulk.held', { n: held.length, numbers: held.join('、') }),
      ...failed.map((f) => t('so.bulk.failed', { detail: f })),
    ].filter(Boolean) as string[];
    if (failed.length || held.length)
      modal.warning({
        title: t('so.bulk.title'),
        content: (
          <div data-testid="so-bulk-result">
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        ),
      });
    else message.success(<span data-testid="so-bulk-result">{lines.join(' ')}</span>);
  }

  const exportColumns: ExportColumn<Order>[] = [
    { header: t('so.number'), value: (o) => o.number },
    {
      header: t('so.customer'),
      value: (o) => `${o.customer.code} ${o.customer.name}`,
      width: 28,
    },
    { header: t('so.date'), value: (o) => ({ date: o.postingDate }) },
    { header: t('so.promised'), value: (o) => ({ date: o.promisedDate }) },
    {
      header: t('cust.channel'),
      value: (o) => enumLabel(t, 'salesChannel', o.channel),
    },
    { header: t('cust.region'), value: (o) => o.region },
    { header: t('stock.warehouse'), value: (o) => o.warehouse?.code ?? '' },
    {
      header: t('common.status'),
      value: (o) => enumLabel(t, 'soStatus', o.status),
    },
    { header: t('so.holdReason'), value: (o) => o.holdReason ?? '', width: 40 },
    {
      header: t('so.net'),
      value: (o) => ({ decimal: o.netAmount, format: 'money' }),
      total: true,
    },
    {
      header: t('so.vat'),
      value: (o) => ({ decimal: o.vatAmount, format: 'money' }),
      total: true,
    },
    {
      header: t('so.total'),
      value: (o) => ({ decimal: o.totalAmount, format: 'money' }),
      total: true,
    },
  ];

  const allColumns: ColumnType<Order>[] = [
    {
      key: 'NUMBER',
      title: t('so.number'),
      sorter: true,
      sortOrder: state.sortOrderOf('NUMBER'),
      render: (_, o) => <DocumentLink kind="SALES_ORDER" number={o.number} testId={`so-link-${o.number}`} />,
    },
    {
      key: 'customer',
      title: t('so.customer'),
      render: (_, o) => `${o.customer.code} ${o.customer.name}`,
    },
    {
      key: 'DATE',
      title: t('so.date'),
      dataIndex: 'postingDate',
      sorter: true,
      sortOrder: state.sortOrderOf('DATE'),
    },
    {
      key: 'PROMISED_DATE',
      title: t('so.promised'),
      dataIndex: 'promisedDate',
      sorter: true,
      sortOrder: state.sortOrderOf('PROMISED_DATE'),
    },
    {
      key: 'channel',
      title: t('cust.channel'),
      render: (_, o) => enumLabel(t, 'salesChannel', o.channel),
    },
    {
      key: 'warehouse',
      title: t('stock.warehouse'),
      render: (_, o) => o.warehouse?.code ?? '—',
    },
    {
      key: 'TOTAL',
      title: t('so.total'),
      align: 'right',
      sorter: true,
      sortOrder: state.sortOrderOf('TOTAL'),
      render: (_, o) => <Amount value={o.totalAmount} />,
    },
    {
      key: 'STATUS',
      title: t('common.status'),
      sorter: true,
      sortOrder: state.sortOrderOf('STATUS'),
      render: (_, o) => <SoStatusTag status={o.status} />,
    },
  ];
  const { columns, chooser } = useColumnChooser('salesOrders', allColumns);
  const totalIndex = columns.findIndex((c) => c.key === 'TOTAL');
  const draftsSelected = selected.filter((o) => o.status === 'DRAFT').length;

  return (
    <Card>
      <Toolbar>
        <ListFilters
          state={state}
          searchPlaceholder={t('so.searchPlaceholder')}
          statusOptions={SO_STATUSES.map((s) => ({
            value: s,
            label: enumLabel(t, 'soStatus', s),
          }))}
          testId="so-list"
        >
          <CustomerSelect
            allowClear
            includeInactive
            placeholder={t('so.customer')}
            style={{ width: 240 }}
            value={customerId}
            onChange={(v?: string) => state.setParam('customer', v)}
            data-testid="so-filter-customer"
          />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Order> fileName={t('menu.salesOrders')} fetchRows={list.exportRows} columns={exportColumns} />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="so-new">
              {t('so.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <BulkBar count={selected.length} onClear={() => setSelected([])}>
        {canCreate && (
          <Button type="primary" disabled={draftsSelected === 0} loading={bulkBusy} onClick={confirmSelected} data-testid="so-bulk-confirm">
            {t('so.bulk.confirm', { n: draftsSelected })}
          </Button>
        )}
      </BulkBar>
      <PagedTable<Order>
        list={list}
        data-testid="so-table"
        onRow={(o) =>
          ({
            onClick: () => state.setParam('order', o.id),
            style: { cursor: 'pointer' },
            'data-testid': `so-row-${o.number}`,
          }) as object
        }
        showSizeChanger
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        rowSelection={
          canCreate
            ? {
                selectedRowKeys: selected.map((o) => o.id),
                onChange: (_keys, rows) => setSelected(rows),
                getCheckboxProps: (o) => ({ 'data-testid': `so-select-${o.number}` }) as object,
              }
            : undefined
        }
        columns={columns}
        summary={(rows) =>
          rows.length > 0 && totalIndex > 0 ? (
            <TotalsRow
              label={t('sales.pageTotal')}
              span={totalIndex + (canCreate ? 1 : 0)}
              cells={[<Amount key="t" value={sumOf(rows, (o) => o.totalAmount)} strong testId="so-page-total" />]}
              afterSpan={columns.length - totalIndex - 1}
            />
          ) : null
        }
      />
      <SalesOrderDrawer id={openId} onClose={() => state.setParam('order', null)} onChanged={refresh} />
      <SalesOrderForm
        open={creating}
        prefill={prefillSku ? { sku: prefillSku, discountRate: state.param('discountRate') } : undefined}
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
