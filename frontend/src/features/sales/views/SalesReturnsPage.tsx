import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SalesReturnsQuery as Result } from '../../../gql/graphql';
import { SalesReturnsQuery, ShipmentsQuery } from '../queries';
import { CreateSalesReturnMutation } from '../mutations';
import { CustomerSelect, remapRows } from '../components/common';
import { RefundModal } from './CustomerPaymentsPage';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { auditColumn } from '../../audit/components/AuditButton';

type Return = Result['salesReturns']['nodes'][number];

/** Returns with their credit notes; goods come back from invoiced shipments, open credit can be refunded. */
export default function SalesReturnsPage() {
  const t = useT();
  const localName = useLocalName();
  const canReturn = useCan(['SALES', 'WAREHOUSE', 'FINANCE', 'MANAGER']);
  const canRefund = useCan(['FINANCE']);
  const [customerId, setCustomerId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [refunding, setRefunding] = useState<Return>();
  const filter = useMemo(() => ({ customerId }), [customerId]);
  const list = usePagedQuery({ query: SalesReturnsQuery, variables: { filter }, connection: (d) => d.salesReturns });
  const { refresh } = list;

  return (
    <Card>
      <Toolbar>
        <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 260 }} value={customerId} onChange={setCustomerId} />
        <Space>
          <ExportButton<Return>
            fileName={t('menu.salesReturns')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('sret.number'), value: (r) => r.number },
              { header: t('so.customer'), value: (r) => `${r.customer.code} ${r.customer.name}`, width: 28 },
              { header: t('sret.date'), value: (r) => r.postingDate },
              { header: t('sret.reason'), value: (r) => r.reason, width: 30 },
              { header: t('sret.total'), value: (r) => ({ decimal: r.totalAmount }) },
              { header: t('sret.applied'), value: (r) => ({ decimal: r.appliedAmount }) },
              { header: t('cpay.refunded'), value: (r) => ({ decimal: r.refundedAmount }) },
              { header: t('sret.openCredit'), value: (r) => ({ decimal: r.openCredit }) },
            ]}
          />
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
        columns={[
          { title: t('sret.number'), dataIndex: 'number' },
          { title: t('so.customer'), render: (_, r) => `${r.customer.code} ${r.customer.name}` },
          { title: t('sret.date'), dataIndex: 'postingDate' },
          { title: t('ship.lines'), render: (_, r) => r.lines.map((l) => `${l.product.sku} ${localName(l.product)} × ${formatQty(l.quantity)}`).join(', ') },
          { title: t('sret.reason'), dataIndex: 'reason' },
          { title: t('sret.total'), align: 'right', render: (_, r) => <Amount value={r.totalAmount} /> },
          { title: t('sret.openCredit'), align: 'right', render: (_, r) => <Amount value={r.openCredit} strong={dec(r.openCredit).gt(0)} /> },
          ...(canRefund
            ? [{ title: t('common.actions'), render: (_: unknown, r: Return) => (dec(r.openCredit).gt(0) ? <Button size="small" onClick={() => setRefunding(r)}>{t('sret.refund')}</Button> : null) }]
            : []),
          auditColumn<Return>(t, 'salesReturn'),
        ]}
      />
      <ReturnModal open={creating} onClose={() => setCreating(false)} onDone={() => { setCreating(false); refresh(); }} />
      <RefundModal open={!!refunding} returnId={refunding?.id} max={refunding?.openCredit} onClose={() => setRefunding(undefined)} onDone={() => { setRefunding(undefined); refresh(); }} />
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
