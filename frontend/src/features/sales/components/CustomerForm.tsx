import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Checkbox, Divider, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
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
  bankName?: string;
  bankAccount?: string;
  invoicing?: { title?: string; taxId?: string; addressPhone?: string; bankAccount?: string };
  contacts: { name?: string; title?: string; phone?: string; email?: string }[];
  addresses: { label?: string; address?: string; region?: string; contact?: string; phone?: string; isDefault?: boolean }[];
}

const trim = (s?: string | null) => (s ?? '').trim();

/** The invoicing details to send: undefined when none are typed (on create), all empty clears them (on update). */
export function invoicingInput(v: Values['invoicing'], editing: boolean) {
  const out = { title: trim(v?.title), taxId: trim(v?.taxId), addressPhone: trim(v?.addressPhone), bankAccount: trim(v?.bankAccount) };
  const empty = !out.title && !out.taxId && !out.addressPhone && !out.bankAccount;
  if (empty) return editing ? out : undefined;
  return out;
}

/** Ship-to addresses as the server takes them; at most one default (the first one marked). */
export function addressesInput(list: Values['addresses']) {
  let seenDefault = false;
  return (list ?? []).map((a) => {
    const isDefault = !!a.isDefault && !seenDefault;
    if (isDefault) seenDefault = true;
    return { label: trim(a.label) || undefined, address: trim(a.address), region: trim(a.region) || undefined, contact: trim(a.contact) || undefined, phone: trim(a.phone) || undefined, isDefault };
  });
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
        bankName: customer.bankName,
        bankAccount: customer.bankAccount,
        invoicing: customer.invoicing ? { ...customer.invoicing } : undefined,
        contacts: customer.contacts.map((c) => ({ ...c })),
        addresses: customer.addresses.map((a) => ({ ...a })),
      });
  }, [open, customer, form]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const contacts = (v.contacts ?? []).map((c) => ({ name: (c.name ?? '').trim(), title: c.title?.trim() || undefined, phone: c.phone?.trim() || undefined, email: c.email?.trim() || undefined }));
    const addresses = addressesInput(v.addresses);
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
      bankName: trim(v.bankName),
      bankAccount: trim(v.bankAccount),
      invoicing: invoicingInput(v.invoicing, !!customer),
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
          <Form.Item name="code" label={t('cust.code')} tooltip={customer ? undefined : t('pm.codeAutoHint')}>
            <Input style={{ width: 140 }} disabled={!!customer} placeholder={t('pm.codeAuto')} data-testid="cust-form-code" />
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
          <Form.Item name="taxId" label={t('cust.taxId')} tooltip={t('pm.taxIdHint')} style={{ maxWidth: 300 }}>
            <Input maxLength={20} style={{ width: 220 }} data-testid="cust-form-taxid" />
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
        <Space wrap align="start">
          <Form.Item name="bankName" label={t('pm.bankName')}>
            <Input maxLength={100} style={{ width: 240 }} data-testid="cust-form-bank-name" />
          </Form.Item>
          <Form.Item name="bankAccount" label={t('pm.bankAccount')} style={{ maxWidth: 320 }}>
            <Input maxLength={50} style={{ width: 260 }} data-testid="cust-form-bank-account" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start" plain>
          <Space>
            {t('pm.invoicing')}
            <Button
              size="small"
              type="link"
              onClick={() => form.setFieldsValue({ invoicing: { ...form.getFieldValue('invoicing'), title: form.getFieldValue('name'), taxId: form.getFieldValue('taxId') } })}
              data-testid="cust-form-inv-copy"
            >
              {t('pm.invoicingCopy')}
            </Button>
          </Space>
        </Divider>
        <Space wrap align="start">
          <Form.Item name={['invoicing', 'title']} label={t('pm.invTitle')}>
            <Input maxLength={200} style={{ width: 300 }} data-testid="cust-form-inv-title" />
          </Form.Item>
          <Form.Item name={['invoicing', 'taxId']} label={t('pm.invTaxId')} style={{ maxWidth: 300 }}>
            <Input maxLength={20} style={{ width: 220 }} data-testid="cust-form-inv-taxid" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name={['invoicing', 'addressPhone']} label={t('pm.invAddressPhone')}>
            <Input maxLength={300} style={{ width: 380 }} data-testid="cust-form-inv-address" />
          </Form.Item>
          <Form.Item name={['invoicing', 'bankAccount']} label={t('pm.invBankAccount')}>
            <Input maxLength={200} style={{ width: 380 }} data-testid="cust-form-inv-bank" />
          </Form.Item>
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
                <Space key={f.key} align="start" wrap data-testid={`cust-form-addr-${f.name}`}>
                  <Form.Item name={[f.name, 'label']}>
                    <Input placeholder={t('cust.addressLabel')} style={{ width: 90 }} data-testid={`cust-form-addr-${f.name}-label`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'address']} rules={[{ required: true, message: t('common.required') }]}>
                    <Input placeholder={t('cust.address')} style={{ width: 280 }} data-testid={`cust-form-addr-${f.name}-address`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'region']}>
                    <Input placeholder={t('cust.region')} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contact']}>
                    <Input placeholder={t('pm.receiver')} style={{ width: 90 }} data-testid={`cust-form-addr-${f.name}-contact`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']}>
                    <Input placeholder={t('cust.phone')} style={{ width: 120 }} data-testid={`cust-form-addr-${f.name}-phone`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'isDefault']} valuePropName="checked">
                    <Checkbox
                      onChange={(e) => {
                        if (!e.target.checked) return;
                        const list = (form.getFieldValue('addresses') ?? []) as Values['addresses'];
                        form.setFieldValue('addresses', list.map((a, i) => ({ ...a, isDefault: i === f.name })));
                      }}
                      data-testid={`cust-form-addr-${f.name}-default`}
                    >
                      {t('pm.defaultAddress')}
                    </Checkbox>
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ isDefault: fields.length === 0 })} data-testid="cust-form-add-address">
                {t('cust.addAddress')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
