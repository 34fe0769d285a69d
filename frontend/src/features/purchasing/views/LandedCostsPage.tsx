import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AllocationBasis, LandedCostKind, PayFrom, PostLandedCostMutation as PostResult } from '../../../gql/graphql';
import { PurchaseOrderQuery, PurchaseOrdersQuery } from '../queries';
import { PostLandedCostMutation } from '../mutations';
import { SupplierSelect } from '../components/common';
import { Amount } from '../../../components/Amount';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors } from '../../../graphql/userErrors';
import { formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';

type Landed = NonNullable<PostResult['postLandedCost']['landedCost']>;
const KINDS: LandedCostKind[] = ['FREIGHT', 'DUTY', 'INSURANCE', 'OTHER'];

interface Values {
  kind: LandedCostKind;
  basis: AllocationBasis;
  postingDate?: Dayjs | null;
  amount?: string;
  description?: string;
  payFrom: PayFrom;
  supplierId?: string;
  supplierInvoiceNumber?: string;
  receiptIds: string[];
}

interface ReceiptOption {
  id: string;
  label: string;
}

/**
 * Freight, duty or insurance spread over receipts: pick the orders, tick
 * their receipts, post; the shares per receipt line come back, split into
 * the part still on hand (raises the moving average) and the part sold (COGS).
 */
export default function LandedCostsPage() {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const payFrom = Form.useWatch('payFrom', form);
  const [orderIds, setOrderIds] = useState<string[]>([]);
  const [receipts, setReceipts] = useState<ReceiptOption[]>([]);
  const [{ data: orders }] = useQuery({ query: PurchaseOrdersQuery, variables: { first: 200, filter: { status: ['PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED'] } } });
  const [{ fetching }, post] = useMutation(PostLandedCostMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [posted, setPosted] = useState<Landed>();

  useEffect(() => {
    let live = true;
    Promise.all(orderIds.map((id) => client.query(PurchaseOrderQuery, { id }).toPromise())).then((res) => {
      if (!live) return;
      setReceipts(
        res.flatMap((r) => {
          const o = r.data?.purchaseOrder;
          return o ? o.receipts.map((rc) => ({ id: rc.id, label: `${o.number} · ${rc.number} · ${rc.receiptDate} · ${rc.lines.map((l) => `${l.product.sku} ×${formatQty(l.acceptedQuantity)}`).join(', ')}` })) : [];
        }),
      );
    });
    return () => {
      live = false;
    };
  }, [orderIds, client]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await post({
      input: {
        kind: v.kind,
        basis: v.basis,
        postingDate: isoDate(v.postingDate),
        amount: (v.amount ?? '').trim(),
        description: v.description?.trim() || undefined,
        payFrom: v.payFrom,
        supplierId: v.payFrom === 'PAYABLE' ? v.supplierId : undefined,
        supplierInvoiceNumber: v.payFrom === 'PAYABLE' ? v.supplierInvoiceNumber?.trim() : undefined,
        receiptIds: v.receiptIds ?? [],
        idempotencyKey: crypto.randomUUID(),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postLandedCost;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.landedCost) {
      setPosted(p.landedCost);
      message.success(t('landed.posted', { number: p.landedCost.number }));
      form.resetFields();
      setOrderIds([]);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('landed.new')}>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" initialValues={{ kind: 'FREIGHT', basis: 'VALUE', payFrom: 'BANK', receiptIds: [] }}>
          <Space wrap align="start">
            <Form.Item name="kind" label={t('landed.kind')}>
              <Select style={{ width: 140 }} options={KINDS.map((k) => ({ value: k, label: enumLabel(t, 'landedKind', k) }))} />
            </Form.Item>
            <Form.Item name="basis" label={t('landed.basis')}>
              <Radio.Group options={(['VALUE', 'QUANTITY'] as const).map((b) => ({ value: b, label: enumLabel(t, 'basis', b) }))} />
            </Form.Item>
            <Form.Item name="amount" label={t('ledger.amount')} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 2)]}>
              <DecimalInput style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="postingDate" label={t('common.postingDate')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="payFrom" label={t('landed.payFrom')}>
              <Radio.Group options={(['BANK', 'PAYABLE'] as const).map((b) => ({ value: b, label: enumLabel(t, 'payFrom', b) }))} />
            </Form.Item>
            {payFrom === 'PAYABLE' && (
              <>
                <Form.Item name="supplierId" label={t('po.supplier')} rules={[{ required: true, message: t('common.required') }]}>
                  <SupplierSelect style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name="supplierInvoiceNumber" label={t('invoice.supplierNumber')} rules={[{ required: true, message: t('common.required') }]}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
              </>
            )}
          </Space>
          <Form.Item name="description" label={t('common.description')}>
            <Input />
          </Form.Item>
          <Form.Item label={t('landed.orders')}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              value={orderIds}
              onChange={setOrderIds}
              options={(orders?.purchaseOrders.nodes ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${o.supplier.name}` }))}
            />
          </Form.Item>
          <Form.Item name="receiptIds" label={t('landed.receipts')} rules={[{ required: true, message: t('common.required') }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} options={receipts.map((r) => ({ value: r.id, label: r.label }))} />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={fetching}>
            {t('landed.post')}
          </Button>
        </Form>
      </Card>
      {posted && (
        <Card title={`${posted.number} · ${enumLabel(t, 'landedKind', posted.kind)}`} data-testid="landed-result">
          <Descriptions size="small" column={4}>
            <Descriptions.Item label={t('ledger.amount')}>
              <Amount value={posted.amount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('landed.basis')}>{enumLabel(t, 'basis', posted.basis)}</Descriptions.Item>
            <Descriptions.Item label={t('common.postingDate')}>{posted.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('journal.entry')}>{posted.voucherNo ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(a) => `${a.receiptId}:${a.lineNo}`}
            pagination={false}
            dataSource={posted.allocations}
            columns={[
              { title: t('receipt.number'), render: (_, a) => `${a.receiptNumber} / ${a.lineNo}` },
              { title: t('products.sku'), render: (_, a) => a.product.sku },
              { title: t('products.name'), render: (_, a) => localName(a.product) },
              { title: t('landed.share'), align: 'right', render: (_, a) => <Amount value={a.amount} /> },
              { title: t('landed.onHand'), align: 'right', render: (_, a) => <Amount value={a.onHandAmount} /> },
              { title: t('landed.sold'), align: 'right', render: (_, a) => <Amount value={a.soldAmount} /> },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('landed.note')}
          </Typography.Paragraph>
        </Card>
      )}
    </Space>
  );
}
