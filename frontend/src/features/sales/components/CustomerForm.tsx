import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CustomerDetailQuery, SalesChannel } from '../../../gql/graphql';
import { CreateCustomerMutation, UpdateCustomerMutation } from '../mutations';
import { CHANNELS } from './common';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { applyUserErrors } from '../../../graphql/userErrors';
import { enumLabel, useT } from '../../../i18n';

type Existing = NonNullable<CustomerDetailQuery['customer']>;

interface Values {
  code?: string;
  name?: string;
  region?: string;
  salesperson?: string;
  channel?: SalesChannel;
  creditLimit?: string;
  paymentTermsDays?: number;
  preferences?: string;
  notes?: string;
  taxId?: string;
  active?: boolean;
  contacts: { name?: string; title?: string; phone?: string; email?: string }[];
  addresses: { label?: string; address?: string; region?: string }[];
}

/** Creates a customer, or edits one (`customer` given); server userErrors land on the fields they name. */
export function CustomerForm({ open, customer, onClose, onSaved }: { open: boolean; customer?: Existing | null; onClose: () => void; onSaved: (id: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching: creating }, create] = useMutation(CreateCustomerMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCustomerMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!open) return;
    setGeneral([]);
    setKey(crypto.randomUUID());
    form.resetFields();
    if (customer)
      form.setFieldsValue({
        code: customer.code,
        name: customer.name,
        region: customer.region,
        salesperson: customer.salesperson,
        channel: customer.channel,
        creditLimit: customer.creditLimit,
        paymentTermsDays: customer.paymentTermsDays,
        preferences: customer.preferences,
        notes: customer.notes,
        taxId: customer.taxId ?? undefined,
        active: customer.active,
        contacts: customer.contacts.map((c) => ({ ...c })),
        addresses: customer.addresses.map((a) => ({ ...a })),
      });
  }, [open, customer, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const contacts = (v.contacts ?? []).map((c) => ({ name: (c.name ?? '').trim(), title: c.title?.trim() || undefined, phone: c.phone?.trim() || undefined, email: c.email?.trim() || undefined }));
    const addresses = (v.addresses ?? []).map((a) => ({ label: a.label?.trim() || undefined, address: (a.address ?? '').trim(), region: a.region?.trim() || undefined }));
    const common = {
      name: (v.name ?? '').trim(),
      region: v.region?.trim() ?? '',
      salesperson: v.salesperson?.trim() ?? '',
      channel: v.channel,
      creditLimit: v.creditLimit?.trim() || undefined,
      paymentTermsDays: v.paymentTermsDays ?? undefined,
      preferences: v.preferences ?? '',
      notes: v.notes ?? '',
      taxId: v.taxId?.trim() ?? '',
      contacts,
      addresses,
    };
    if (customer) {
      const res = await update({ input: { id: customer.id, ...common, active: v.active } });
      if (res.error) return setGeneral([res.error.message]);
      const p = res.data?.updateCustomer;
      if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
      if (p?.customer) {
        message.success(t('cust.saved', { code: p.customer.code }));
        onSaved(p.customer.id);
      }
    } else {
      const res = await create({ input: { code: (v.code ?? '').trim(), ...common, idempotencyKey: key } });
      if (res.error) return setGeneral([res.error.message]);
      const p = res.data?.createCustomer;
      if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
      if (p?.customer) {
        message.success(t('cust.created', { code: p.customer.code }));
        onSaved(p.customer.id);
      }
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={customer ? t('cust.editTitle', { code: customer.code }) : t('cust.new')}
      width={860}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={creating || updating}
      okButtonProps={{ 'data-testid': 'cust-form-submit' }}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="cust-form-errors" />}
      <Form form={form} layout="vertical" initialValues={{ channel: 'DIRECT', paymentTermsDays: 30, creditLimit: '0', active: true, contacts: [], addresses: [] }} data-testid="cust-form">
        <Space wrap align="start">
          <Form.Item name="code" label={t('cust.code')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 140 }} disabled={!!customer} data-testid="cust-form-code" />
          </Form.Item>
          <Form.Item name="name" label={t('cust.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 260 }} data-testid="cust-form-name" />
          </Form.Item>
          <Form.Item name="region" label={t('cust.region')}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="salesperson" label={t('cust.salesperson')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="channel" label={t('cust.channel')}>
            <Select style={{ width: 140 }} options={CHANNELS.map((c) => ({ value: c, label: enumLabel(t, 'salesChannel', c) }))} />
          </Form.Item>
          <Form.Item name="creditLimit" label={t('cust.creditLimit')} rules={[decimalRule(t('common.decimalInvalid'), 2)]}>
            <DecimalInput style={{ width: 160 }} data-testid="cust-form-credit" />
          </Form.Item>
          <Form.Item name="taxId" label={t('cust.taxId')} extra={t('cust.taxIdHint')}>
            <Input maxLength={18} style={{ width: 220 }} data-testid="cust-form-taxid" />
          </Form.Item>
          <Form.Item name="paymentTermsDays" label={t('cust.terms')}>
            <InputNumber min={0} max={365} precision={0} style={{ width: 120 }} data-testid="cust-form-terms" />
          </Form.Item>
          {customer && (
            <Form.Item name="active" label={t('common.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="preferences" label={t('cust.preferences')}>
          <Input />
        </Form.Item>
        <Form.Item name="notes" label={t('cust.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('cust.contacts')}>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('cust.contactName')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']}>
                    <Input placeholder={t('cust.contactTitle')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('cust.phone')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'email']}>
                    <Input placeholder={t('cust.email')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('cust.addContact')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="addresses">
          {(fields, { add, remove }) => (
            <Form.Item label={t('cust.addresses')}>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'label']}>
                    <Input placeholder={t('cust.addressLabel')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'address']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('cust.address')} style={{ width: 360 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'region']}>
                    <Input placeholder={t('cust.region')} style={{ width: 110 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                {t('cust.addAddress')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
