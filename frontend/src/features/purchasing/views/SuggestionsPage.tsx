import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import type { PurchaseSuggestionsQuery as Result } from '../../../gql/graphql';
import { PurchaseSuggestionsQuery } from '../queries';
import { CreatePurchaseOrdersFromSuggestionsMutation } from '../mutations';
import { failureMessages } from '../components/common';
import { Toolbar } from '../../../components/Toolbar';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput } from '../../../components/DecimalInput';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

type Suggestion = Result['purchaseSuggestions'][number];
const keyOf = (s: Suggestion) => `${s.product.id}:${s.warehouse.id}`;

/** What to reorder now; selected rows become draft orders, one per supplier and warehouse. */
export default function SuggestionsPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const canOrder = useCan(['PURCHASING']);
  const refs = useReferenceOptions();
  const [warehouseId, setWarehouseId] = useState<string>();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: PurchaseSuggestionsQuery, variables: { warehouseId: warehouseId ?? null }, requestPolicy: 'cache-and-network' });
  const [{ fetching: creating }, create] = useMutation(CreatePurchaseOrdersFromSuggestionsMutation);
  const [selected, setSelected] = useState<string[]>([]);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [costCentre, setCostCentre] = useState('PURCHASING');
  const [errors, setErrors] = useState<string[]>([]);
  const [created, setCreated] = useState<{ id: string; number: string }[]>([]);
  const rows = useMemo(() => data?.purchaseSuggestions ?? [], [data]);

  async function createOrders() {
    setErrors([]);
    const lines = rows
      .filter((s) => selected.includes(keyOf(s)))
      .map((s) => ({ productId: s.product.id, warehouseId: s.warehouse.id, quantity: quantities[keyOf(s)]?.trim() || undefined }));
    const res = await create({ input: { lines, costCentre: costCentre.trim() || undefined, idempotencyKey: crypto.randomUUID() } });
    const p = res.data?.createPurchaseOrdersFromSuggestions;
    const errs = failureMessages(res, p?.userErrors);
    if (errs.length) return setErrors(errs);
    const orders = p?.purchaseOrders ?? [];
    setCreated(orders.map((o) => ({ id: o.id, number: o.number })));
    message.success(t('suggestions.created', { n: orders.length }));
    setSelected([]);
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select allowClear placeholder={t('stock.warehouse')} style={{ width: 200 }} value={warehouseId} onChange={setWarehouseId} options={refs.warehouseOptions} />
          {canOrder && (
            <>
              <span>{t('po.costCentre')}</span>
              <Input style={{ width: 160 }} value={costCentre} onChange={(e) => setCostCentre(e.target.value)} data-testid="suggestions-cost-centre" />
              <Button type="primary" icon={<ShoppingCartOutlined />} disabled={selected.length === 0} loading={creating} onClick={createOrders} data-testid="suggestions-create">
                {t('suggestions.create', { n: selected.length })}
              </Button>
            </>
          )}
        </Space>
        <ExportButton<Suggestion>
          fileName={t('menu.suggestions')}
          fetchRows={loadedRows(rows)}
          columns={[
            { header: t('products.sku'), value: (s) => s.product.sku },
            { header: t('products.name'), value: (s) => localName(s.product), width: 24 },
            { header: t('stock.warehouse'), value: (s) => s.warehouse.code },
            { header: t('stock.available'), value: (s) => ({ decimal: s.available }) },
            { header: t('suggestions.onOrder'), value: (s) => ({ decimal: s.onOrder }) },
            { header: t('products.reorderPoint'), value: (s) => ({ decimal: s.reorderPoint }) },
            { header: t('suggestions.quantity'), value: (s) => ({ decimal: s.quantity }) },
            { header: t('po.supplier'), value: (s) => (s.supplier ? `${s.supplier.code} ${s.supplier.name}` : '') },
            { header: t('po.unitPrice'), value: (s) => (s.unitPrice ? { decimal: s.unitPrice } : '') },
            { header: t('suggestions.reason'), value: (s) => s.reason, width: 40 },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="suggestions-errors" />}
      {created.length > 0 && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setCreated([]) }}
          style={{ marginBottom: 16 }}
          data-testid="suggestions-created"
          title={
            <Space wrap>
              {t('suggestions.createdOrders')}
              {created.map((o) => (
                <Link key={o.id} to={`/purchasing/orders?order=${o.id}`} data-testid={`created-order-${o.number}`}>
                  {o.number}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <Table<Suggestion>
        rowKey={keyOf}
        size="middle"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        data-testid="suggestions-table"
        rowSelection={canOrder ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (s) => ({ disabled: !s.supplier, 'data-testid': `suggestion-select-${s.product.sku}-${s.warehouse.code}` }) as object } : undefined}
        onRow={(s) => ({ 'data-testid': `suggestion-row-${s.product.sku}-${s.warehouse.code}` }) as object}
        columns={[
          { title: t('products.sku'), render: (_, s) => s.product.sku },
          { title: t('products.name'), render: (_, s) => localName(s.product) },
          { title: t('stock.warehouse'), render: (_, s) => s.warehouse.code },
          { title: t('stock.available'), align: 'right', render: (_, s) => formatQty(s.available) },
          { title: t('suggestions.onOrder'), align: 'right', render: (_, s) => formatQty(s.onOrder) },
          { title: t('products.reorderPoint'), align: 'right', render: (_, s) => formatQty(s.reorderPoint) },
          {
            title: t('suggestions.quantity'),
            align: 'right',
            width: 120,
            render: (_, s) =>
              canOrder ? (
                <DecimalInput size="small" placeholder={formatQty(s.quantity)} value={quantities[keyOf(s)] ?? ''} onChange={(e) => setQuantities((q) => ({ ...q, [keyOf(s)]: e.target.value }))} />
              ) : (
                formatQty(s.quantity)
              ),
          },
          { title: t('po.supplier'), render: (_, s) => (s.supplier ? `${s.supplier.code} ${s.supplier.name}` : <Typography.Text type="warning">{t('suggestions.noSupplier')}</Typography.Text>) },
          { title: t('po.unitPrice'), align: 'right', render: (_, s) => (s.unitPrice ? formatMoney(s.unitPrice) : '—') },
          { title: t('po.expectedDate'), render: (_, s) => s.expectedDate ?? '—' },
          { title: t('suggestions.reason'), render: (_, s) => <Typography.Text type="secondary">{s.reason}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
