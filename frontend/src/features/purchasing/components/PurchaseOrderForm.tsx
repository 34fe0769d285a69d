import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CreatePurchaseOrderMutation } from '../mutations';
import { SupplierSelect, failureMessages } from './common';
import { ProductPicker } from '../../../components/ProductPicker';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';
import { LineUnit } from '../../catalog/components/LineUnit';
import { isoDate } from '../../../lib/date';

interface FormValues {
  supplierId?: string;
  warehouseId?: string;
  expectedDate?: Dayjs | null;
  costCentre?: string;
  notes?: string;
  lines: { productId?: string; quantity?: string; unit?: string; unitPrice?: string }[];
}

/** A new draft purchase order with its lines; server userErrors land on the fields they name. */
export function PurchaseOrderForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const refs = useReferenceOptions();
  const [form] = Form.useForm<FormValues>();
  const [{ fetching }, create] = useMutation(CreatePurchaseOrderMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key] = useState(() => crypto.randomUUID());

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await create({
      input: {
        supplierId: v.supplierId ?? '',
        warehouseId: v.warehouseId ?? '',
        expectedDate: isoDate(v.expectedDate),
        costCentre: v.costCentre?.trim() || undefined,
        notes: v.notes?.trim() || undefined,
        lines: (v.lines ?? []).map((l) => ({ productId: l.productId ?? '', quantity: (l.quantity ?? '').trim(), unit: l.unit || undefined, unitPrice: l.unitPrice?.trim() || undefined })),
        idempotencyKey: key,
      },
    });
    const p = res.data?.createPurchaseOrder;
    if (res.error) return setGeneral(failureMessages(res, []));
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.purchaseOrder) {
      message.success(t('po.created', { number: p.purchaseOrder.number }));
      form.resetFields();
      onCreated(p.purchaseOrder.id);
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t('po.new')} width={860} onOk={submit} okText={t('common.save')} confirmLoading={fetching} okButtonProps={{ 'data-testid': 'po-form-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ costCentre: 'PURCHASING', lines: [{}] }} data-testid="po-form">
        <Space wrap size="middle" align="start">
          <Form.Item name="supplierId" label={t('po.supplier')} rules={[{ required: true, message: t('common.required') }]}>
            <SupplierSelect style={{ width: 240 }} data-testid="po-form-supplier" />
          </Form.Item>
          <Form.Item name="warehouseId" label={t('stock.warehouse')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 180 }} options={refs.warehouseOptions} data-testid="po-form-warehouse" />
          </Form.Item>
          <Form.Item name="expectedDate" label={t('po.expectedDate')} extra={t('po.expectedDateHint')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="costCentre" label={t('po.costCentre')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('po.notes')}>
          <Input />
        </Form.Item>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'productId']} rules={[{ required: true, message: t('common.required') }]}>
                    <ProductPicker style={{ width: 320 }} placeholder={t('products.name')} data-testid={`po-form-product-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 4)]}>
                    <DecimalInput placeholder={t('po.quantity')} style={{ width: 110 }} data-testid={`po-form-quantity-${f.name}`} />
                  </Form.Item>
                  <LineUnit form={form} line={f.name} kind="purchase" testPrefix="po-form" />
                  <Form.Item name={[f.name, 'unitPrice']} rules={[decimalRule(t('common.decimalInvalid'), 6)]}>
                    <DecimalInput placeholder={t('po.unitPriceDefault')} style={{ width: 170 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('po.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
