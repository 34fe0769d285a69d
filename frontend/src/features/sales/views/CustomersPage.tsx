import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { CustomerFieldsFragment, CustomerOrderField, SalesChannel } from '../../../gql/graphql';
import { CustomersQuery } from '../queries';
import { CHANNELS } from '../components/common';
import { CustomerDrawer } from '../components/CustomerDrawer';
import { CustomerForm } from '../components/CustomerForm';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { dec } from '../../../lib/decimal';
import { formatDate } from '../../../lib/date';
import { enumLabel, useT } from '../../../i18n';

type Row = CustomerFieldsFragment;

/**
 * Customers with their balances. Search (code or name), region, channel and
 * hold/overdue filters and the sort column live in the URL (?q=&region=&channel=&flag=&sort=&dir=);
 * ?customer=ID opens one.
 */
export default function CustomersPage() {
  const t = useT();
  const canCreate = useCan(['SALES', 'MANAGER']);
  const state = useListState<CustomerOrderField>({ sort: 'CODE', dir: 'ASC' });
  const openId = state.param('customer') ?? null;
  const region = state.param('region') ?? '';
  const channel = state.param('channel') as SalesChannel | undefined;
  const flag = state.param('flag') as 'hold' | 'overdue' | undefined;
  const [regionText, setRegionText] = useState(region);
  const [creating, setCreating] = useState(false);
  const filter = useMemo(
    () => ({ search: state.search || undefined, region: region || undefined, channel, onCreditHold: flag === 'hold' ? true : undefined, overdue: flag === 'overdue' ? true : undefined }),
    [state.search, region, channel, flag],
  );
  const list = usePagedQuery({ query: CustomersQuery, variables: { filter, orderBy: state.orderBy }, connection: (d) => d.customers });
  const { refresh } = list;
  const open = (id: string | null) => state.setParam('customer', id);
  const sortable = (field: CustomerOrderField) => ({ key: field, sorter: true, sortOrder: state.sortOrderOf(field), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });

  const allColumns: ColumnType<Row>[] = [
    { title: t('cust.code'), dataIndex: 'code', ...sortable('CODE') },
    { title: t('cust.name'), ...sortable('NAME'), render: (_, c) => (c.active ? c.name : <>{c.name} <Tag>{t('common.inactive')}</Tag></>) },
    { title: t('cust.region'), dataIndex: 'region', ...sortable('REGION') },
    { title: t('cust.channel'), key: 'channel', render: (_, c) => enumLabel(t, 'salesChannel', c.channel) },
    { title: t('cust.salesperson'), key: 'salesperson', dataIndex: 'salesperson' },
    { title: t('cust.taxId'), key: 'taxId', render: (_, c) => c.taxId ?? '' },
    { title: t('pm.defaultAddress'), key: 'defaultAddress', render: (_, c) => c.defaultAddress?.address ?? '' },
    { title: t('cust.creditLimit'), align: 'right', ...sortable('CREDIT_LIMIT'), render: (_, c) => <Amount value={c.creditLimit} /> },
    { title: t('cust.openBalance'), align: 'right', ...sortable('OPEN_BALANCE'), render: (_, c) => <Amount value={c.openBalance} /> },
    {
      title: t('cust.overdue'),
      align: 'right',
      ...sortable('OVERDUE'),
      render: (_, c) => (dec(c.overdueAmount).gt(0) ? <Tag color="red"><Amount value={c.overdueAmount} /></Tag> : <Amount value={c.overdueAmount} />),
    },
    { title: t('cust.creditAvailable'), key: 'creditAvailable', align: 'right', render: (_, c) => <Amount value={c.creditAvailable} /> },
    { title: t('cust.hold'), key: 'hold', render: (_, c) => (c.onCreditHold ? <Tag color="red" data-testid="cust-hold">{t('cust.onHold')}</Tag> : null) },
  ];
  const { columns, chooser } = useColumnChooser<Row>('customers', allColumns);

  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} dates={false} searchPlaceholder={t('cust.search')} testId="cust">
          <Input
            allowClear
            placeholder={t('cust.region')}
            style={{ width: 120 }}
            value={regionText}
            onChange={(e) => {
              setRegionText(e.target.value);
              if (!e.target.value) state.setParam('region', null);
            }}
            onPressEnter={() => state.setParam('region', regionText.trim())}
            onBlur={() => state.setParam('region', regionText.trim())}
            data-testid="cust-filter-region"
          />
          <Select<SalesChannel>
            allowClear
            placeholder={t('cust.channel')}
            style={{ width: 140 }}
            value={channel}
            onChange={(v) => state.setParam('channel', v)}
            options={CHANNELS.map((c) => ({ value: c, label: enumLabel(t, 'salesChannel', c) }))}
            data-testid="cust-filter-channel"
          />
          <Select
            allowClear
            placeholder={t('cust.flags')}
            style={{ width: 160 }}
            value={flag}
            onChange={(v) => state.setParam('flag', v)}
            options={[
              { value: 'hold', label: t('cust.onHold') },
              { value: 'overdue', label: t('cust.hasOverdue') },
            ]}
          />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Row>
            fileName={t('menu.customers')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('cust.code'), value: (c) => c.code },
              { header: t('cust.name'), value: (c) => c.name, width: 28 },
              { header: t('cust.region'), value: (c) => c.region },
              { header: t('cust.channel'), value: (c) => enumLabel(t, 'salesChannel', c.channel) },
              { header: t('cust.salesperson'), value: (c) => c.salesperson },
              { header: t('cust.taxId'), value: (c) => c.taxId ?? '', width: 22 },
              { header: t('pm.defaultAddress'), value: (c) => c.defaultAddress?.address ?? '', width: 30 },
              { header: t('cust.terms'), value: (c) => c.paymentTermsDays },
              { header: t('cust.creditLimit'), value: (c) => ({ decimal: c.creditLimit }) },
              { header: t('cust.openBalance'), value: (c) => ({ decimal: c.openBalance }) },
              { header: t('cust.overdue'), value: (c) => ({ decimal: c.overdueAmount }) },
              { header: t('cust.creditAvailable'), value: (c) => ({ decimal: c.creditAvailable }) },
              { header: t('cust.onHold'), value: (c) => (c.onCreditHold ? t('cust.onHold') : '') },
              { header: t('pm.createdAt'), value: (c) => formatDate(c.createdAt) },
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cust-new">
              {t('cust.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Row>
        list={list}
        data-testid="cust-table"
        onRow={(c) => ({ onClick: () => open(c.id), style: { cursor: 'pointer' }, 'data-testid': `cust-row-${c.code}` }) as object}
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        showSizeChanger
        columns={columns}
      />
      <CustomerDrawer id={openId} onClose={() => open(null)} onChanged={refresh} />
      <CustomerForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          refresh();
          open(id);
        }}
      />
    </Card>
  );
}
