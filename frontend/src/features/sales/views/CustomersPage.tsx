import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CustomerFieldsFragment, SalesChannel } from '../../../gql/graphql';
import { CustomersQuery } from '../queries';
import { CHANNELS } from '../components/common';
import { CustomerDrawer } from '../components/CustomerDrawer';
import { CustomerForm } from '../components/CustomerForm';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec } from '../../../lib/decimal';
import { enumLabel, useT } from '../../../i18n';

type Row = CustomerFieldsFragment;

/** Customers with their balances; search, region, channel, hold and overdue filters; ?customer=ID opens one. */
export default function CustomersPage() {
  const t = useT();
  const canCreate = useCan(['SALES', 'MANAGER']);
  const [params, setParams] = useSearchParams();
  const openId = params.get('customer');
  const [search, setSearch] = useState('');
  const [region, setRegion] = useState('');
  const [channel, setChannel] = useState<SalesChannel>();
  const [flag, setFlag] = useState<'hold' | 'overdue'>();
  const [creating, setCreating] = useState(false);
  const filter = useMemo(
    () => ({ search: search.trim() || undefined, region: region.trim() || undefined, channel, onCreditHold: flag === 'hold' ? true : undefined, overdue: flag === 'overdue' ? true : undefined }),
    [search, region, channel, flag],
  );
  const list = usePagedQuery({ query: CustomersQuery, variables: { filter }, connection: (d) => d.customers });
  const { refresh } = list;
  const open = (id: string | null) => setParams((p) => { const n = new URLSearchParams(p); if (id) n.set('customer', id); else n.delete('customer'); return n; });

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Input.Search allowClear placeholder={t('cust.search')} style={{ width: 220 }} onSearch={setSearch} data-testid="cust-search" />
          <Input allowClear placeholder={t('cust.region')} style={{ width: 120 }} value={region} onChange={(e) => setRegion(e.target.value)} data-testid="cust-filter-region" />
          <Select<SalesChannel> allowClear placeholder={t('cust.channel')} style={{ width: 140 }} value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: enumLabel(t, 'salesChannel', c) }))} />
          <Select allowClear placeholder={t('cust.flags')} style={{ width: 160 }} value={flag} onChange={setFlag} options={[{ value: 'hold', label: t('cust.onHold') }, { value: 'overdue', label: t('cust.hasOverdue') }]} />
        </Space>
        <Space>
          <ExportButton<Row>
            fileName={t('menu.customers')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('cust.code'), value: (c) => c.code },
              { header: t('cust.name'), value: (c) => c.name, width: 28 },
              { header: t('cust.region'), value: (c) => c.region },
              { header: t('cust.channel'), value: (c) => enumLabel(t, 'salesChannel', c.channel) },
              { header: t('cust.salesperson'), value: (c) => c.salesperson },
              { header: t('cust.creditLimit'), value: (c) => ({ decimal: c.creditLimit }) },
              { header: t('cust.openBalance'), value: (c) => ({ decimal: c.openBalance }) },
              { header: t('cust.overdue'), value: (c) => ({ decimal: c.overdueAmount }) },
              { header: t('cust.creditAvailable'), value: (c) => ({ decimal: c.creditAvailable }) },
              { header: t('cust.onHold'), value: (c) => (c.onCreditHold ? t('cust.onHold') : '') },
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
        showSizeChanger
        columns={[
          { title: t('cust.code'), dataIndex: 'code' },
          { title: t('cust.name'), render: (_, c) => (c.active ? c.name : <>{c.name} <Tag>{t('common.inactive')}</Tag></>) },
          { title: t('cust.region'), dataIndex: 'region' },
          { title: t('cust.channel'), render: (_, c) => enumLabel(t, 'salesChannel', c.channel) },
          { title: t('cust.salesperson'), dataIndex: 'salesperson' },
          { title: t('cust.openBalance'), align: 'right', render: (_, c) => <Amount value={c.openBalance} /> },
          { title: t('cust.overdue'), align: 'right', render: (_, c) => (dec(c.overdueAmount).gt(0) ? <Tag color="red"><Amount value={c.overdueAmount} /></Tag> : <Amount value={c.overdueAmount} />) },
          { title: t('cust.creditAvailable'), align: 'right', render: (_, c) => <Amount value={c.creditAvailable} /> },
          { title: t('cust.hold'), render: (_, c) => (c.onCreditHold ? <Tag color="red" data-testid="cust-hold">{t('cust.onHold')}</Tag> : null) },
        ]}
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
