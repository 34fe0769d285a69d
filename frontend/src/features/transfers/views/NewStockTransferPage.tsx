import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CreateStockTransferMutation } from '../mutations';
import { ProductPicker } from '../../../components/ProductPicker';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { applyUserErrors } from '../../../graphql/userErrors';
import { documentPath } from '../../../lib/documents';
import { isoDate, companyToday } from '../../../lib/date';
import { useT } from '../../../i18n';

interface TransferForm {
  fromWarehouseId?: string;
  toWarehouseId?: string;
  transferDate?: Dayjs | null;
  carrier?: string;
  notes?: string;
  lines: { productId?: string; quantity?: string }[];
}

/** /stock/transfers/new — a draft transfer: from and to warehouse, carrier, products and quantities; shipped from its page. */
export default function NewStockTransferPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<TransferForm>();
  const [{ fetching }, create] = useMutation(CreateStockTransferMutation);
  const [general, setGeneral] = useState<string[]>([]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await create({
      input: {
        fromWarehouseId: v.fromWarehouseId ?? '',
        toWarehouseId: v.toWarehouseId ?? '',
        transferDate: isoDate(v.transferDate),
        carrier: v.carrier?.trim() || undefined,
        notes: v.notes?.trim() || undefined,
        lines: (v.lines ?? []).map((l) => ({ productId: l.productId ?? '', quantity: (l.quantity ?? '').trim() })),
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const payload = res.data?.createStockTransfer;
    if (payload?.stockTransfer) {
      message.success(t('transfer.done'));
      navigate(documentPath('STOCK_TRANSFER', payload.stockTransfer.number) ?? '/stock/transfers');
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  const decimalMsg = t('common.decimalInvalid');
  return (
    <Card title={t('menu.stockTransferNew')}>
      <Form<TransferForm> form={form} layout="vertical" initialValues={{ transferDate: companyToday(), lines: [{}] }} data-testid="transfer-form">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="fromWarehouseId" label={t('transfer.from')} rules={[{ required: true }]}>
              <Select options={refs.warehouseOptions} data-testid="transfer-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="toWarehouseId" label={t('transfer.to')} rules={[{ required: true }]}>
              <Select options={refs.warehouseOptions} data-testid="transfer-to" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="transferDate" label={t('transfer.date')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="carrier" label={t('transfer.carrier')}>
              <Input autoComplete="off" data-testid="transfer-carrier" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('transfer.notes')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'productId']} rules={[{ required: true }]}>
                    <ProductPicker style={{ width: 320 }} placeholder={t('transfer.product')} data-testid={`transfer-line-product-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true }, decimalRule(decimalMsg, 4)]}>
                    <DecimalInput placeholder={t('transfer.quantity')} data-testid={`transfer-line-qty-${i}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Form.Item>
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="transfer-add-line">
                  {t('transfer.addLine')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="transfer-errors" />}
        <Button type="primary" loading={fetching} onClick={() => void submit()} data-testid="transfer-submit">
          {t('transfer.create')}
        </Button>
      </Form>
    </Card>
  );
}
