import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { SupplierFieldsFragment, SupplierOrderField } from '../../../gql/graphql';
import { SuppliersQuery } from '../queries';
import { SupplierDrawer } from '../components/SupplierDrawer';
import { SupplierForm } from '../components/SupplierForm';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { formatDate } from '../../../lib/date';
import { useT } from '../../../i18n';
import { useCan } from '../../../app/session';

type Supplier = SupplierFieldsFragment;

/**
 * Suppliers: search (code or name), active filter and sort column in the URL
 * (?q=&active=&sort=&dir=); ?supplier=ID opens one; purchasing creates and edits them.
 */
export default function SuppliersPage() {
  const t = useT();
  const canCreate = useCan(['PURCHASING']);
  const state = useListState<SupplierOrderField>({ sort: 'CODE', dir: 'ASC' });
  const openId = state.param('supplier') ?? null;
  const activeParam = state.param('active') ?? 'active';
  const active = activeParam === 'all' ? undefined : activeParam === 'active';
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => ({ search: state.search || undefined, active }), [state.search, active]);
  const list = usePagedQuery({ query: SuppliersQuery, variables: { filter, orderBy: state.orderBy }, connection: (d) => d.suppliers });
  const open = (id: string | null) => state.setParam('supplier', id);
  const sortable = (field: SupplierOrderField) => ({ key: field, sorter: true, sortOrder: state.sortOrderOf(field), sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[] });

  const allColumns: ColumnType<Supplier>[] = [
    { title: t('suppliers.code'), dataIndex: 'code', ...sortable('CODE') },
    { title: t('suppliers.name'), dataIndex: 'name', ...sortable('NAME') },
    { title: t('cust.taxId'), key: 'taxId', render: (_, s) => s.taxId ?? '' },
    { title: t('suppliers.paymentTerms'), key: 'terms', align: 'right', render: (_, s) => t('suppliers.daysN', { n: s.paymentTermsDays }) },
    { title: t('suppliers.leadTime'), key: 'lead', align: 'right', render: (_, s) => t('suppliers.daysN', { n: s.leadTimeDays }) },
    { title: t('suppliers.currency'), key: 'currency', dataIndex: 'currency' },
    { title: t('suppliers.contacts'), key: 'contacts', render: (_, s) => s.contacts.map((c) => c.name).join(', ') },
    { title: t('pm.bank'), key: 'bank', render: (_, s) => [s.bankName, s.bankAccount].filter(Boolean).join(' ') },
    { title: t('pm.createdAt'), render: (_, s) => formatDate(s.createdAt), ...sortable('CREATED_AT') },
    { title: t('common.status'), key: 'status', render: (_, s) => (s.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
  ];
  const { columns, chooser } = useColumnChooser<Supplier>('suppliers', allColumns);

  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} dates={false} searchPlaceholder={t('suppliers.search')} testId="suppliers">
          <Select
            style={{ width: 140 }}
            value={activeParam}
            onChange={(v) => state.setParam('active', v === 'active' ? null : v)}
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="suppliers-filter-active"
          />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Supplier>
            fileName={t('menu.suppliers')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('suppliers.code'), value: (s) => s.code },
              { header: t('suppliers.name'), value: (s) => s.name, width: 30 },
              { header: t('cust.taxId'), value: (s) => s.taxId ?? '', width: 22 },
              { header: t('suppliers.paymentTerms'), value: (s) => s.paymentTermsDays },
              { header: t('suppliers.leadTime'), value: (s) => s.leadTimeDays },
              { header: t('suppliers.currency'), value: (s) => s.currency },
              { header: t('pm.bankName'), value: (s) => s.bankName },
              { header: t('pm.bankAccount'), value: (s) => s.bankAccount, width: 24 },
              { header: t('cust.address'), value: (s) => s.address, width: 30 },
              { header: t('common.status'), value: (s) => (s.active ? t('common.active') : t('common.inactive')) },
            ]}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="supplier-new">
              {t('pm.supplierNew')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Supplier>
        list={list}
        data-testid="suppliers-table"
        onRow={(s) => ({ onClick: () => open(s.id), style: { cursor: 'pointer' }, 'data-testid': `supplier-row-${s.code}` }) as object}
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        columns={columns}
      />
      <SupplierDrawer id={openId} onClose={() => open(null)} onChanged={list.refresh} />
      <SupplierForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          list.refresh();
          open(id);
        }}
      />
    </Card>
  );
}
