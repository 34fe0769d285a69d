import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SupplierPaymentsQuery as Result } from '../../../gql/graphql';
import { SupplierInvoicesQuery, SupplierPaymentsQuery } from '../queries';
import { PostSupplierPaymentMutation } from '../mutations';
import { SupplierSelect } from '../components/common';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
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

type Payment = Result['supplierPayments']['nodes'][number];

/** Supplier payments and a form that allocates a payment to the supplier's open invoices. */
export default function SupplierPaymentsPage() {
  const t = useT();
  const canPost = useCan(['FINANCE']);
  const { message } = App.useApp();
  const [supplierId, setSupplierId] = useState<string>();
  const [paying, setPaying] = useState(false);
  const list = usePagedQuery({ query: SupplierPaymentsQuery, variables: { supplierId }, connection: (d) => d.supplierPayments });

  return (
    <Card>
      <Toolbar>
        <SupplierSelect allowClear includeInactive placeholder={t('po.supplier')} style={{ width: 240 }} value={supplierId} onChange={setSupplierId} />
        <Space>
          <ExportButton<Payment>
            fileName={t('menu.supplierPayments')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('payment.number'), value: (p) => p.number },
              { header: t('po.supplier'), value: (p) => `${p.supplier.code} ${p.supplier.name}`, width: 24 },
              { header: t('payment.date'), value: (p) => p.paymentDate },
              { header: t('ledger.amount'), value: (p) => ({ decimal: p.amount }) },
              { header: t('payment.reference'), value: (p) => p.reference },
              { header: t('payment.allocations'), value: (p) => p.allocations.map((a) => `${a.invoice.number} ${a.amount}`).join('; '), width: 40 },
            ]}
          />
          {canPost && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPaying(true)} data-testid="payment-new">
              {t('payment.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Payment>
        list={list}
        data-testid="payment-table"
        columns={[
          { title: t('payment.number'), render: (_, p) => <DocumentLink kind="SUPPLIER_PAYMENT" number={p.number} testId={`payment-link-${p.number}`} /> },
          { title: t('po.supplier'), render: (_, p) => `${p.supplier.code} ${p.supplier.name}` },
          { title: t('payment.date'), dataIndex: 'paymentDate' },
          { title: t('ledger.amount'), align: 'right', render: (_, p) => <Amount value={p.amount} /> },
          { title: t('payment.reference'), dataIndex: 'reference' },
          { title: t('payment.allocations'), render: (_, p) => p.allocations.map((a) => <div key={a.invoice.id}>{`${a.invoice.number} (${a.invoice.supplierInvoiceNumber}): ${formatMoney(a.amount)}`}</div>) },
          auditColumn<Payment>(t, 'supplierPayment'),
        ]}
      />
      <PaymentModal
        open={paying}
        onClose={() => setPaying(false)}
        onPosted={(number) => {
          setPaying(false);
          message.success(t('payment.posted', { number }));
          list.refresh();
        }}
      />
    </Card>
  );
}

interface PaymentValues {
  supplierId?: string;
  paymentDate?: Dayjs | null;
  reference?: string;
  allocations: { invoiceId: string; amount?: string }[];
}

function PaymentModal({ open, onClose, onPosted }: { open: boolean; onClose: () => void; onPosted: (number: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<PaymentValues>();
  const supplierId = Form.useWatch('supplierId', form);
  const allocations = Form.useWatch('allocations', form) ?? [];
  const [{ data }] = useQuery({ query: SupplierInvoicesQuery, variables: { first: 200, filter: { supplierId, status: ['OPEN'] }, withPayables: true }, pause: !open || !supplierId, requestPolicy: 'network-only' });
  const invoices = data?.supplierInvoices.nodes ?? [];
  const [{ fetching }, post] = useMutation(PostSupplierPaymentMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const total = sumDecimals(allocations.map((a) => a?.amount));

  useEffect(() => {
    form.setFieldValue('allocations', invoices.map((i) => ({ invoiceId: i.id, amount: '' })));
    // Only when another supplier's invoices arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  async function submit() {
    setGeneral([]);
    await form.validateFields();
    const v = form.getFieldsValue(true) as PaymentValues;
    // Only allocated invoices are sent; remember which row each came from for field errors.
    const rows: number[] = [];
    const allocs = (v.allocations ?? []).flatMap((a, i) => (dec(a.amount).gt(0) ? (rows.push(i), [{ invoiceId: a.invoiceId, amount: (a.amount ?? '').trim() }]) : []));
    const res = await post({
      input: { supplierId: v.supplierId ?? '', paymentDate: isoDate(v.paymentDate), reference: v.reference?.trim() || undefined, amount: sumDecimals(allocs.map((a) => a.amount)).toString(), allocations: allocs, idempotencyKey: crypto.randomUUID() },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postSupplierPayment;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors.map((e) => ({ ...e, field: e.field?.replace(/^input\.allocations\.(\d+)/, (_m, n: string) => `input.allocations.${rows[Number(n)] ?? n}`) }))));
    if (p?.supplierPayment) {
      form.resetFields();
      onPosted(p.supplierPayment.number);
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('payment.new')} width={820} onOk={submit} confirmLoading={fetching} okText={t('payment.post')} okButtonProps={{ 'data-testid': 'payment-form-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ allocations: [] }}>
        <Space wrap align="start">
          <Form.Item name="supplierId" label={t('po.supplier')} rules={[{ required: true, message: t('common.required') }]}>
            <SupplierSelect style={{ width: 260 }} includeInactive data-testid="payment-form-supplier" />
          </Form.Item>
          <Form.Item name="paymentDate" label={t('payment.date')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reference" label={t('payment.reference')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        {supplierId && invoices.length === 0 && <Typography.Paragraph type="secondary">{t('payment.noOpenInvoices')}</Typography.Paragraph>}
        <Form.List name="allocations">
          {(fields) =>
            fields.map((f, i) => {
              const inv = invoices[i];
              if (!inv) return null;
              return (
                <Space key={f.key} align="start" wrap data-testid={`payment-invoice-${inv.supplierInvoiceNumber}`}>
                  <Typography.Text style={{ display: 'inline-block', width: 380, paddingTop: 5 }}>
                    {inv.number} · {inv.supplierInvoiceNumber} · {t('invoice.due')} {inv.dueDate} · {t('invoice.open')} {formatMoney(inv.openAmount)}
                  </Typography.Text>
                  <Form.Item name={[f.name, 'amount']} rules={[decimalRule(t('common.decimalInvalid'), 2)]}>
                    <DecimalInput style={{ width: 160 }} placeholder="0.00" data-testid={`payment-amount-${i}`} />
                  </Form.Item>
                  <Button size="small" style={{ marginTop: 4 }} onClick={() => form.setFieldValue(['allocations', i, 'amount'], dec(inv.openAmount).toFixed(2))} data-testid={`payment-full-${i}`}>
                    {t('payment.full')}
                  </Button>
                </Space>
              );
            })
          }
        </Form.List>
        <Typography.Title level={5} data-testid="payment-total">
          {t('payment.total')}: {formatMoney(total)}
        </Typography.Title>
      </Form>
    </Modal>
  );
}
