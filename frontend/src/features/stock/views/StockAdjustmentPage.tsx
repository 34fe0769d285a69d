import { useMemo, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography, type InputRef } from 'antd';
import { DeleteOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AdjustmentDirection, AdjustmentReason } from '../../../gql/graphql';
import { ProductByBarcodeQuery } from '../../catalog/queries';
import { PostStockAdjustmentMutation } from '../mutations';
import { ProductPicker, type PickedProduct } from '../../../components/ProductPicker';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { LinesTable, lineColumn } from '../../../components/lineColumn';
import { applyUserErrors } from '../../../graphql/userErrors';
import { dec } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

interface LineForm {
  productId?: string;
  warehouseId?: string;
  locationId?: string;
  direction: AdjustmentDirection;
  quantity?: string;
  unitCost?: string;
}

interface AdjustmentForm {
  postingDate?: Dayjs | null;
  reason: AdjustmentReason;
  description?: string;
  lines: LineForm[];
}

/**
 * A stock adjustment (count variance or scrap). A barcode scanner types the
 * code and Enter into the scan field: the product's line is added, or its
 * quantity goes up by one when it is already there.
 */
export default function StockAdjustmentPage() {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<AdjustmentForm>();
  const [{ fetching }, post] = useMutation(PostStockAdjustmentMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [scanWarehouse, setScanWarehouse] = useState<string>();
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string>();
  const [scanning, setScanning] = useState(false);
  const [known, setKnown] = useState<PickedProduct[]>([]);
  const [highlight, setHighlight] = useState<number | null>(null);
  const scanRef = useRef<InputRef>(null);
  const lines = Form.useWatch('lines', form) ?? [];
  const reason = Form.useWatch('reason', form) ?? 'COUNT_VARIANCE';
  const defaultWarehouse = scanWarehouse ?? refs.warehouses.find((w) => w.active)?.id;

  const locationsByWarehouse = useMemo(() => {
    const m = new Map<string, { value: string; label: string }[]>();
    for (const w of refs.warehouses) m.set(w.id, w.locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` })));
    return m;
  }, [refs.warehouses]);

  async function onScan() {
    const code = scan.trim();
    if (!code) return;
    setScanError(undefined);
    setScanning(true);
    try {
      const res = await client.query(ProductByBarcodeQuery, { barcode: code }, { requestPolicy: 'network-only' }).toPromise();
      const p = res.data?.productByBarcode;
      if (res.error) return setScanError(res.error.message);
      if (!p) return setScanError(t('adjust.barcodeUnknown', { code }));
      if (!p.active) return setScanError(t('adjust.productInactive', { sku: p.sku }));
      setKnown((k) => (k.some((x) => x.id === p.id) ? k : [...k, p]));
      const current: LineForm[] = form.getFieldValue('lines') ?? [];
      const i = current.findIndex((l) => l.productId === p.id && l.warehouseId === defaultWarehouse);
      if (i >= 0) {
        const q = dec(current[i].quantity).plus(1).toString();
        form.setFieldValue(['lines', i, 'quantity'], q);
        setHighlight(i);
      } else {
        const line: LineForm = {
          productId: p.id,
          warehouseId: defaultWarehouse,
          direction: reason === 'SCRAP' ? 'DECREASE' : 'INCREASE',
          quantity: '1',
        };
        form.setFieldValue('lines', [...current, line]);
        setHighlight(current.length);
      }
      message.success(t('adjust.scanned', { sku: p.sku, name: localName(p) }), 1.5);
    } finally {
      setScan('');
      setScanning(false);
      scanRef.current?.focus();
    }
  }

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await post({
      input: {
        postingDate: isoDate(v.postingDate),
        reason: v.reason,
        description: v.description?.trim() || undefined,
        lines: (v.lines ?? []).map((l) => ({
          productId: l.productId ?? '',
          warehouseId: l.warehouseId ?? '',
          locationId: l.locationId || undefined,
          direction: l.direction,
          quantity: (l.quantity ?? '').trim(),
          unitCost: l.direction === 'INCREASE' && l.unitCost?.trim() ? l.unitCost.trim() : undefined,
        })),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const payload = res.data?.postStockAdjustment;
    if (payload?.document) {
      message.success(t('adjust.posted', { number: payload.document.number }));
      form.setFieldsValue({ lines: [], description: undefined });
      setHighlight(null);
      scanRef.current?.focus();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Card>
      <Form<AdjustmentForm>
        form={form}
        layout="vertical"
        initialValues={{ reason: 'COUNT_VARIANCE', postingDate: companyToday(), lines: [] }}
        data-testid="adjust-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="reason" label={t('adjust.reason')} rules={[{ required: true }]}>
              <Select
                data-testid="adjust-reason"
                options={(['COUNT_VARIANCE', 'SCRAP'] as const).map((r) => ({ value: r, label: t(`adjustReason.${r}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="postingDate" label={t('common.postingDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="description" label={t('common.description')}>
              <Input autoComplete="off" data-testid="adjust-description" />
            </Form.Item>
          </Col>
        </Row>

        <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }}>
          <Space wrap align="start">
            <Select
              style={{ width: 220 }}
              value={defaultWarehouse}
              onChange={setScanWarehouse}
              options={refs.warehouseOptions}
              placeholder={t('stock.warehouse')}
              data-testid="adjust-scan-warehouse"
            />
            <div>
              <Input
                ref={scanRef}
                autoFocus
                prefix={<ScanOutlined />}
                style={{ width: 320 }}
                placeholder={t('adjust.scanPlaceholder')}
                value={scan}
                disabled={scanning}
                status={scanError ? 'error' : undefined}
                onChange={(e) => setScan(e.target.value)}
                onPressEnter={(e) => {
                  e.preventDefault();
                  void onScan();
                }}
                data-testid="adjust-scan"
              />
              {scanError && (
                <div>
                  <Typography.Text type="danger" data-testid="adjust-scan-error">
                    {scanError}
                  </Typography.Text>
                </div>
              )}
            </div>
            <Typography.Text type="secondary">{t('adjust.scanHint')}</Typography.Text>
          </Space>
        </Card>

        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="adjust-errors" />}

        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              <LinesTable
                fields={fields}
                data-testid="adjust-lines"
                rowClassName={(_, i) => (i === highlight ? 'row-live-updated' : '')}
                locale={{ emptyText: t('adjust.noLines') }}
                columns={[
                  { title: '#', width: 40, render: (_, __, i) => i + 1 },
                  lineColumn(t('stock.product'), 'productId', (f) => <ProductPicker known={known} style={{ width: '100%' }} data-testid={`adjust-line-product-${f.name}`} />, { width: 300, rules: [{ required: true, message: t('common.required') }] }),
                  lineColumn(
                    t('stock.warehouse'),
                    'warehouseId',
                    (f) => (
                      <Select
                        options={refs.warehouseOptions}
                        onChange={() => form.setFieldValue(['lines', f.name, 'locationId'], undefined)}
                      />
                    ),
                    { width: 180, rules: [{ required: true, message: t('common.required') }] },
                  ),
                  lineColumn(t('stock.bin'), 'locationId', (f) => <Select allowClear options={locationsByWarehouse.get(lines[f.name]?.warehouseId ?? '') ?? []} />, { width: 150 }),
                  lineColumn(
                    t('adjust.direction'),
                    'direction',
                    (f) => (
                      <Select
                        data-testid={`adjust-line-direction-${f.name}`}
                        options={(['INCREASE', 'DECREASE'] as const).map((d) => ({ value: d, label: t(`adjustDirection.${d}`) }))}
                      />
                    ),
                    { width: 120 },
                  ),
                  lineColumn(t('stock.quantity'), 'quantity', (f) => <DecimalInput data-testid={`adjust-line-quantity-${f.name}`} />, { width: 130, rules: [{ required: true, message: t('common.required') }, decimalRule(decimalMsg, 4)] }),
                  lineColumn(t('stock.unitCost'), 'unitCost', (f) => <DecimalInput disabled={lines[f.name]?.direction !== 'INCREASE'} placeholder={t('adjust.unitCostHint')} />, { width: 140, rules: [decimalRule(decimalMsg, 6)] }),
                  {
                    width: 48,
                    render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />,
                  },
                ]}
              />
              <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ warehouseId: defaultWarehouse, direction: reason === 'SCRAP' ? 'DECREASE' : 'INCREASE' })}
                >
                  {t('adjust.addLine')}
                </Button>
                <Button type="primary" loading={fetching} disabled={fields.length === 0} onClick={submit} data-testid="adjust-submit">
                  {t('adjust.post')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
