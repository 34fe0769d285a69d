import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SalesReturnOrderField, SalesReturnsQuery as Result } from '../../../gql/graphql';
import type { ColumnType } from 'antd/es/table';
import { SalesReturnsQuery, ShipmentsQuery } from '../queries';
import { CreateSalesReturnMutation } from '../mutations';
import { CustomerSelect, remapRows } from '../components/common';
import { RefundModal } from './CustomerPaymentsPage';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton, type ExportColumn } from '../../../components/ExportButton';
import { DocumentLink } from '../../../components/DocumentLink';
import { TotalsRow } from '../../../components/TotalsRow';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { useListState } from '../../../lib/listState';
import { sumOf } from '../listTotals';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan, useCanRead } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { auditColumn } from '../../audit/components/AuditButton';

type Return = Result['salesReturns']['nodes'][number];

/**
 * Returns with their credit notes: search (number, customer), dates and
 * sorting in the URL; goods come back from invoiced shipments (sales, the
 * warehouse, finance), open credit can be refunded (finance). The warehouse
 * sees no amounts (customer money).
 */
export default function SalesReturnsPage() {
  const t = useT();
  const localName = useLocalName();
  const canReturn = useCan(['SALES', 'WAREHOUSE', 'FINANCE', 'MANAGER']);
  const canRefund = useCan(['FINANCE']);
  const withMoney = useCanRead('CUSTOMER_MONEY');
  const state = useListState<SalesReturnOrderField>();
  const { search, dateFrom, dateTo, orderBy } = state;
  const customerId = state.param('customer');
  const [creating, setCreating] = useState(false);
  const [refunding, setRefunding] = useState<Return>();
  const filter = useMemo(() => ({ customerId, search: search || undefined, dateFrom, dateTo }), [customerId, search, dateFrom, dateTo]);
  const list = usePagedQuery({
    query: SalesReturnsQuery,
    variables: { filter, orderBy, withMoney },
    connection: (d) => d.salesReturns,
  });
  const { refresh } = list;

  const money = (header: string, v: (r: Return) => string | null | undefined): ExportColumn<Return> => ({
    header,
    value: (r) => ({ decimal: v(r) ?? '0', format: 'money' }),
    total: true,
  });
  const exportColumns: ExportColumn<Return>[] = [
    { header: t('sret.number'), value: (r) => r.number },
    {
      header: t('so.customer'),
      value: (r) => `${r.customer.code} ${r.customer.name}`,
      width: 28,
    },
    { header: t('sret.date'), value: (r) => ({ date: r.postingDate }) },
    { header: t('ship.number'), value: (r) => r.shipment.number },
    { header: t('sinv.number'), value: (r) => r.invoice.number },
    { header: t('sret.reason'), value: (r) => r.reason, width: 30 },
    ...(withMoney
      ? [
          money(t('sret.total'), (r) => r.totalAmount),
          money(t('sret.applied'), (r) => r.appliedAmount),
          money(t('cpay.refunded'), (r) => r.refundedAmount),
          money(t('sret.openCredit'), (r) => r.openCredit),
        ]
      : []),
  ];
  const allColumns: ColumnType<Return>[] = [
    {
      key: 'NUMBER',
      title: t('sret.number'),
      sorter: true,
      sortOrder: state.sortOrderOf('NUMBER'),
      render: (_, r) => <DocumentLink kind="SALES_RETURN" number={r.number} />,
    },
    {
      key: 'customer',
      title: t('so.customer'),
      render: (_, r) => `${r.customer.code} ${r.customer.name}`,
    },
    {
      key: 'DATE',
      title: t('sret.date'),
      dataIndex: 'postingDate',
      sorter: true,
      sortOrder: state.sortOrderOf('DATE'),
    },
    {
      key: 'shipment',
      title: t('ship.number'),
      render: (_, r) => <DocumentLink kind="SHIPMENT" number={r.shipment.number} />,
    },
    {
      key: 'invoice',
      title: t('sinv.number'),
      render: (_, r) => <DocumentLink kind="SALES_INVOICE" number={r.invoice.number} />,
    },
    {
      key: 'lines',
      title: t('ship.lines'),
      render: (_, r) => r.lines.map((l) => `${l.product.sku} ${localName(l.product)} × ${formatQty(l.quantity)}`).join(', '),
    },
    { key: 'reason', title: t('sret.reason'), dataIndex: 'reason' },
    ...(withMoney
      ? [
          {
            key: 'TOTAL',
            title: t('sret.total'),
            align: 'right' as const,
            sorter: true,
            sortOrder: state.sortOrderOf('TOTAL'),
            render: (_: unknown, r: Return) => <Amount value={r.totalAmount} />,
          },
          {
            key: 'openCredit',
            title: t('sret.openCredit'),
            align: 'right' as const,
            render: (_: unknown, r: Return) => <Amount value={r.openCredit} strong={dec(r.openCredit).gt(0)} />,
          },
        ]
      : []),
    ...(canRefund
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Return) =>
              dec(r.openCredit).gt(0) ? (
                <Button size="small" onClick={() => setRefunding(r)}>
                  {t('sret.refund')}
                </Button>
              ) : null,
          },
        ]
      : []),
    { ...auditColumn<Return>(t, 'salesReturn'), key: 'audit' },
  ];
  const { columns, chooser } = useColumnChooser('salesReturns', allColumns);
  const totalIndex = columns.findIndex((c) => c.key === 'TOTAL');

  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} searchPlaceholder={t('so.searchPlaceholder')} testId="sret-list">
          <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 240 }} value={customerId} onChange={(v?: string) => state.setParam('customer', v)} />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Return> fileName={t('menu.salesReturns')} fetchRows={list.exportRows} columns={exportColumns} />
          {canReturn && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sret-new">
              {t('sret.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Return>
        list={list}
        data-testid="sret-table"
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        columns={columns}
        summary={(rows) =>
          rows.length > 0 && totalIndex > 0 ? (
            <TotalsRow
              label={t('sales.pageTotal')}
              span={totalIndex}
              cells={[<Amount key="t" value={sumOf(rows, (r) => r.totalAmount)} strong />, <Amount key="o" value={sumOf(rows, (r) => r.openCredit)} />]}
              afterSpan={Math.max(0, columns.length - totalIndex - 2)}
            />
          ) : null
        }
      />
      <ReturnModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          refresh();
        }}
      />
      <RefundModal
        open={!!refunding}
        returnId={refunding?.id}
        max={refunding?.openCredit ?? undefined}
        onClose={() => setRefunding(undefined)}
        onDone={() => {
          setRefunding(undefined);
          refresh();
        }}
      />
    </Card>
  );
}

interface ReturnValues {
  shipmentId?: string;
  postingDate?: Dayjs | null;
  reason?: string;
  lines: { quantity?: string }[];
}

/** Goods of an invoiced shipment come back: restocked at the cost they left with, and a credit note issued. */
function ReturnModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const [customerId, setCustomerId] = useState<string>();
  const shipmentId = Form.useWatch('shipmentId', form);
  const [{ data }] = useQuery({ query: ShipmentsQuery, variables: { first: 200, filter: { customerId } }, pause: !open || !customerId, requestPolicy: 'network-only' });
  const shipments = (data?.shipments.nodes ?? []).filter((s) => s.invoiceId);
  const shipment = shipments.find((s) => s.id === shipmentId);
  const [{ fetching }, create] = useMutation(CreateSalesReturnMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (open) {
      form.resetFields();
      setCustomerId(undefined);
      setGeneral([]);
      setKey(crypto.randomUUID());
    }
  }, [open, form]);
  useEffect(() => {
    form.setFieldValue('lines', (shipment?.lines ?? []).map(() => ({ quantity: '' })));
  }, [shipment, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    if (!shipment) return;
    const rows: number[] = [];
    const lines = (v.lines ?? []).flatMap((l, i) => (dec(l.quantity).gt(0) ? (rows.push(i), [{ shipmentLineId: shipment.lines[i].id, quantity: (l.quantity ?? '').trim() }]) : []));
    if (lines.length === 0) return setGeneral([t('sret.nothing')]);
    const res = await create({ input: { shipmentId: shipment.id, postingDate: isoDate(v.postingDate), reason: v.reason?.trim() || undefined, lines, idempotencyKey: key } });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.createSalesReturn;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, remapRows(p.userErrors, 'lines', rows)));
    if (p?.salesReturn) {
      message.success(t('sret.created', { number: p.salesReturn.number }));
      onDone();
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('sret.new')} width={860} onOk={submit} confirmLoading={fetching} okButtonProps={{ 'data-testid': 'sret-form-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ lines: [] }}>
        <Space wrap align="start">
          <Form.Item label={t('so.customer')} required>
            <CustomerSelect includeInactive style={{ width: 260 }} value={customerId} onChange={(v) => { setCustomerId(v); form.setFieldValue('shipmentId', undefined); }} />
          </Form.Item>
          <Form.Item name="shipmentId" label={t('sret.shipment')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 260 }} options={shipments.map((s) => ({ value: s.id, label: `${s.number} · ${s.order.number} · ${s.postingDate}` }))} />
          </Form.Item>
          <Form.Item name="postingDate" label={t('sret.date')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('sret.reason')}>
          <Input />
        </Form.Item>
        {shipment && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={shipment.lines}
            columns={[
              { title: t('products.sku'), render: (_, l) => l.product.sku },
              { title: t('products.name'), render: (_, l) => localName(l.product) },
              { title: t('so.shipped'), align: 'right', render: (_, l) => formatQty(l.quantity) },
              { title: t('ship.returned'), align: 'right', render: (_, l) => formatQty(l.returnedQuantity) },
              {
                title: t('sret.quantity'),
                width: 140,
                render: (_, _l, i) => (
                  <Form.Item name={['lines', i, 'quantity']} rules={[decimalRule(t('common.decimalInvalid'), 4)]} style={{ margin: 0 }}>
                    <DecimalInput size="small" placeholder="0" />
                  </Form.Item>
                ),
              },
            ]}
          />
        )}
      </Form>
    </Modal>
  );
}
