import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SupplierFieldsFragment } from '../../../gql/graphql';
import { CreateSupplierMutation, UpdateSupplierMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';

interface Values {
  code?: string;
  name?: string;
  taxId?: string;
  paymentTermsDays?: number;
  leadTimeDays?: number;
  currency?: string;
  bankName?: string;
  bankAccount?: string;
  address?: string;
  notes?: string;
  active?: boolean;
  contacts: { name?: string; role?: string; phone?: string; email?: string }[];
}

const trim = (s?: string | null) => (s ?? '').trim();

/** Creates a supplier (an empty code gets the next free one) or edits one; the server's userErrors land on the fields they name. */
export function SupplierForm({ open, supplier, onClose, onSaved }: { open: boolean; supplier?: SupplierFieldsFragment | null; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching: creating }, create] = useMutation(CreateSupplierMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateSupplierMutation);
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    setGeneral([]);
    form.resetFields();
    if (supplier)
      form.setFieldsValue({
        code: supplier.code,
        name: supplier.name,
        taxId: supplier.taxId ?? undefined,
        paymentTermsDays: supplier.paymentTermsDays,
        leadTimeDays: supplier.leadTimeDays,
        currency: supplier.currency,
        bankName: supplier.bankName,
        bankAccount: supplier.bankAccount,
        address: supplier.address,
        notes: supplier.notes,
        active: supplier.active,
        contacts: supplier.contacts.map((c) => ({ ...c })),
      });
  }, [open, supplier, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const common = {
      name: trim(v.name),
      taxId: trim(v.taxId),
      paymentTermsDays: v.paymentTermsDays ?? undefined,
      leadTimeDays: v.leadTimeDays ?? undefined,
      currency: trim(v.currency).toUpperCase() || undefined,
      bankName: trim(v.bankName),
      bankAccount: trim(v.bankAccount),
      address: trim(v.address),
      notes: v.notes ?? '',
      contacts: (v.contacts ?? []).map((c) => ({ name: trim(c.name), role: trim(c.role) || undefined, phone: trim(c.phone) || undefined, email: trim(c.email) || undefined })),
    };
    const res = supplier ? await update({ input: { id: supplier.id, ...common, active: v.active } }) : await create({ input: { code: trim(v.code) || undefined, ...common } });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data && ('updateSupplier' in res.data ? res.data.updateSupplier : res.data.createSupplier);
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.supplier) {
      message.success(t(supplier ? 'pm.supplierSaved' : 'pm.supplierCreated', { code: p.supplier.code }));
      onSaved(p.supplier.id);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={supplier ? t('pm.supplierEditTitle', { code: supplier.code }) : t('pm.supplierNew')}
      width={820}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={creating || updating}
      okButtonProps={{ 'data-testid': 'supplier-form-submit' }}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="supplier-form-errors" />}
      <Form form={form} layout="vertical" initialValues={{ paymentTermsDays: 30, leadTimeDays: 7, currency: 'CNY', active: true, contacts: [] }} data-testid="supplier-form">
        <Space wrap align="start">
          <Form.Item name="code" label={t('suppliers.code')} tooltip={supplier ? undefined : t('pm.codeAutoHint')}>
            <Input style={{ width: 150 }} disabled={!!supplier} placeholder={t('pm.codeAuto')} data-testid="supplier-form-code" />
          </Form.Item>
          <Form.Item name="name" label={t('suppliers.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={200} style={{ width: 280 }} data-testid="supplier-form-name" />
          </Form.Item>
          <Form.Item name="taxId" label={t('cust.taxId')} tooltip={t('pm.taxIdHint')} style={{ maxWidth: 300 }}>
            <Input maxLength={20} style={{ width: 220 }} data-testid="supplier-form-taxid" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="paymentTermsDays" label={t('suppliers.paymentTerms')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: 110 }} data-testid="supplier-form-terms" />
          </Form.Item>
          <Form.Item name="leadTimeDays" label={t('suppliers.leadTime')}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="currency" label={t('suppliers.currency')}>
            <Input maxLength={3} style={{ width: 80 }} />
          </Form.Item>
          {supplier && (
            <Form.Item name="active" label={t('common.active')} valuePropName="checked">
              <Switch data-testid="supplier-form-active" />
            </Form.Item>
          )}
        </Space>
        <Space wrap align="start">
          <Form.Item name="bankName" label={t('pm.bankName')}>
            <Input maxLength={100} style={{ width: 240 }} data-testid="supplier-form-bank-name" />
          </Form.Item>
          <Form.Item name="bankAccount" label={t('pm.bankAccount')} style={{ maxWidth: 320 }}>
            <Input maxLength={50} style={{ width: 260 }} data-testid="supplier-form-bank-account" />
          </Form.Item>
        </Space>
        <Form.Item name="address" label={t('cust.address')}>
          <Input maxLength={300} data-testid="supplier-form-address" />
        </Form.Item>
        <Form.Item name="notes" label={t('cust.notes')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('suppliers.contacts')}>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('cust.contactName')} style={{ width: 130 }} data-testid={`supplier-form-contact-${f.name}-name`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']}>
                    <Input placeholder={t('pm.contactRole')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('cust.phone')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'email']}>
                    <Input placeholder={t('cust.email')} style={{ width: 190 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="supplier-form-add-contact">
                {t('cust.addContact')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
