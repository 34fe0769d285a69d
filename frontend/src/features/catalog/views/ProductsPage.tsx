import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { App, Button, Card, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProductFieldsFragment, ProductFilter, ProductOrderField } from '../../../gql/graphql';
import type { ColumnType } from 'antd/es/table';
import { CategoriesQuery, ProductsQuery } from '../queries';
import { DeactivateProductMutation } from '../mutations';
import { ProductDrawer } from '../components/ProductDrawer';
import { ExportButton } from '../../../components/ExportButton';
import { PagedTable } from '../../../components/PagedTable';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { formatDate } from '../../../lib/date';
import { useCan } from '../../../app/session';
import { useLocalName, useT } from '../../../i18n';

type Row = ProductFieldsFragment;

export default function ProductsPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const canWrite = useCan(['WAREHOUSE']);
  // Search, category, status and sorting live in the URL.
  const state = useListState<ProductOrderField>({ sort: 'SKU', dir: 'ASC' });
  const { search, orderBy } = state;
  const categoryId = state.param('category');
  const active = (state.param('active') ?? 'active') as 'all' | 'active' | 'inactive';
  const [editing, setEditing] = useState<Row | 'new' | null>(null);

  const filter = useMemo<ProductFilter>(
    () => ({
      search: search || undefined,
      categoryId,
      active: active === 'all' ? undefined : active === 'active',
    }),
    [search, categoryId, active],
  );
  const list = usePagedQuery({ query: ProductsQuery, variables: { filter, orderBy }, connection: (d) => d.products });
  const { refresh } = list;
  const [{ data: cats }] = useQuery({ query: CategoriesQuery, variables: { includeInactive: true } });
  const [, deactivate] = useMutation(DeactivateProductMutation);

  async function onDeactivate(p: Row) {
    const res = await deactivate({ id: p.id });
    const errs = res.data?.deactivateProduct.userErrors ?? [];
    if (res.error || errs.length) message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
    else {
      message.success(t('products.deactivated', { sku: p.sku }));
      refresh();
    }
  }

  const exportColumns = [
    { header: t('products.sku'), value: (p: Row) => p.sku, width: 16 },
    { header: t('products.name'), value: (p: Row) => p.name, width: 28 },
    { header: t('products.nameEn'), value: (p: Row) => p.nameEn, width: 32 },
    { header: t('products.category'), value: (p: Row) => localName(p.category) },
    { header: t('products.barcodes'), value: (p: Row) => p.barcodes.join(' '), width: 16 },
    { header: t('products.unit'), value: (p: Row) => p.unit },
    { header: t('products.sellPrice'), value: (p: Row) => ({ decimal: p.sellPrice, format: 'money' as const }) },
    { header: t('products.vatRate'), value: (p: Row) => ({ decimal: p.vatRate, format: 'percent' as const }) },
    { header: t('products.safetyStock'), value: (p: Row) => ({ decimal: p.safetyStock, format: 'qty' as const }) },
    { header: t('products.reorderPoint'), value: (p: Row) => ({ decimal: p.reorderPoint, format: 'qty' as const }) },
    { header: t('products.reorderQuantity'), value: (p: Row) => ({ decimal: p.reorderQuantity, format: 'qty' as const }) },
    { header: t('products.leadTimeDays'), value: (p: Row) => p.leadTimeDays },
    { header: t('common.status'), value: (p: Row) => (p.active ? t('common.active') : t('common.inactive')) },
  ];

  const allColumns: ColumnType<Row>[] = [
    { key: 'SKU', title: t('products.sku'), dataIndex: 'sku', sorter: true, sortOrder: state.sortOrderOf('SKU') },
    {
      key: 'NAME',
      title: t('products.name'),
      sorter: true,
      sortOrder: state.sortOrderOf('NAME'),
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <span>{localName(p)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.barcodes.join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'category', title: t('products.category'), render: (_, p) => localName(p.category) },
    { key: 'unit', title: t('products.unit'), dataIndex: 'unit' },
    { key: 'sellPrice', title: t('products.sellPrice'), align: 'right', render: (_, p) => formatMoney(p.sellPrice) },
    { key: 'reorderPoint', title: t('products.reorderPoint'), align: 'right', render: (_, p) => formatQty(p.reorderPoint) },
    { key: 'CREATED_AT', title: t('common.createdAt'), sorter: true, sortOrder: state.sortOrderOf('CREATED_AT'), render: (_, p) => formatDate(p.createdAt) },
    {
      key: 'active',
      title: t('common.status'),
      render: (_, p) => (p.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, p: Row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(p)} data-testid={`product-edit-${p.sku}`}>
                  {t('common.edit')}
                </Button>
                {p.active && (
                  <Popconfirm title={t('products.deactivateConfirm', { sku: p.sku })} onConfirm={() => onDeactivate(p)}>
                    <Button size="small" danger data-testid={`product-deactivate-${p.sku}`}>
                      {t('products.deactivate')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  const { columns, chooser } = useColumnChooser('products', allColumns);

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <ListFilters state={state} dates={false} searchPlaceholder={t('products.searchPlaceholder')} testId="products">
          <Select
            allowClear
            placeholder={t('products.category')}
            style={{ width: 180 }}
            value={categoryId}
            onChange={(v?: string) => state.setParam('category', v)}
            options={(cats?.categories ?? []).map((c) => ({ value: c.id, label: localName(c) }))}
            data-testid="products-category"
          />
          <Select
            style={{ width: 140 }}
            value={active}
            onChange={(v) => state.setParam('active', v === 'active' ? null : v)}
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton
            fileName={t('menu.products')}
            columns={exportColumns}
            fetchRows={list.exportRows}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-create-open">
              {t('products.create')}
            </Button>
          )}
        </Space>
      </Space>
      <PagedTable<Row>
        list={list}
        data-testid="products-table"
        onRow={(p) => ({ 'data-testid': `product-row-${p.sku}` }) as object}
        showSizeChanger
        sizes
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        columns={columns}
      />
      <ProductDrawer
        product={editing}
        categories={cats?.categories ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </Card>
  );
}
