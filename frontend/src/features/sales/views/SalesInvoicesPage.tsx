import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Modal, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SalesInvoiceFieldsFragment, SalesInvoiceStatus } from '../../../gql/graphql';
import { SalesInvoicesQuery, ShipmentsQuery } from '../queries';
import { CreateSalesInvoiceMutation } from '../mutations';
import { CustomerSelect, SINV_STATUSES, SalesInvoiceStatusTag } from '../components/common';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { DocumentLink } from '../../../components/DocumentLink';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useT } from '../../../i18n';
import { isoDate, todayISO } from '../../../lib/date';
import { auditColumn } from '../../audit/components/AuditButton';
import { VatInvoiceCell, VatInvoiceEditButton } from '../../ledger/components/VatInvoiceInfo';

type Invoice = SalesInvoiceFieldsFragment;

/** Sales invoices with what is still open; finance bills shipped shipments from here. */
export default function SalesInvoicesPage() {
  const t = useT();
  const canBill = useCan(['FINANCE']);
  const [status, setStatus] = useState<SalesInvoiceStatus>();
  const [customerId, setCustomerId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => ({ status: status ? [status] : undefined, customerId }), [status, customerId]);
  const list = usePagedQuery({ query: SalesInvoicesQuery, variables: { filter }, connection: (d) => d.salesInvoices });

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select<SalesInvoiceStatus> allowClear placeholder={t('common.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={SINV_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'sinvStatus', s) }))} />
          <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 240 }} value={customerId} onChange={setCustomerId} />
        </Space>
        <Space>
          <ExportButton<Invoice>
            fileName={t('menu.salesInvoices')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('sinv.number'), value: (i) => i.number },
              { header: t('so.customer'), value: (i) => `${i.customer.code} ${i.customer.name}`, width: 28 },
              { header: t('sinv.date'), value: (i) => i.postingDate },
              { header: t('sinv.due'), value: (i) => i.dueDate },
              { header: t('so.net'), value: (i) => ({ decimal: i.netAmount }) },
              { header: t('so.vat'), value: (i) => ({ decimal: i.vatAmount }) },
              { header: t('sinv.total'), value: (i) => ({ decimal: i.totalAmount }) },
              { header: t('sinv.paid'), value: (i) => ({ decimal: i.paidAmount }) },
              { header: t('sinv.credited'), value: (i) => ({ decimal: i.creditedAmount }) },
              { header: t('sinv.open'), value: (i) => ({ decimal: i.openAmount }) },
              { header: t('common.status'), value: (i) => enumLabel(t, 'sinvStatus', i.status) },
              { header: t('vat.invoiceCode'), value: (i) => i.vatInvoice.invoiceCode ?? '' },
              { header: t('vat.invoiceNumber'), value: (i) => i.vatInvoice.invoiceNumber ?? '' },
              { header: t('vat.kind'), value: (i) => (i.vatInvoice.kind ? enumLabel(t, 'VatInvoiceKind', i.vatInvoice.kind) : '') },
              { header: t('vat.buyerTaxId'), value: (i) => i.vatInvoice.buyerTaxId ?? '' },
            ]}
          />
          {canBill && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sinv-new">
              {t('sinv.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Invoice>
        list={list}
        data-testid="sinv-table"
        onRow={(i) => ({ 'data-testid': `sinv-row-${i.number}` }) as object}
        showSizeChanger
        columns={[
          { title: t('sinv.number'), render: (_, i) => <DocumentLink kind="SALES_INVOICE" number={i.number} testId={`sinv-link-${i.number}`} /> },
          { title: t('so.customer'), render: (_, i) => `${i.customer.code} ${i.customer.name}` },
          { title: t('sinv.date'), dataIndex: 'postingDate' },
          { title: t('sinv.due'), render: (_, i) => (i.status !== 'PAID' && i.dueDate < todayISO() ? <Typography.Text type="danger">{i.dueDate}</Typography.Text> : i.dueDate) },
          { title: t('sinv.total'), align: 'right', render: (_, i) => <Amount value={i.totalAmount} /> },
          { title: t('sinv.open'), align: 'right', render: (_, i) => <Amount value={i.openAmount} strong={dec(i.openAmount).gt(0)} /> },
          { title: t('common.status'), render: (_, i) => <SalesInvoiceStatusTag status={i.status} /> },
          {
            title: t('vat.invoiceInfo'),
            render: (_, i) => (
              <Space size={4} wrap>
                <VatInvoiceCell info={i.vatInvoice} />
                <VatInvoiceEditButton target={{ kind: 'sales', id: i.id, number: i.number, vatInvoice: i.vatInvoice }} onSaved={list.refresh} />
              </Space>
            ),
          },
          auditColumn<Invoice>(t, 'salesInvoice'),
        ]}
      />
      <CreateInvoiceModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.refresh();
        }}
      />
    </Card>
  );
}

/** Bills shipped, not yet invoiced shipments of one customer. */
function CreateInvoiceModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [customerId, setCustomerId] = useState<string>();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [{ data, fetching: loading }] = useQuery({ query: ShipmentsQuery, variables: { first: 200, filter: { customerId } }, pause: !open || !customerId, requestPolicy: 'network-only' });
  const [{ fetching }, create] = useMutation(CreateSalesInvoiceMutation);
  const billable = (data?.shipments.nodes ?? []).filter((s) => (s.status === 'SHIPPED' || s.status === 'DELIVERED') && !s.invoiceId);

  useEffect(() => {
    if (open) {
      setCustomerId(undefined);
      setSelected([]);
      setErrors([]);
      setDate(null);
      setKey(crypto.randomUUID());
    }
  }, [open]);
  useEffect(() => setSelected([]), [customerId]);

  async function submit() {
    setErrors([]);
    if (selected.length === 0) return setErrors([t('sinv.chooseShipments')]);
    const res = await create({ input: { shipmentIds: selected, postingDate: isoDate(date), idempotencyKey: key } });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.createSalesInvoice;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    if (p?.invoice) {
      message.success(t('sinv.created', { number: p.invoice.number, total: formatMoney(p.invoice.totalAmount) }));
      onCreated();
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('sinv.new')} width={860} onOk={submit} okText={t('sinv.create')} confirmLoading={fetching} okButtonProps={{ 'data-testid': 'sinv-form-submit' }} destroyOnHidden>
      <Form layout="vertical">
        <Space wrap align="start">
          <Form.Item label={t('so.customer')} required>
            <CustomerSelect style={{ width: 300 }} value={customerId} onChange={setCustomerId} data-testid="sinv-form-customer" />
          </Form.Item>
          <Form.Item label={t('sinv.date')}>
            <DatePicker value={date} onChange={setDate} />
          </Form.Item>
        </Space>
      </Form>
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="sinv-form-errors" />}
      {customerId && (
        <Table
          size="small"
          rowKey="id"
          loading={loading}
          pagination={false}
          dataSource={billable}
          locale={{ emptyText: t('sinv.nothingToBill') }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          onRow={(s) => ({ 'data-testid': `sinv-shipment-${s.order.number}` }) as object}
          columns={[
            { title: t('ship.number'), dataIndex: 'number' },
            { title: t('so.number'), render: (_, s) => s.order.number },
            { title: t('ship.date'), render: (_, s) => s.postingDate },
            { title: t('ship.lines'), render: (_, s) => s.lines.map((l) => `${l.product.sku} × ${formatQty(l.quantity)}`).join(', ') },
          ]}
        />
      )}
    </Modal>
  );
}
