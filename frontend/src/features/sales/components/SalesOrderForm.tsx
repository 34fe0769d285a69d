import { ProductSearchQuery } from '../../catalog/queries';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Alert, App, Button, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { DeleteOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { SalesChannel, ValidateSalesOrderQuery } from '../../../gql/graphql';
import { SalesProductByBarcodeQuery, SalesProductQuery, ValidateSalesOrderQuery as ValidateQuery } from '../queries';
import { ConfirmSalesOrderMutation, CreateSalesOrderMutation } from '../mutations';
import { CHANNELS, CustomerSelect } from './common';
import { discountInRange, fractionToPercent, lineNet, mapOrderIssues, toOrderInput, type FieldIssue, type OrderLineValues } from '../orderInput';
import { ProductPicker, type PickedProduct } from '../../../components/ProductPicker';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { dec, formatMoney, formatQty, sumDecimals } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { LineUnit } from '../../catalog/components/LineUnit';

type Validation = ValidateSalesOrderQuery['validateSalesOrder'];

interface FormValues {
  customerId?: string;
  channel?: SalesChannel;
  region?: string;
  warehouseId?: string;
  postingDate?: Dayjs | null;
  notes?: string;
  lines: OrderLineValues[];
}

/** How long the form waits after the last edit before the dry run. */
const VALIDATE_DEBOUNCE_MS = 400;

/**
 * A new sales order. As the user edits, validateSalesOrder (the server's dry
 * run) runs debounced and every violation shows on its field or line: errors
 * in red, conflicts (credit hold, shortage) as warnings. A barcode scanner
 * types into the scan field: Enter adds the product's line or adds one to it.
 * Save keeps a draft; Save and confirm also confirms it.
 */
export function SalesOrderForm({
  open,
  onClose,
  onCreated,
  prefill,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  /** Opens with one line of this product (by SKU) at this discount (a fraction such as 0.2): the slow movers' discount action. */
  prefill?: { sku: string; discountRate?: string };
}) {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<FormValues>();
  const [{ fetching: creating }, create] = useMutation(CreateSalesOrderMutation);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmSalesOrderMutation);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [known, setKnown] = useState<PickedProduct[]>([]);
  const [issues, setIssues] = useState<Map<string, FieldIssue>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const [validation, setValidation] = useState<{ v: Validation; rows: number[] } | null>(null);
  const [validating, setValidating] = useState(false);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string>();
  const [highlight, setHighlight] = useState<number | null>(null);
  const scanRef = useRef<InputRef>(null);
  const run = useRef(0);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const lines = values?.lines ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setKey(crypto.randomUUID());
    setIssues(new Map());
    setGeneral([]);
    setValidation(null);
    setScanError(undefined);
    setHighlight(null);
  }, [open, form]);

  useEffect(() => {
    if (!open || !prefill?.sku) return;
    let live = true;
    void (async () => {
      const found = await client.query(ProductSearchQuery, { search: prefill.sku }).toPromise();
      const hit = found.data?.products.nodes.find((x) => x.sku === prefill.sku);
      if (!hit || !live) return;
      const res = await client.query(SalesProductQuery, { id: hit.id }).toPromise();
      const p = res.data?.product;
      if (!p || !live) return;
      setKnown((k) => (k.some((x) => x.id === p.id) ? k : [...k, p]));
      const line: OrderLineValues = { productId: p.id, quantity: '1', unitPrice: p.sellPrice, vatPercent: fractionToPercent(p.vatRate) };
      if (prefill.discountRate) line.discountPercent = fractionToPercent(prefill.discountRate);
      form.setFieldValue('lines', [line]);
    })();
    return () => {
      live = false;
    };
  }, [open, prefill?.sku, prefill?.discountRate, client, form]);

  const formValues = (): FormValues => form.getFieldsValue(true) as FormValues;
  const plain = (v: FormValues) => ({ ...v, postingDate: isoDate(v.postingDate) });

  // The dry run, debounced; an answer to an older edit is dropped.
  const watchKey = JSON.stringify(values ? plain(values) : null);
  useEffect(() => {
    if (!open || !values?.customerId || !(values.lines ?? []).some((l) => l?.productId)) {
      run.current++;
      setValidating(false);
      setValidation(null);
      setIssues(new Map());
      setGeneral([]);
      return;
    }
    const id = ++run.current;
    // What is shown is stale from this edit on, until the dry run answers.
    setValidating(true);
    const h = setTimeout(async () => {
      const { input, rows } = toOrderInput(plain(formValues()));
      const res = await client.query(ValidateQuery, { input }, { requestPolicy: 'network-only' }).toPromise();
      if (id !== run.current) return;
      setValidating(false);
      if (res.error) return setGeneral([res.error.message]);
      const v = res.data?.validateSalesOrder;
      if (!v) return;
      const mapped = mapOrderIssues(v.violations, rows, formValues().lines?.length ?? 0);
      setIssues(mapped.fields);
      setGeneral(mapped.general);
      setValidation({ v, rows });
    }, VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(h);
    // watchKey stands for the values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [watchKey, open, client]);

  /** Props showing a server issue on a Form.Item. */
  const issue = (...path: (string | number)[]) => {
    const i = issues.get(path.join('.'));
    return i ? { validateStatus: (i.warning ? 'warning' : 'error') as 'warning' | 'error', help: <span data-testid={`so-issue-${path.join('-')}`}>{i.messages.join('; ')}</span> } : {};
  };

  async function applyProductDefaults(index: number, productId: string | undefined) {
    if (!productId) return;
    const res = await client.query(SalesProductQuery, { id: productId }).toPromise();
    const p = res.data?.product;
    if (!p) return;
    form.setFieldValue(['lines', index, 'unitPrice'], p.sellPrice);
    form.setFieldValue(['lines', index, 'vatPercent'], fractionToPercent(p.vatRate));
  }

  async function onScan() {
    const code = scan.trim();
    setScan('');
    if (!code) return;
    setScanError(undefined);
    const res = await client.query(SalesProductByBarcodeQuery, { barcode: code }, { requestPolicy: 'network-only' }).toPromise();
    if (res.error) return setScanError(res.error.message);
    const p = res.data?.productByBarcode;
    if (!p) return setScanError(t('so.barcodeUnknown', { code }));
    if (!p.active) return setScanError(t('so.productInactive', { sku: p.sku }));
    setKnown((k) => (k.some((x) => x.id === p.id) ? k : [...k, p]));
    const current: OrderLineValues[] = form.getFieldValue('lines') ?? [];
    const i = current.findIndex((l) => l?.productId === p.id);
    if (i >= 0) {
      form.setFieldValue(['lines', i, 'quantity'], dec(current[i].quantity).plus(1).toString());
      setHighlight(i);
    } else {
      // Fill the first empty line, else add one.
      const empty = current.findIndex((l) => !l?.productId);
      const line: OrderLineValues = { productId: p.id, quantity: '1', unitPrice: p.sellPrice, vatPercent: fractionToPercent(p.vatRate) };
      if (empty >= 0) {
        form.setFieldValue(['lines', empty], line);
        setHighlight(empty);
      } else {
        form.setFieldValue('lines', [...current, line]);
        setHighlight(current.length);
      }
    }
    message.success(t('so.scanned', { sku: p.sku, name: localName(p) }), 1);
    scanRef.current?.focus();
  }

  async function save(andConfirm: boolean) {
    await form.validateFields();
    const v = plain(formValues());
    const { input, rows } = toOrderInput(v, key);
    if (input.lines.length === 0) return setGeneral([t('so.noLines')]);
    const res = await create({ input });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.createSalesOrder;
    if (p?.userErrors.length) {
      const mapped = mapOrderIssues(p.userErrors, rows, v.lines?.length ?? 0);
      setIssues(mapped.fields);
      return setGeneral(mapped.general);
    }
    const order = p?.order;
    if (!order) return;
    if (!andConfirm) {
      message.success(t('so.created', { number: order.number }));
      return onCreated(order.id);
    }
    const c = await confirm({ id: order.id });
    const cp = c.data?.confirmSalesOrder;
    if (c.error || cp?.userErrors.length) message.error(t('so.confirmFailed', { number: order.number, error: c.error?.message ?? cp?.userErrors.map((e) => e.message).join('; ') ?? '' }));
    else if (cp?.order?.status === 'ON_HOLD') message.warning(t('so.putOnHold', { number: order.number, reason: cp.order.holdReason ?? '' }));
    else message.success(t('so.confirmed', { number: order.number }));
    onCreated(order.id);
  }

  const v = validation?.v;
  const warehouseName = useMemo(() => {
    const w = refs.warehouses.find((x) => x.id === v?.warehouseId);
    return w ? `${w.code} ${w.name}` : '';
  }, [refs.warehouses, v?.warehouseId]);
  const clientNet = sumDecimals(lines.map((l) => (l?.productId ? lineNet(l).toString() : '0')));

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('so.new')}
      width={1180}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => save(false)} loading={creating && !confirming} data-testid="so-save-draft">
            {t('so.saveDraft')}
          </Button>
          <Button type="primary" onClick={() => save(true)} loading={creating || confirming} data-testid="so-save-confirm">
            {t('so.saveConfirm')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ lines: [{}] }} data-testid="so-form">
        <Row gutter={12}>
          <Col span={7}>
            <Form.Item name="customerId" label={t('so.customer')} rules={[{ required: true, message: t('common.required') }]} {...issue('customerId')}>
              <CustomerSelect data-testid="so-form-customer" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="channel" label={t('cust.channel')} {...issue('channel')}>
              <Select allowClear placeholder={t('so.customerDefault')} options={CHANNELS.map((c) => ({ value: c, label: enumLabel(t, 'salesChannel', c) }))} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item name="region" label={t('cust.region')} {...issue('region')}>
              <Input placeholder={t('so.customerDefault')} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="warehouseId" label={t('stock.warehouse')} extra={!values?.warehouseId && warehouseName ? t('so.wouldShipFrom', { warehouse: warehouseName }) : undefined} {...issue('warehouseId')}>
              <Select allowClear placeholder={t('so.warehouseAuto')} options={refs.warehouseOptions} data-testid="so-form-warehouse" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="postingDate" label={t('so.date')} {...issue('postingDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('so.notes')} {...issue('notes')}>
          <Input />
        </Form.Item>
        <Input
          ref={scanRef}
          prefix={<ScanOutlined />}
          placeholder={t('so.scanHint')}
          value={scan}
          onChange={(e) => setScan(e.target.value)}
          onPressEnter={onScan}
          autoComplete="off"
          style={{ marginBottom: 4 }}
          data-testid="so-scan"
        />
        {scanError && <Typography.Text type="danger" data-testid="so-scan-error">{scanError}</Typography.Text>}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 12 }} data-testid="so-lines">
              <Row gutter={8} style={{ fontWeight: 500, marginBottom: 4 }}>
                <Col span={6}>{t('so.product')}</Col>
                <Col span={3}>{t('so.quantity')}</Col>
                <Col span={3}>{t('units.code')}</Col>
                <Col span={3}>{t('so.unitPrice')}</Col>
                <Col span={2}>{t('so.discountPct')}</Col>
                <Col span={2}>{t('so.vatPct')}</Col>
                <Col span={3} style={{ textAlign: 'right' }}>{t('so.net')}</Col>
              </Row>
              {fields.map((f, i) => {
                const l = lines[i];
                return (
                  <div key={f.key} className={highlight === i ? 'row-live-updated' : undefined} data-testid={`so-line-${i}`}>
                    <Row gutter={8} align="top">
                      <Col span={6}>
                        <Form.Item name={[f.name, 'productId']} rules={[{ required: true, message: t('common.required') }]} {...issue('lines', i, 'productId')}>
                          <ProductPicker known={known} placeholder={t('products.searchPlaceholder')} onPicked={(p) => void applyProductDefaults(i, p?.id)} data-testid={`so-line-product-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 4)]} {...issue('lines', i, 'quantity')}>
                          <DecimalInput data-testid={`so-line-quantity-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <LineUnit
                          form={form}
                          line={f.name}
                          kind="sales"
                          testPrefix="so-line"
                          width={120}
                          onUnit={(factor, sellPrice) => {
                            if (sellPrice) form.setFieldValue(['lines', f.name, 'unitPrice'], dec(sellPrice).times(dec(factor)).toString());
                          }}
                        />
                      </Col>
                      <Col span={3}>
                        <Form.Item name={[f.name, 'unitPrice']} rules={[decimalRule(t('common.decimalInvalid'), 6)]} {...issue('lines', i, 'unitPrice')}>
                          <DecimalInput placeholder={t('so.sellPriceDefault')} data-testid={`so-line-price-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={2}>
                        <Form.Item name={[f.name, 'discountPercent']} rules={[decimalRule(t('common.decimalInvalid'), 2), { validator: (_r, v: string | undefined) => (discountInRange(v) ? Promise.resolve() : Promise.reject(new Error(t('so.discountRange')))) }]} {...issue('lines', i, 'discountPercent')}>
                          <DecimalInput placeholder="0" suffix="%" data-testid={`so-line-discount-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={2}>
                        <Form.Item name={[f.name, 'vatPercent']} rules={[decimalRule(t('common.decimalInvalid'), 2)]} {...issue('lines', i, 'vatPercent')}>
                          <DecimalInput suffix="%" data-testid={`so-line-vat-${i}`} />
                        </Form.Item>
                      </Col>
                      <Col span={3} style={{ textAlign: 'right', paddingTop: 5 }}>
                        {l?.productId ? formatMoney(lineNet(l)) : ''}
                      </Col>
                      <Col span={2}>
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length === 1} aria-label={t('common.delete')} />
                      </Col>
                    </Row>
                    {issues.get(`lines.${i}`) && <Alert type="error" showIcon title={issues.get(`lines.${i}`)?.messages.join('; ')} style={{ marginBottom: 8 }} />}
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="so-add-line">
                {t('so.addLine')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
      <div style={{ marginTop: 16 }} data-testid="so-validation" data-state={validating ? 'running' : v ? (v.ok ? 'ok' : 'issues') : 'idle'} data-net={v?.netAmount}>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 12 }} data-testid="so-general-errors" />}
        {v?.holdReason && <Alert type="warning" showIcon title={t('so.wouldHold', { reason: v.holdReason })} style={{ marginBottom: 12 }} data-testid="so-would-hold" />}
        {v && v.shortages.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('so.wouldShort')}
            description={
              <Table
                size="small"
                pagination={false}
                rowKey="lineNo"
                dataSource={v.shortages}
                columns={[
                  { title: '#', render: (_, s) => (validation?.rows[s.lineNo - 1] ?? s.lineNo - 1) + 1 },
                  { title: t('so.product'), render: (_, s) => known.find((p) => p.id === s.productId)?.sku ?? s.productId },
                  { title: t('so.quantity'), align: 'right', render: (_, s) => formatQty(s.requested) },
                  { title: t('stock.available'), align: 'right', render: (_, s) => formatQty(s.available) },
                  { title: t('so.missing'), align: 'right', render: (_, s) => <Tag color="orange">{formatQty(s.missing)}</Tag> },
                ]}
              />
            }
          />
        )}
        {v?.ok && <Alert type="success" showIcon title={t('so.validOk')} style={{ marginBottom: 12 }} data-testid="so-valid" />}
        <Descriptions size="small" column={4} bordered>
          <Descriptions.Item label={t('so.net')}>{formatMoney(v?.netAmount ?? clientNet)}</Descriptions.Item>
          <Descriptions.Item label={t('so.vat')}>{v ? formatMoney(v.vatAmount) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('so.total')}>
            <strong data-testid="so-form-total">{v ? formatMoney(v.totalAmount) : '—'}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={t('so.check')}>{validating ? t('so.checking') : v ? (v.ok ? t('so.checkOk') : t('so.checkIssues', { n: v.violations.length })) : '—'}</Descriptions.Item>
        </Descriptions>
      </div>
    </Modal>
  );
}
