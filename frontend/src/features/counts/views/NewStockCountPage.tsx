import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import type { AbcClass } from '../../../gql/graphql';
import { CreateStockCountMutation } from '../mutations';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { applyUserErrors } from '../../../graphql/userErrors';
import { documentPath } from '../../../lib/documents';
import { enumLabel, useT } from '../../../i18n';

interface CountForm {
  warehouseId?: string;
  locationId?: string;
  categoryId?: string;
  abcClass?: AbcClass;
  blind?: boolean;
  tolerancePercent?: string;
  toleranceValue?: string;
  description?: string;
}

/** /stock/counts/new — a draft count sheet: warehouse and optionally a bin, a category or an ABC class; blind or not; the recount tolerances. */
export default function NewStockCountPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<CountForm>();
  const warehouseId = Form.useWatch('warehouseId', form);
  const [{ fetching }, create] = useMutation(CreateStockCountMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const binOptions = useMemo(
    () => (refs.warehouses.find((w) => w.id === warehouseId)?.locations ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.code} ${l.name}` })),
    [refs.warehouses, warehouseId],
  );

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await create({
      input: {
        warehouseId: v.warehouseId ?? '',
        locationId: v.locationId || undefined,
        categoryId: v.categoryId || undefined,
        abcClass: v.abcClass || undefined,
        blind: !!v.blind,
        tolerancePercent: v.tolerancePercent?.trim() || undefined,
        toleranceValue: v.toleranceValue?.trim() || undefined,
        description: v.description?.trim() ?? '',
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const payload = res.data?.createStockCount;
    if (payload?.stockCount) {
      message.success(t('count.done'));
      navigate(documentPath('STOCK_COUNT', payload.stockCount.number) ?? '/stock/counts');
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Card title={t('menu.stockCountNew')}>
      <Form<CountForm> form={form} layout="vertical" initialValues={{ blind: false, tolerancePercent: '5', toleranceValue: '500' }} data-testid="count-form">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="warehouseId" label={t('count.warehouse')} rules={[{ required: true }]}>
              <Select options={refs.warehouseOptions} onChange={() => form.setFieldValue('locationId', undefined)} data-testid="count-warehouse" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="locationId" label={t('count.location')}>
              <Select allowClear options={binOptions} disabled={!warehouseId} data-testid="count-location" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="categoryId" label={t('count.category')}>
              <Select allowClear showSearch optionFilterProp="label" options={refs.categoryOptions} data-testid="count-category" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="abcClass" label={t('count.abcClass')}>
              <Select<AbcClass> allowClear options={(['A', 'B', 'C'] as const).map((c) => ({ value: c, label: enumLabel(t, 'ABCClass', c) }))} data-testid="count-abc" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="blind" label={t('count.blind')} valuePropName="checked" extra={t('count.blindHint')}>
              <Switch data-testid="count-blind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="tolerancePercent" label={t('count.tolerancePercent')} rules={[decimalRule(decimalMsg, 2)]}>
              <DecimalInput data-testid="count-tolerance-percent" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="toleranceValue" label={t('count.toleranceValue')} rules={[decimalRule(decimalMsg, 2)]}>
              <DecimalInput data-testid="count-tolerance-value" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('count.description')}>
          <Input autoComplete="off" data-testid="count-description" />
        </Form.Item>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="count-errors" />}
        <Button type="primary" loading={fetching} onClick={() => void submit()} data-testid="count-submit">
          {t('count.create')}
        </Button>
      </Form>
    </Card>
  );
}
