import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Table, Typography, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { PurchaseOrderQuery as OrderResult } from '../../../gql/graphql';
import { PurchaseOrderLineByBarcodeQuery, PurchaseOrderQuery, PurchaseOrdersQuery } from '../queries';
import { PostGoodsReceiptMutation } from '../mutations';
import { PoStatusTag } from '../components/common';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors, type UserErrorLike } from '../../../graphql/userErrors';
import { dec, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';

type Line = NonNullable<OrderResult['purchaseOrder']>['lines'][number];
interface LineValues {
  acceptedQuantity?: string;
  rejectedQuantity?: string;
  rejectionReason?: string;
  batchNumber?: string;
  expiryDate?: Dayjs | null;
  productionDate?: Dayjs | null;
}
interface ReceiptValues {
  receiptDate?: Dayjs | null;
  notes?: string;
  lines: LineValues[];
}

/**
 * The warehouse receives an approved order: per line the quantity accepted
 * and rejected (with a reason). A scanner types a barcode and Enter into the
 * scan field: the order line is found on the server and accepts one more.
 */
export default function GoodsReceiptPage() {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const orderId = params.get('order');
  const [{ data: open }, refetchOpen] = useQuery({ query: PurchaseOrdersQuery, variables: { first: 200, filter: { status: ['APPROVED', 'PARTIALLY_RECEIVED'] } }, requestPolicy: 'cache-and-network' });
  const [{ data, error, fetching }, refetchOrder] = useQuery({ query: PurchaseOrderQuery, variables: { id: orderId ?? '', withTracking: true }, pause: !orderId, requestPolicy: 'network-only' });
  const [{ fetching: posting }, post] = useMutation(PostGoodsReceiptMutation);
  const [form] = Form.useForm<ReceiptValues>();
  const [general, setGeneral] = useState<string[]>([]);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string>();
  const [highlight, setHighlight] = useState<string>();
  const [posted, setPosted] = useState<string>();
  const scanRef = useRef<InputRef>(null);
  const order = data?.purchaseOrder;
  const lines = order?.lines ?? [];
  // Batch-tracked products name their batch (and expiry) on the receipt.
  const anyTracked = lines.some((l) => l.product.tracking?.batchTracked);

  useEffect(() => {
    form.setFieldsValue({ lines: lines.map(() => ({ acceptedQuantity: '', rejectedQuantity: '', rejectionReason: '', batchNumber: '', expiryDate: null, productionDate: null })) });
    setGeneral([]);
    setScanError(undefined);
    if (order) scanRef.current?.focus();
    // Reset only when another order is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [order?.id, form]);

  async function onScan() {
    const code = scan.trim();
    setScan('');
    if (!code || !order) return;
    setScanError(undefined);
    const res = await client.query(PurchaseOrderLineByBarcodeQuery, { purchaseOrderId: order.id, barcode: code }, { requestPolicy: 'network-only' }).toPromise();
    if (res.error) return setScanError(res.error.message);
    const line = res.data?.purchaseOrderLineByBarcode;
    if (!line) return setScanError(t('receipt.notOnOrder', { code, number: order.number }));
    const i = lines.findIndex((l) => l.id === line.id);
    if (i < 0) return setScanError(t('receipt.notOnOrder', { code, number: order.number }));
    const current = form.getFieldValue(['lines', i, 'acceptedQuantity']) as string | undefined;
    form.setFieldValue(['lines', i, 'acceptedQuantity'], dec(current).plus(1).toString());
    setHighlight(line.id);
    message.success(t('receipt.scanned', { sku: line.product.sku }), 1);
    scanRef.current?.focus();
  }

  async function submit() {
    if (!order) return;
    setGeneral([]);
    // The form shows what is wrong on its fields.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // Only lines with something inspected are sent; remember which form row each came from.
    const rows: number[] = [];
    const input = (v.lines ?? []).flatMap((l, i) => {
      const acc = (l.acceptedQuantity ?? '').trim();
      const rej = (l.rejectedQuantity ?? '').trim();
      if (!dec(acc).gt(0) && !dec(rej).gt(0)) return [];
      rows.push(i);
      return [
        {
          purchaseOrderLineId: lines[i].id,
          acceptedQuantity: acc || '0',
          rejectedQuantity: rej || undefined,
          rejectionReason: l.rejectionReason?.trim() || undefined,
          batchNumber: l.batchNumber?.trim() || undefined,
          expiryDate: isoDate(l.expiryDate),
          productionDate: isoDate(l.productionDate),
        },
      ];
    });
    if (input.length === 0) return setGeneral([t('receipt.nothing')]);
    const res = await post({
      input: { purchaseOrderId: order.id, receiptDate: isoDate(v.receiptDate), notes: v.notes?.trim() || undefined, lines: input, idempotencyKey: crypto.randomUUID() },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postGoodsReceipt;
    if (p?.userErrors.length) {
      // input.lines.N.* names the N-th line sent: map it back to its form row.
      const mapped: UserErrorLike[] = p.userErrors.map((e) => ({ ...e, field: e.field?.replace(/^input\.lines\.(\d+)/, (_m, n: string) => `input.lines.${rows[Number(n)] ?? n}`) }));
      return setGeneral(applyUserErrors(form, mapped));
    }
    if (p?.goodsReceipt) {
      setPosted(p.goodsReceipt.number);
      form.resetFields();
      message.success(t('receipt.posted', { number: p.goodsReceipt.number }));
      refetchOpen({ requestPolicy: 'network-only' });
      refetchOrder({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Card>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col flex="360px">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: '100%' }}
            placeholder={t('receipt.chooseOrder')}
            value={orderId ?? undefined}
            onChange={(v) => {
              setPosted(undefined);
              setParams(v ? { order: v } : {});
            }}
            options={(open?.purchaseOrders.nodes ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${o.supplier.name} · ${o.warehouse.code}` }))}
            data-testid="receipt-order"
          />
        </Col>
        <Col flex="auto">
          <Input
            ref={scanRef}
            prefix={<ScanOutlined />}
            placeholder={t('receipt.scanHint')}
            value={scan}
            disabled={!order}
            onChange={(e) => setScan(e.target.value)}
            onPressEnter={onScan}
            autoComplete="off"
            data-testid="receipt-scan"
          />
          {scanError && <Typography.Text type="danger" data-testid="receipt-scan-error">{scanError}</Typography.Text>}
        </Col>
      </Row>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {posted && <Alert type="success" showIcon title={t('receipt.posted', { number: posted })} style={{ marginBottom: 16 }} data-testid="receipt-posted" />}
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="receipt-errors" />}
      {order && (
        <Form form={form} layout="vertical" data-testid="receipt-form" onValuesChange={() => general.length && setGeneral([])}>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('po.number')}>{order.number}</Descriptions.Item>
            <Descriptions.Item label={t('po.supplier')}>{order.supplier.name}</Descriptions.Item>
            <Descriptions.Item label={t('stock.warehouse')}>{`${order.warehouse.code} ${order.warehouse.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <PoStatusTag status={order.status} />
            </Descriptions.Item>
          </Descriptions>
          <Table<Line>
            size="small"
            rowKey="id"
            pagination={false}
            loading={fetching}
            dataSource={lines}
            data-testid="receipt-lines"
            rowClassName={(l) => (l.id === highlight ? 'row-live-updated' : '')}
            onRow={(l) => ({ 'data-testid': `receipt-line-${l.product.sku}` }) as object}
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 40 },
              { title: t('products.sku'), render: (_, l) => l.product.sku },
              { title: t('products.name'), render: (_, l) => localName(l.product) },
              { title: t('po.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
              { title: t('po.open'), align: 'right', render: (_, l) => formatQty(l.openQuantity) },
              {
                title: t('receipt.accepted'),
                width: 120,
                render: (_, l, i) => (
                  <Form.Item name={['lines', i, 'acceptedQuantity']} rules={[decimalRule(t('common.decimalInvalid'), 4)]} style={{ margin: 0 }}>
                    <DecimalInput size="small" disabled={!dec(l.openQuantity).gt(0)} data-testid={`receipt-accepted-${i}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('receipt.rejected'),
                width: 120,
                render: (_, l, i) => (
                  <Form.Item name={['lines', i, 'rejectedQuantity']} rules={[decimalRule(t('common.decimalInvalid'), 4)]} style={{ margin: 0 }}>
                    <DecimalInput size="small" disabled={!dec(l.openQuantity).gt(0)} data-testid={`receipt-rejected-${i}`} />
                  </Form.Item>
                ),
              },
              {
                title: t('receipt.reason'),
                render: (_, _l, i) => (
                  <Form.Item
                    name={['lines', i, 'rejectionReason']}
                    style={{ margin: 0 }}
                    dependencies={[['lines', i, 'rejectedQuantity']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_r, v: string | undefined) =>
                          dec(getFieldValue(['lines', i, 'rejectedQuantity']) as string).gt(0) && !v?.trim() ? Promise.reject(new Error(t('receipt.reasonRequired'))) : Promise.resolve(),
                      }),
                    ]}
                  >
                    <Input size="small" placeholder={t('receipt.reasonHint')} data-testid={`receipt-reason-${i}`} />
                  </Form.Item>
                ),
              },
              ...(anyTracked
                ? [
                    {
                      title: t('batch.receiptBatch'),
                      width: 130,
                      render: (_: unknown, l: Line, i: number) =>
                        l.product.tracking?.batchTracked ? (
                          <Form.Item
                            name={['lines', i, 'batchNumber']}
                            style={{ margin: 0 }}
                            dependencies={[['lines', i, 'acceptedQuantity']]}
                            rules={[
                              ({ getFieldValue }) => ({
                                validator: (_r, v: string | undefined) =>
                                  dec(getFieldValue(['lines', i, 'acceptedQuantity']) as string).gt(0) && !v?.trim() ? Promise.reject(new Error(t('batch.required'))) : Promise.resolve(),
                              }),
                            ]}
                          >
                            <Input size="small" data-testid={`receipt-batch-${i}`} />
                          </Form.Item>
                        ) : null,
                    },
                    {
                      title: t('batch.receiptExpiry'),
                      width: 150,
                      render: (_: unknown, l: Line, i: number) =>
                        l.product.tracking?.batchTracked ? (
                          <Form.Item
                            name={['lines', i, 'expiryDate']}
                            style={{ margin: 0 }}
                            dependencies={[['lines', i, 'acceptedQuantity'], ['lines', i, 'productionDate']]}
                            rules={[
                              ({ getFieldValue }) => ({
                                validator: (_r, v: Dayjs | null | undefined) =>
                                  l.product.tracking?.expiryTracked && dec(getFieldValue(['lines', i, 'acceptedQuantity']) as string).gt(0) && !v && !(l.product.tracking.shelfLifeDays && getFieldValue(['lines', i, 'productionDate']))
                                    ? Promise.reject(new Error(t('batch.expiryRequired')))
                                    : Promise.resolve(),
                              }),
                            ]}
                          >
                            <DatePicker size="small" data-testid={`receipt-expiry-${i}`} />
                          </Form.Item>
                        ) : null,
                    },
                    {
                      title: t('batch.receiptProduction'),
                      width: 150,
                      render: (_: unknown, l: Line, i: number) =>
                        l.product.tracking?.batchTracked ? (
                          <Form.Item name={['lines', i, 'productionDate']} style={{ margin: 0 }}>
                            <DatePicker size="small" data-testid={`receipt-production-${i}`} />
                          </Form.Item>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
          <Space style={{ marginTop: 16 }} align="start" wrap>
            <Form.Item name="receiptDate" label={t('receipt.date')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="notes" label={t('po.notes')}>
              <Input style={{ width: 320 }} />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" onClick={submit} loading={posting} data-testid="receipt-submit">
              {t('receipt.post')}
            </Button>
          </div>
        </Form>
      )}
      {!orderId && !posted && <Typography.Paragraph type="secondary">{t('receipt.intro')}</Typography.Paragraph>}
    </Card>
  );
}
