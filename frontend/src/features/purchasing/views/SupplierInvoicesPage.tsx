import { useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SupplierInvoiceFieldsFragment, SupplierInvoiceStatus, VatInvoiceKind } from '../../../gql/graphql';
import { PurchaseOrderQuery, PurchaseOrdersQuery, SupplierInvoicesQuery } from '../queries';
import { ApproveSupplierInvoiceMismatchMutation, PostSupplierInvoiceMutation } from '../mutations';
import { InvoiceStatusTag, SupplierSelect } from '../components/common';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan, useCanRead } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { auditColumn } from '../../audit/components/AuditButton';
import { VAT_KINDS, VatInvoiceCell, VatInvoiceEditButton } from '../../ledger/components/VatInvoiceInfo';

type Invoice = SupplierInvoiceFieldsFragment;
const STATUSES: SupplierInvoiceStatus[] = ['OPEN', 'ON_HOLD', 'PAID'];

/** Supplier invoices: post with the three-way match; ON_HOLD ones show what did not match, and finance may approve the mismatch. */
export default function SupplierInvoicesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canPost = useCan(['FINANCE']);
  // Managers approve mismatches too: the finance user who posted an invoice may not approve its own (separation of duties).
  const canApprove = useCan(['FINANCE', 'MANAGER']);
  const [status, setStatus] = useState<SupplierInvoiceStatus[]>([]);
  const [supplierId, setSupplierId] = useState<string>();
  const [posting, setPosting] = useState(false);
  const filter = useMemo(() => ({ status: status.length ? status : undefined, supplierId }), [status, supplierId]);
  // Open and paid amounts are SUPPLIER_MONEY: purchasing sees the invoices without them.
  const withPayables = useCanRead('SUPPLIER_MONEY');
  const list = usePagedQuery({ query: SupplierInvoicesQuery, variables: { filter, withPayables }, connection: (d) => d.supplierInvoices });
  const [, approve] = useMutation(ApproveSupplierInvoiceMismatchMutation);
  const { refresh } = list;

  async function approveMismatch(inv: Invoice) {
    const res = await approve({ id: inv.id });
    const errs = res.error ? [res.error.message] : (res.data?.approveSupplierInvoiceMismatch.userErrors ?? []).map((e) => e.message);
    if (errs.length) return message.error(errs.join('; '));
    message.success(t('invoice.mismatchApproved', { number: inv.number }));
    refresh();
  }

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select<SupplierInvoiceStatus[]>
            mode="multiple"
            allowClear
            placeholder={t('common.status')}
            style={{ minWidth: 200 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'invoiceStatus', s) }))}
            data-testid="invoice-filter-status"
          />
          <SupplierSelect allowClear includeInactive placeholder={t('po.supplier')} style={{ width: 220 }} value={supplierId} onChange={setSupplierId} />
        </Space>
        <Space>
          <ExportButton<Invoice>
            fileName={t('menu.supplierInvoices')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('invoice.number'), value: (i) => i.number },
              { header: t('invoice.supplierNumber'), value: (i) => i.supplierInvoiceNumber },
              { header: t('po.supplier'), value: (i) => `${i.supplier.code} ${i.supplier.name}`, width: 24 },
              { header: t('invoice.kind'), value: (i) => enumLabel(t, 'invoiceKind', i.kind) },
              { header: t('invoice.date'), value: (i) => i.invoiceDate },
              { header: t('invoice.due'), value: (i) => i.dueDate },
              { header: t('po.total'), value: (i) => ({ decimal: i.totalAmount }) },
              ...(withPayables ? [{ header: t('invoice.open'), value: (i: Invoice) => ({ decimal: i.openAmount ?? '' }) }] : []),
              { header: t('common.status'), value: (i) => enumLabel(t, 'invoiceStatus', i.status) },
              { header: t('vat.invoiceCode'), value: (i) => i.vatInvoice.invoiceCode ?? '' },
              { header: t('vat.invoiceNumber'), value: (i) => i.vatInvoice.invoiceNumber ?? '' },
              { header: t('vat.kind'), value: (i) => (i.vatInvoice.kind ? enumLabel(t, 'VatInvoiceKind', i.vatInvoice.kind) : '') },
              { header: t('invoice.issues'), value: (i) => i.matchIssues.map((m) => m.message).join('; '), width: 40 },
            ]}
          />
          {canPost && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="invoice-new">
              {t('invoice.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Invoice>
        list={list}
        data-testid="invoice-table"
        onRow={(i) => ({ 'data-testid': `invoice-row-${i.supplierInvoiceNumber}` }) as object}
        expandable={{ expandedRowRender: (i) => <InvoiceDetail inv={i} />, rowExpandable: (i) => i.lines.length > 0 || i.matchIssues.length > 0 }}
        columns={[
          { title: t('invoice.number'), render: (_, i) => <DocumentLink kind="SUPPLIER_INVOICE" number={i.number} testId={`invoice-link-${i.number}`} /> },
          { title: t('invoice.supplierNumber'), dataIndex: 'supplierInvoiceNumber' },
          { title: t('po.supplier'), render: (_, i) => `${i.supplier.code} ${i.supplier.name}` },
          { title: t('invoice.kind'), render: (_, i) => enumLabel(t, 'invoiceKind', i.kind) },
          { title: t('invoice.date'), dataIndex: 'invoiceDate', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          { title: t('invoice.due'), dataIndex: 'dueDate', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
          { title: t('po.total'), align: 'right', render: (_, i) => <Amount value={i.totalAmount} /> },
          {
            title: t('vat.invoiceInfo'),
            render: (_, i) => (
              <Space size={4} wrap>
                <VatInvoiceCell info={i.vatInvoice} />
                <VatInvoiceEditButton target={{ kind: 'supplier', id: i.id, number: i.number, vatInvoice: i.vatInvoice }} onSaved={list.refresh} />
              </Space>
            ),
          },
          ...(withPayables ? [{ title: t('invoice.open'), align: 'right' as const, render: (_: unknown, i: Invoice) => <Amount value={i.openAmount} /> }] : []),
          {
            title: t('common.status'),
            render: (_, i) => (
              <Space direction="vertical" size={2}>
                <InvoiceStatusTag status={i.status} />
                {i.status === 'ON_HOLD' && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="invoice-issues">
                    {i.matchIssues.map((m) => m.message).join('; ')}
                  </Typography.Text>
                )}
                {i.mismatchApprovedAt && <Tag color="purple">{t('invoice.approvedMismatch')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, i) =>
              canApprove && i.status === 'ON_HOLD' ? (
                <Popconfirm title={t('invoice.approveConfirm')} onConfirm={() => approveMismatch(i)} okButtonProps={{ 'data-testid': 'invoice-approve-confirm' }}>
                  <Button size="small" data-testid={`invoice-approve-${i.number}`}>
                    {t('invoice.approveMismatch')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
          auditColumn<Invoice>(t, 'supplierInvoice'),
        ]}
      />
      <PostInvoiceModal
        open={posting}
        onClose={() => setPosting(false)}
        onPosted={(inv) => {
          setPosting(false);
          refresh();
          if (inv.status === 'ON_HOLD') message.warning(t('invoice.postedOnHold', { number: inv.number }));
          else message.success(t('invoice.posted', { number: inv.number }));
        }}
      />
    </Card>
  );
}

function InvoiceDetail({ inv }: { inv: Invoice }) {
  const t = useT();
  const localName = useLocalName();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {inv.matchIssues.length > 0 && (
        <Alert
          type={inv.status === 'ON_HOLD' ? 'error' : 'info'}
          showIcon
          title={t('invoice.issues')}
          description={inv.matchIssues.map((m) => (
            <div key={`${m.lineNo}-${m.kind}`}>
              #{m.lineNo} {enumLabel(t, 'matchIssue', m.kind)}: {m.message}
            </div>
          ))}
        />
      )}
      <Table
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={inv.lines}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: t('products.sku'), render: (_, l) => l.product.sku },
          { title: t('products.name'), render: (_, l) => localName(l.product) },
          { title: t('po.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
          { title: t('invoice.price'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
          { title: t('invoice.orderPrice'), align: 'right', render: (_, l) => formatMoney(l.orderPrice) },
          { title: t('po.net'), align: 'right', render: (_, l) => formatMoney(l.netAmount) },
          { title: t('po.tax'), align: 'right', render: (_, l) => formatMoney(l.taxAmount) },
          { title: t('invoice.variance'), align: 'right', render: (_, l) => <Amount value={l.priceVariance} /> },
        ]}
      />
    </Space>
  );
}

interface InvoiceValues {
  purchaseOrderId?: string;
  supplierInvoiceNumber?: string;
  invoiceDate?: Dayjs | null;
  lines: { purchaseOrderLineId: string; label: string; quantity?: string; unitPrice?: string }[];
  /** The Golden Tax fields as written on the supplier's invoice (optional; finance may enter them later). */
  vatInvoice?: { kind?: VatInvoiceKind; invoiceCode?: string; invoiceNumber?: string };
}

/** Posts a goods invoice for one order: lines start at received-not-invoiced at the order price. */
function PostInvoiceModal({ open, onClose, onPosted }: { open: boolean; onClose: () => void; onPosted: (inv: Invoice) => void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<InvoiceValues>();
  const [{ data: orders }] = useQuery({ query: PurchaseOrdersQuery, variables: { first: 200, filter: { status: ['PARTIALLY_RECEIVED', 'RECEIVED', 'APPROVED'] } }, pause: !open, requestPolicy: 'network-only' });
  const [{ fetching }, post] = useMutation(PostSupplierInvoiceMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const lines = Form.useWatch('lines', form) ?? [];

  async function pickOrder(id: string) {
    const res = await client.query(PurchaseOrderQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
    const o = res.data?.purchaseOrder;
    if (!o) return;
    form.setFieldValue(
      'lines',
      o.lines
        .map((l) => ({ l, uninvoiced: dec(l.receivedQuantity).minus(dec(l.invoicedQuantity)) }))
        .filter(({ uninvoiced }) => uninvoiced.gt(0))
        .map(({ l, uninvoiced }) => ({ purchaseOrderLineId: l.id, label: `${l.product.sku} · ${t('po.received')} ${formatQty(l.receivedQuantity)} · ${t('po.invoiced')} ${formatQty(l.invoicedQuantity)}`, quantity: uninvoiced.toString(), unitPrice: dec(l.unitPrice).toString() })),
    );
  }

  async function submit() {
    setGeneral([]);
    await form.validateFields();
    // Unregistered values (each line's order line id) are only in the full store.
    const v = form.getFieldsValue(true) as InvoiceValues;
    const res = await post({
      input: {
        purchaseOrderId: v.purchaseOrderId ?? '',
        supplierInvoiceNumber: (v.supplierInvoiceNumber ?? '').trim(),
        invoiceDate: isoDate(v.invoiceDate),
        lines: (v.lines ?? []).filter((l) => dec(l.quantity).gt(0)).map((l) => ({ purchaseOrderLineId: l.purchaseOrderLineId, quantity: (l.quantity ?? '').trim(), unitPrice: (l.unitPrice ?? '').trim() })),
        idempotencyKey: crypto.randomUUID(),
        vatInvoice:
          v.vatInvoice?.kind || v.vatInvoice?.invoiceNumber || v.vatInvoice?.invoiceCode
            ? { kind: v.vatInvoice.kind, invoiceCode: v.vatInvoice.invoiceCode?.trim() || undefined, invoiceNumber: v.vatInvoice.invoiceNumber?.trim() || undefined }
            : undefined,
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postSupplierInvoice;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.supplierInvoice) {
      form.resetFields();
      onPosted(p.supplierInvoice);
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('invoice.new')} width={820} onOk={submit} confirmLoading={fetching} okText={t('invoice.post')} okButtonProps={{ 'data-testid': 'invoice-form-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="invoice-form-errors" />}
      <Form form={form} layout="vertical" initialValues={{ lines: [] }}>
        <Space wrap align="start">
          <Form.Item name="purchaseOrderId" label={t('po.number')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 320 }}
              onChange={pickOrder}
              options={(orders?.purchaseOrders.nodes ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${o.supplier.name}` }))}
              data-testid="invoice-form-order"
            />
          </Form.Item>
          <Form.Item name="supplierInvoiceNumber" label={t('invoice.supplierNumber')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 180 }} data-testid="invoice-form-number" />
          </Form.Item>
          <Form.Item name="invoiceDate" label={t('invoice.date')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name={['vatInvoice', 'kind']} label={t('vat.kind')}>
            <Select<VatInvoiceKind> allowClear style={{ width: 220 }} options={VAT_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'VatInvoiceKind', k) }))} data-testid="invoice-form-vat-kind" />
          </Form.Item>
          <Form.Item name={['vatInvoice', 'invoiceCode']} label={t('vat.invoiceCode')}>
            <Input maxLength={12} style={{ width: 150 }} data-testid="invoice-form-vat-code" />
          </Form.Item>
          <Form.Item name={['vatInvoice', 'invoiceNumber']} label={t('vat.invoiceNumber')}>
            <Input maxLength={20} style={{ width: 220 }} data-testid="invoice-form-vat-number" />
          </Form.Item>
        </Space>
        <Form.List name="lines">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Typography.Text style={{ display: 'inline-block', width: 340, paddingTop: 5 }}>{lines[i]?.label}</Typography.Text>
                <Form.Item name={[f.name, 'quantity']} rules={[decimalRule(t('common.decimalInvalid'), 4)]}>
                  <DecimalInput addonBefore={t('po.quantity')} style={{ width: 190 }} data-testid={`invoice-form-qty-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'unitPrice']} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 6)]}>
                  <DecimalInput addonBefore={t('invoice.price')} style={{ width: 210 }} data-testid={`invoice-form-price-${i}`} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
      </Form>
    </Modal>
  );
}
