import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { PostOpeningStockMutation } from '../mutations';
import { ProductPicker } from '../../../components/ProductPicker';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { LinesTable, lineColumn } from '../../../components/lineColumn';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

interface LineForm {
  productId?: string;
  warehouseId?: string;
  locationId?: string;
  quantity?: string;
  unitCost?: string;
}

interface OpeningForm {
  postingDate?: Dayjs | null;
  description?: string;
  lines: LineForm[];
}

/**
 * Opening stock taken over from earlier books (期初库存): per product and
 * warehouse a quantity and unit cost, posted Dr 1405 inventory, Cr 3104.
 * With the company's control on only finance (or an admin) posts it, once
 * per product and warehouse before any other stock move; the server says so
 * when the user may not.
 */
export default function OpeningStockPage() {
  const t = useT();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<OpeningForm>();
  const [{ fetching }, post] = useMutation(PostOpeningStockMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const lines = Form.useWatch('lines', form) ?? [];
  const defaultWarehouse = refs.warehouses.find((w) => w.active)?.id;

  const locationsByWarehouse = useMemo(() => {
    const m = new Map<string, { value: string; label: string }[]>();
    for (const w of refs.warehouses)
      m.set(
        w.id,
        w.locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` })),
      );
    return m;
  }, [refs.warehouses]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await post({
      input: {
        postingDate: isoDate(v.postingDate),
        description: v.description?.trim() || undefined,
        lines: (v.lines ?? []).map((l) => ({
          productId: l.productId ?? '',
          warehouseId: l.warehouseId ?? '',
          locationId: l.locationId || undefined,
          quantity: (l.quantity ?? '').trim(),
          unitCost: (l.unitCost ?? '').trim(),
        })),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const payload = res.data?.postOpeningStock;
    if (payload?.document) {
      message.success(t('opening.posted', { number: payload.document.number }));
      form.setFieldsValue({
        lines: [{ warehouseId: defaultWarehouse }],
        description: undefined,
      });
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Card title={t('menu.openingStock')}>
      <Typography.Paragraph type="secondary">{t('opening.intro')}</Typography.Paragraph>
      <Form<OpeningForm> form={form} layout="vertical" initialValues={{ postingDate: companyToday(), lines: [{}] }} data-testid="opening-form">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="postingDate" label={t('common.postingDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="description" label={t('common.description')}>
              <Input autoComplete="off" data-testid="opening-description" />
            </Form.Item>
          </Col>
        </Row>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="opening-errors" />}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              <LinesTable
                fields={fields}
                data-testid="opening-lines"
                columns={[
                  { title: '#', width: 40, render: (_, __, i) => i + 1 },
                  lineColumn(t('stock.product'), 'productId', (f) => <ProductPicker style={{ width: '100%' }} data-testid={`opening-line-product-${f.name}`} />, {
                    width: 300,
                    rules: [{ required: true, message: t('common.required') }],
                  }),
                  lineColumn(
                    t('stock.warehouse'),
                    'warehouseId',
                    (f) => <Select options={refs.warehouseOptions} data-testid={`opening-line-warehouse-${f.name}`} onChange={() => form.setFieldValue(['lines', f.name, 'locationId'], undefined)} />,
                    {
                      width: 200,
                      rules: [{ required: true, message: t('common.required') }],
                    },
                  ),
                  lineColumn(t('stock.bin'), 'locationId', (f) => <Select allowClear options={locationsByWarehouse.get(lines[f.name]?.warehouseId ?? '') ?? []} />, { width: 150 }),
                  lineColumn(t('stock.quantity'), 'quantity', (f) => <DecimalInput data-testid={`opening-line-quantity-${f.name}`} />, {
                    width: 130,
                    rules: [{ required: true, message: t('common.required') }, decimalRule(decimalMsg, 4)],
                  }),
                  lineColumn(t('stock.unitCost'), 'unitCost', (f) => <DecimalInput data-testid={`opening-line-unitCost-${f.name}`} />, {
                    width: 140,
                    rules: [{ required: true, message: t('common.required') }, decimalRule(decimalMsg, 6)],
                  }),
                  {
                    width: 48,
                    render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />,
                  },
                ]}
              />
              <Space
                style={{
                  marginTop: 16,
                  width: '100%',
                  justifyContent: 'space-between',
                }}
              >
                <Button icon={<PlusOutlined />} onClick={() => add({ warehouseId: defaultWarehouse })}>
                  {t('opening.addLine')}
                </Button>
                <Button type="primary" loading={fetching} disabled={fields.length === 0} onClick={submit} data-testid="opening-submit">
                  {t('opening.post')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
