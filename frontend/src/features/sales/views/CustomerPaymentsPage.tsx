import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CustomerPaymentsQuery as Result } from '../../../gql/graphql';
import { CustomerDetailQuery, CustomerPaymentsQuery, SalesInvoicesQuery } from '../queries';
import { ApplyCustomerCreditMutation, RecordCustomerPaymentMutation, RefundCustomerMutation } from '../mutations';
import { CustomerSelect, remapRows } from '../components/common';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { DocumentLink } from '../../../components/DocumentLink';
import { PagedTable } from '../../../components/PagedTable';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatMoney, sumDecimals } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { auditColumn } from '../../audit/components/AuditButton';

type Payment = Result['customerPayments']['nodes'][number];

/** Customer payments with their allocations and unapplied credit; finance records, applies credit and refunds. */
export default function CustomerPaymentsPage() {
  const t = useT();
  const canPost = useCan(['FINANCE']);
  const [customerId, setCustomerId] = useState<string>();
  const [recording, setRecording] = useState(false);
  const [applying, setApplying] = useState<Payment>();
  const [refunding, setRefunding] = useState<Payment>();
  const filter = useMemo(() => ({ customerId }), [customerId]);
  const list = usePagedQuery({ query: CustomerPaymentsQuery, variables: { filter }, connection: (d) => d.customerPayments });
  const { refresh } = list;

  return (
    <Card>
      <Toolbar>
        <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 260 }} value={customerId} onChange={setCustomerId} />
        <Space>
          <ExportButton<Payment>
            fileName={t('menu.customerPayments')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('cpay.number'), value: (p) => p.number },
              { header: t('so.customer'), value: (p) => `${p.customer.code} ${p.customer.name}`, width: 28 },
              { header: t('cpay.date'), value: (p) => p.postingDate },
              { header: t('cpay.amount'), value: (p) => ({ decimal: p.amount }) },
              { header: t('cpay.applied'), value: (p) => ({ decimal: p.appliedAmount }) },
              { header: t('cpay.refunded'), value: (p) => ({ decimal: p.refundedAmount }) },
              { header: t('cpay.unapplied'), value: (p) => ({ decimal: p.unapplied }) },
              { header: t('cpay.bank'), value: (p) => p.bankAccount },
              { header: t('cpay.reference'), value: (p) => p.reference },
              { header: t('cpay.allocations'), value: (p) => p.allocations.map((a) => `${a.invoiceNumber} ${a.amount}`).join('; '), width: 40 },
            ]}
          />
          {canPost && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="cpay-new">
              {t('cpay.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Payment>
        list={list}
        data-testid="cpay-table"
        onRow={(p) => ({ 'data-testid': `cpay-row-${p.number}` }) as object}
        columns={[
          { title: t('cpay.number'), render: (_, p) => <DocumentLink kind="CUSTOMER_PAYMENT" number={p.number} /> },
          { title: t('so.customer'), render: (_, p) => `${p.customer.code} ${p.customer.name}` },
          { title: t('cpay.date'), dataIndex: 'postingDate' },
          { title: t('cpay.amount'), align: 'right', render: (_, p) => <Amount value={p.amount} /> },
          { title: t('cpay.allocations'), render: (_, p) => p.allocations.map((a) => <div key={a.id}>
              <DocumentLink kind="SALES_INVOICE" number={a.invoiceNumber} />: {formatMoney(a.amount)}
            </div>) },
          { title: t('cpay.unapplied'), align: 'right', render: (_, p) => <Amount value={p.unapplied} strong={dec(p.unapplied).gt(0)} /> },
          { title: t('cpay.reference'), dataIndex: 'reference' },
          ...(canPost
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, p: Payment) =>
                    dec(p.unapplied).gt(0) ? (
                      <Space>
                        <Button size="small" onClick={() => setApplying(p)} data-testid={`cpay-apply-${p.number}`}>
                          {t('cpay.applyCredit')}
                        </Button>
                        <Button size="small" onClick={() => setRefunding(p)}>
                          {t('sret.refund')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
          auditColumn<Payment>(t, 'customerPayment'),
        ]}
      />
      <PaymentModal open={recording} onClose={() => setRecording(false)} onDone={() => { setRecording(false); refresh(); }} />
      <PaymentModal open={!!applying} payment={applying} onClose={() => setApplying(undefined)} onDone={() => { setApplying(undefined); refresh(); }} />
      <RefundModal open={!!refunding} paymentId={refunding?.id} max={refunding?.unapplied} onClose={() => setRefunding(undefined)} onDone={() => { setRefunding(undefined); refresh(); }} />
    </Card>
  );
}

interface PaymentValues {
  customerId?: string;
  amount?: string;
  postingDate?: Dayjs | null;
  bankAccount?: string;
  reference?: string;
  mode: 'oldest' | 'explicit';
  allocations: { invoiceId: string; amount?: string }[];
}

/**
 * Records a payment (or, with `payment`, applies its unapplied credit): to
 * the oldest invoices first by default, or per invoice. What is left stays as
 * unapplied credit.
 */
function PaymentModal({ open, payment, onClose, onDone }: { open: boolean; payment?: Payment; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const watchedCustomer = Form.useWatch('customerId', form);
  const customerId = payment?.customer.id ?? watchedCustomer;
  const mode = Form.useWatch('mode', form) ?? 'oldest';
  const amount = Form.useWatch('amount', form);
  const allocations = (Form.useWatch('allocations', form) ?? []) as PaymentValues['allocations'];
  const [{ data }] = useQuery({ query: SalesInvoicesQuery, variables: { first: 200, filter: { customerId } }, pause: !open || !customerId, requestPolicy: 'network-only' });
  const [{ data: cust }] = useQuery({ query: CustomerDetailQuery, variables: { id: customerId ?? '' }, pause: !open || !customerId, requestPolicy: 'network-only' });
  // Oldest due first, as the server allocates.
  const invoices = useMemo(() => (data?.salesInvoices.nodes ?? []).filter((i) => dec(i.openAmount).gt(0)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number)), [data]);
  const [{ fetching: recording }, record] = useMutation(RecordCustomerPaymentMutation);
  const [{ fetching: applyingCredit }, apply] = useMutation(ApplyCustomerCreditMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const available = payment ? dec(payment.unapplied) : dec(amount);
  const allocated = sumDecimals(allocations.map((a) => a?.amount));
  const unapplied = mode === 'explicit' ? available.minus(allocated) : available.minus(sumDecimals(invoices.map((i) => i.openAmount))).gt(0) ? available.minus(sumDecimals(invoices.map((i) => i.openAmount))) : dec('0');

  useEffect(() => {
    if (open) {
      form.resetFields();
      setGeneral([]);
      setKey(crypto.randomUUID());
    }
  }, [open, form]);
  useEffect(() => {
    form.setFieldValue('allocations', invoices.map((i) => ({ invoiceId: i.id, amount: '' })));
  }, [invoices, form]);

  async function submit() {
    setGeneral([]);
    await form.validateFields();
    const v = form.getFieldsValue(true) as PaymentValues;
    const rows: number[] = [];
    const allocs =
      v.mode === 'explicit' ? (v.allocations ?? []).flatMap((a, i) => (dec(a.amount).gt(0) ? (rows.push(i), [{ invoiceId: a.invoiceId, amount: (a.amount ?? '').trim() }]) : [])) : undefined;
    const date = isoDate(v.postingDate);
    if (payment) {
      const res = await apply({ input: { paymentId: payment.id, postingDate: date, allocations: allocs } });
      if (res.error) return setGeneral([res.error.message]);
      const p = res.data?.applyCustomerCredit;
      if (p?.userErrors.length) return setGeneral(applyUserErrors(form, remapRows(p.userErrors, 'allocations', rows)));
      message.success(t('cpay.creditApplied', { number: payment.number }));
      return onDone();
    }
    const res = await record({
      input: { customerId: v.customerId ?? '', amount: (v.amount ?? '').trim(), postingDate: date, bankAccount: v.bankAccount, reference: v.reference?.trim() || undefined, allocations: allocs, idempotencyKey: key },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.recordCustomerPayment;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, remapRows(p.userErrors, 'allocations', rows)));
    if (p?.payment) {
      message.success(t('cpay.recorded', { number: p.payment.number, unapplied: formatMoney(p.payment.unapplied) }));
      onDone();
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={payment ? t('cpay.applyTitle', { number: payment.number }) : t('cpay.new')}
      width={880}
      onOk={submit}
      confirmLoading={recording || applyingCredit}
      okText={payment ? t('cpay.applyCredit') : t('cpay.record')}
      okButtonProps={{ 'data-testid': 'cpay-form-submit' }}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="cpay-form-errors" />}
      <Form form={form} layout="vertical" initialValues={{ mode: 'oldest', bankAccount: '1002', allocations: [] }} data-testid="cpay-form">
        <Space wrap align="start">
          {!payment && (
            <Form.Item name="customerId" label={t('so.customer')} rules={[{ required: true, message: t('common.required') }]}>
              <CustomerSelect includeInactive style={{ width: 260 }} data-testid="cpay-form-customer" />
            </Form.Item>
          )}
          {!payment && (
            <Form.Item name="amount" label={t('cpay.amount')} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 2)]}>
              <DecimalInput style={{ width: 160 }} data-testid="cpay-form-amount" />
            </Form.Item>
          )}
          <Form.Item name="postingDate" label={t('cpay.date')}>
            <DatePicker />
          </Form.Item>
          {!payment && (
            <Form.Item name="bankAccount" label={t('cpay.bank')}>
              <Select style={{ width: 140 }} options={[{ value: '1002', label: t('cpay.bank1002') }, { value: '1001', label: t('cpay.cash1001') }]} />
            </Form.Item>
          )}
          {!payment && (
            <Form.Item name="reference" label={t('cpay.reference')}>
              <Input style={{ width: 180 }} />
            </Form.Item>
          )}
        </Space>
        {cust?.customer && (
          <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('cust.openBalance')}>{formatMoney(cust.customer.openBalance)}</Descriptions.Item>
            <Descriptions.Item label={t('cust.overdue')}>{formatMoney(cust.customer.overdueAmount)}</Descriptions.Item>
            <Descriptions.Item label={t('cpay.creditOnAccount')}><span data-testid="cpay-credit-on-account">{formatMoney(cust.customer.unappliedCredit)}</span></Descriptions.Item>
          </Descriptions>
        )}
        <Form.Item name="mode" label={t('cpay.allocation')}>
          <Radio.Group data-testid="cpay-form-mode">
            <Radio value="oldest">{t('cpay.oldestFirst')}</Radio>
            <Radio value="explicit">{t('cpay.perInvoice')}</Radio>
          </Radio.Group>
        </Form.Item>
        {customerId && invoices.length === 0 && <Typography.Paragraph type="secondary">{t('cpay.noOpenInvoices')}</Typography.Paragraph>}
        <Form.List name="allocations">
          {(fields) => (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={fields.filter((_f, i) => invoices[i])}
              columns={[
                { title: t('sinv.number'), render: (_, _f, i) => invoices[i]?.number },
                { title: t('sinv.due'), render: (_, _f, i) => invoices[i]?.dueDate },
                { title: t('sinv.open'), align: 'right', render: (_, _f, i) => <Amount value={invoices[i]?.openAmount} /> },
                {
                  title: t('cpay.allocate'),
                  width: 220,
                  render: (_, f, i) =>
                    mode === 'explicit' ? (
                      <Space.Compact>
                        <Form.Item name={[f.name, 'amount']} rules={[decimalRule(t('common.decimalInvalid'), 2)]} style={{ margin: 0 }}>
                          <DecimalInput size="small" style={{ width: 120 }} placeholder="0.00" data-testid={`cpay-alloc-${i}`} />
                        </Form.Item>
                        <Button size="small" onClick={() => form.setFieldValue(['allocations', i, 'amount'], dec(invoices[i]?.openAmount).toFixed(2))}>
                          {t('cpay.full')}
                        </Button>
                      </Space.Compact>
                    ) : (
                      <Typography.Text type="secondary">{t('cpay.auto')}</Typography.Text>
                    ),
                },
              ]}
            />
          )}
        </Form.List>
        <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
          <Descriptions.Item label={payment ? t('cpay.unapplied') : t('cpay.amount')}>{formatMoney(available)}</Descriptions.Item>
          {mode === 'explicit' && <Descriptions.Item label={t('cpay.allocated')}>{formatMoney(allocated)}</Descriptions.Item>}
          <Descriptions.Item label={t('cpay.leftAsCredit')}>
            <span data-testid="cpay-left">{formatMoney(unapplied)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Form>
    </Modal>
  );
}

/** Pays credit back: a credit note's open credit (returnId) or a payment's unapplied amount (paymentId). */
export function RefundModal({ open, paymentId, returnId, max, onClose, onDone }: { open: boolean; paymentId?: string; returnId?: string; max?: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount?: string; bankAccount?: string; postingDate?: Dayjs | null }>();
  const [{ fetching }, refund] = useMutation(RefundCustomerMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ amount: max ? dec(max).toFixed(2) : '', bankAccount: '1002', postingDate: null });
      setGeneral([]);
      setKey(crypto.randomUUID());
    }
  }, [open, max, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await refund({ input: { paymentId, returnId, amount: (v.amount ?? '').trim(), bankAccount: v.bankAccount, postingDate: isoDate(v.postingDate), idempotencyKey: key } });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.refundCustomer;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.refund) {
      message.success(t('sret.refunded', { number: p.refund.number }));
      onDone();
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('sret.refund')} onOk={submit} confirmLoading={fetching} okButtonProps={{ 'data-testid': 'refund-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="amount" label={t('cpay.amount')} extra={max ? t('sret.refundMax', { max: formatMoney(max) }) : undefined} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 2)]}>
          <DecimalInput style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="bankAccount" label={t('cpay.bank')}>
          <Select style={{ width: 160 }} options={[{ value: '1002', label: t('cpay.bank1002') }, { value: '1001', label: t('cpay.cash1001') }]} />
        </Form.Item>
        <Form.Item name="postingDate" label={t('cpay.date')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
