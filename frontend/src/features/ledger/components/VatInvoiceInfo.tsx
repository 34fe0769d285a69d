import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { VatInvoiceInfoFieldsFragment, VatInvoiceKind } from '../../../gql/graphql';
import { UpdateVatInvoiceInfoMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { enumLabel, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { useCan } from '../../../app/session';

export const VAT_KINDS: readonly VatInvoiceKind[] = ['SPECIAL', 'ORDINARY', 'E_SPECIAL', 'E_ORDINARY'];

/** Which invoice the Golden Tax fields belong to. */
export interface VatInvoiceTarget {
  kind: 'sales' | 'supplier';
  id: string;
  number: string;
  vatInvoice: VatInvoiceInfoFieldsFragment;
}

/** An invoice's Golden Tax number and kind in a table cell; "not entered" when there is none. */
export function VatInvoiceCell({ info }: { info: VatInvoiceInfoFieldsFragment }) {
  const t = useT();
  if (!info.invoiceNumber) return <Typography.Text type="secondary">{t('vat.notEntered')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{[info.invoiceCode, info.invoiceNumber].filter(Boolean).join(' ')}</span>
      {info.kind && <Tag color={info.deductible ? 'green' : undefined}>{enumLabel(t, 'VatInvoiceKind', info.kind)}</Tag>}
    </Space>
  );
}

/** The "enter" button of an invoice row for finance, opening the Golden Tax form. */
export function VatInvoiceEditButton({ target, onSaved }: { target: VatInvoiceTarget; onSaved?: () => void }) {
  const t = useT();
  const canEdit = useCan(['FINANCE']);
  const [open, setOpen] = useState(false);
  if (!canEdit) return null;
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid={`vat-edit-${target.number}`}>
        {t('vat.edit')}
      </Button>
      {open && (
        <VatInvoiceModal
          target={target}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onSaved?.();
          }}
        />
      )}
    </>
  );
}

interface FormValues {
  invoiceCode?: string;
  invoiceNumber?: string;
  kind?: VatInvoiceKind;
  buyerTaxId?: string;
  issueDate?: Dayjs | null;
}

/** Enters or corrects the Golden Tax fields (发票代码, 发票号码, kind, buyer's tax ID, issue date) of one invoice; mounted while open. */
export function VatInvoiceModal({ target, onClose, onSaved }: { target?: VatInvoiceTarget; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, update] = useMutation(UpdateVatInvoiceInfoMutation);

  const v = target?.vatInvoice;
  const initialValues: FormValues = {
    invoiceCode: v?.invoiceCode ?? undefined,
    invoiceNumber: v?.invoiceNumber ?? undefined,
    kind: v?.kind ?? undefined,
    buyerTaxId: v?.buyerTaxId ?? undefined,
    issueDate: v?.issueDate ? dayjs(v.issueDate) : null,
  };

  async function submit() {
    if (!target) return;
    setErrors([]);
    const v = form.getFieldsValue();
    const res = await update({
      input: {
        salesInvoiceId: target.kind === 'sales' ? target.id : undefined,
        supplierInvoiceId: target.kind === 'supplier' ? target.id : undefined,
        invoiceCode: v.invoiceCode || undefined,
        invoiceNumber: v.invoiceNumber || undefined,
        kind: v.kind,
        buyerTaxId: v.buyerTaxId || undefined,
        issueDate: isoDate(v.issueDate),
      },
    });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.updateVatInvoiceInfo;
    if (p?.userErrors.length) return setErrors(applyUserErrors(form, p.userErrors));
    message.success(t('vat.saved', { number: target.number }));
    onSaved();
  }

  return (
    <Modal
      open={!!target}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={fetching}
      title={target ? t('vat.editTitle', { number: target.number }) : ''}
      okButtonProps={{ 'data-testid': 'vat-form-submit' }}
    >
      <Alert type="info" showIcon title={t('vat.outOfScope')} style={{ marginBottom: 12 }} />
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="vat-form-errors" />}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item name="kind" label={t('vat.kind')}>
          <Select<VatInvoiceKind> allowClear showSearch={{ optionFilterProp: 'label' }} options={VAT_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'VatInvoiceKind', k) }))} data-testid="vat-form-kind" />
        </Form.Item>
        <Form.Item name="invoiceCode" label={t('vat.invoiceCode')} extra={t('vat.codeHint')}>
          <Input maxLength={12} data-testid="vat-form-code" />
        </Form.Item>
        <Form.Item name="invoiceNumber" label={t('vat.invoiceNumber')} extra={t('vat.numberHint')}>
          <Input maxLength={20} data-testid="vat-form-number" />
        </Form.Item>
        <Form.Item name="buyerTaxId" label={t('vat.buyerTaxId')} extra={t('vat.taxIdHint')}>
          <Input maxLength={18} data-testid="vat-form-taxid" />
        </Form.Item>
        <Form.Item name="issueDate" label={t('vat.issueDate')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
