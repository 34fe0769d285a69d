import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { ScrapReason } from '../../../gql/graphql';
import { ProductSearchQuery } from '../../catalog/queries';
import { CreateScrapMutation, ScrapReceiptQuery, ScrapSettingsQuery } from '../queries';
import { ProductPicker, type PickedProduct } from '../../../components/ProductPicker';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors } from '../../../graphql/userErrors';
import { formatMoney } from '../../../lib/decimal';
import { companyToday, isoDate } from '../../../lib/date';
import { enumLabel, useT } from '../../../i18n';

interface LineForm {
  productId?: string;
  warehouseId?: string;
  locationId?: string;
  quantity?: string;
  reason: ScrapReason;
  note?: string;
}

interface ScrapForm {
  date?: Dayjs | null;
  note?: string;
  lines: LineForm[];
}

const REASONS: ScrapReason[] = ['DAMAGED', 'EXPIRED', 'OBSOLETE', 'OTHER'];

/**
 * /stock/scraps/new — a new scrap. Prefilled from a goods receipt
 * (?receipt=GR000012) or from a count sheet or the slow movers
 * (?warehouse=<code>&product=<sku>&quantity=<q>&count=<sheet>).
 */
export default function NewScrapPage() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<ScrapForm>();
  const [{ fetching }, create] = useMutation(CreateScrapMutation);
  const [{ data: settings }] = useQuery({ query: ScrapSettingsQuery });
  const [general, setGeneral] = useState<string[]>([]);
  const [known, setKnown] = useState<PickedProduct[]>([]);
  const prefilled = useRef(false);
  const receipt = params.get('receipt') ?? undefined;
  const count = params.get('count') ?? undefined;
  const threshold = formatMoney(settings?.scrapSettings.approvalThreshold ?? '5000');

  const locationsByWarehouse = useMemo(() => {
    const m = new Map<string, { value: string; label: string }[]>();
    for (const w of refs.warehouses) m.set(w.id, w.locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` })));
    return m;
  }, [refs.warehouses]);

  useEffect(() => {
    if (prefilled.current || refs.warehouses.length === 0) return;
    prefilled.current = true;
    void (async () => {
      if (receipt) {
        const res = await client.query(ScrapReceiptQuery, { number: receipt }).toPromise();
        const r = res.data?.goodsReceipt;
        if (!r) return;
        setKnown(r.lines.map((l) => l.product));
        form.setFieldsValue({
          note: receipt,
          lines: r.lines.map((l) => ({ productId: l.product.id, warehouseId: r.warehouse.id, locationId: l.location?.id, quantity: l.acceptedQuantity, reason: 'DAMAGED' as const })),
        });
        return;
      }
      const sku = params.get('product');
      if (!sku) return;
      const w = refs.warehouses.find((x) => x.code === params.get('warehouse'));
      const res = await client.query(ProductSearchQuery, { search: sku }).toPromise();
      const p = res.data?.products.nodes.find((x) => x.sku === sku);
      if (!p) return;
      setKnown([p]);
      form.setFieldsValue({ lines: [{ productId: p.id, warehouseId: w?.id, quantity: params.get('quantity') ?? undefined, reason: count ? 'DAMAGED' : 'OBSOLETE' }] });
    })();
  }, [client, count, form, params, receipt, refs.warehouses]);

  async function save(submit: boolean) {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await create({
      input: {
        date: isoDate(v.date),
        note: v.note?.trim() || undefined,
        receiptNumber: receipt,
        countNumber: count,
        submit,
        lines: (v.lines ?? []).map((l) => ({
          productId: l.productId ?? '',
          warehouseId: l.warehouseId ?? '',
          locationId: l.locationId || undefined,
          quantity: (l.quantity ?? '').trim(),
          reason: l.reason,
          note: l.note?.trim() || undefined,
        })),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const payload = res.data?.createScrap;
    const s = payload?.scrap;
    if (s) {
      const key = s.status === 'PENDING_APPROVAL' ? 'scrap.pending' : s.status === 'POSTED' ? 'scrap.posted' : 'scrap.created';
      message.success(t(key, { number: s.number, threshold }));
      navigate(`/stock/scraps/${encodeURIComponent(s.number)}`);
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Card title={t('scrap.new')}>
      <Form<ScrapForm> form={form} layout="vertical" initialValues={{ date: companyToday(), lines: [{ reason: 'DAMAGED' }] }} data-testid="scrap-form">
        <Typography.Paragraph type="secondary" data-testid="scrap-threshold">{t('scrap.thresholdHint', { threshold })}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="date" label={t('scrap.date')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="note" label={t('scrap.note')} rules={[{ max: 500 }]}>
              <Input data-testid="scrap-note" maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {(receipt || count) && (
          <Typography.Paragraph data-testid="scrap-source">
            {receipt ? `${t('scrap.receipt')}: ${receipt}` : `${t('scrap.count')}: ${count}`}
          </Typography.Paragraph>
        )}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                data-testid="scrap-lines"
                columns={[
                  {
                    title: t('scrap.product'),
                    width: 280,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]} noStyle={false} style={{ marginBottom: 0 }}>
                        <ProductPicker known={known} data-testid={`scrap-line-${f.name}-product`} style={{ width: '100%' }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('scrap.warehouse'),
                    width: 180,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'warehouseId']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                        <Select options={refs.warehouseOptions} data-testid={`scrap-line-${f.name}-warehouse`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('scrap.location'),
                    width: 140,
                    render: (_, f) => (
                      <Form.Item noStyle shouldUpdate>
                        {() => (
                          <Form.Item name={[f.name, 'locationId']} style={{ marginBottom: 0 }}>
                            <Select allowClear options={locationsByWarehouse.get(form.getFieldValue(['lines', f.name, 'warehouseId'])) ?? []} />
                          </Form.Item>
                        )}
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('scrap.quantity'),
                    width: 120,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }, decimalRule(decimalMsg, 4)]} style={{ marginBottom: 0 }}>
                        <DecimalInput data-testid={`scrap-line-${f.name}-quantity`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('scrap.reason'),
                    width: 120,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'reason']} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                        <Select data-testid={`scrap-line-${f.name}-reason`} options={REASONS.map((r) => ({ value: r, label: enumLabel(t, 'ScrapReason', r) }))} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('scrap.lineNote'),
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'note']} rules={[{ max: 200 }]} style={{ marginBottom: 0 }}>
                        <Input maxLength={200} />
                      </Form.Item>
                    ),
                  },
                  { title: '', width: 40, render: (_, f) => <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} /> },
                ]}
              />
              <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ reason: 'DAMAGED', warehouseId: refs.warehouses.find((w) => w.active)?.id })}>
                {t('scrap.addLine')}
              </Button>
            </>
          )}
        </Form.List>
        {general.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="scrap-errors" title={general.join('；')} />}
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => save(false)} loading={fetching} data-testid="scrap-save">{t('scrap.saveDraft')}</Button>
          <Button type="primary" onClick={() => save(true)} loading={fetching} data-testid="scrap-submit-new">{t('scrap.submit')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
