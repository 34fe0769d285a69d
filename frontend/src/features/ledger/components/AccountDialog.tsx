import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App as AntApp, Form, Input, Modal, Select, Switch } from 'antd';
import type { AccountDirection, AccountType, Dimension } from '../../../gql/graphql';
import { CreateAccountMutation, UpdateAccountMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';

export const DIMENSIONS: Dimension[] = ['CUSTOMER', 'SUPPLIER', 'DEPARTMENT', 'PRODUCT', 'WAREHOUSE', 'SALESPERSON'];
const DIRECTIONS: AccountDirection[] = ['DEBIT', 'CREDIT'];

/** The account a dialog works on. */
export interface DialogAccount {
  code: string;
  name: string;
  nameEn: string;
  type: AccountType;
  active: boolean;
  direction: AccountDirection;
  dimensions: readonly Dimension[];
}

/** What the dialog does: add a sub-account under an account, or change an account's settings. */
export type AccountDialogMode = { kind: 'sub'; parent: DialogAccount } | { kind: 'edit'; account: DialogAccount };

interface Values {
  code?: string;
  name: string;
  nameEn?: string;
  direction: AccountDirection;
  dimensions: Dimension[];
  active?: boolean;
}

/** Adds a sub-account (2241.01 under 2241) or sets an account's name, direction, dimensions and active flag. */
export function AccountDialog({ mode, onClose }: { mode: AccountDialogMode | null; onClose: (changed: boolean) => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string[]>([]);
  const [created, create] = useMutation(CreateAccountMutation);
  const [updated, update] = useMutation(UpdateAccountMutation);

  useEffect(() => {
    if (!mode) return;
    setGeneral([]);
    form.resetFields();
    if (mode.kind === 'sub') {
      form.setFieldsValue({ code: `${mode.parent.code}.`, name: `${mode.parent.name}-`, nameEn: '', direction: mode.parent.direction, dimensions: [...mode.parent.dimensions] });
    } else {
      const a = mode.account;
      form.setFieldsValue({ name: a.name, nameEn: a.nameEn, direction: a.direction, dimensions: [...a.dimensions], active: a.active });
    }
  }, [mode, form]);

  async function submit() {
    if (!mode) return;
    const v = await form.validateFields();
    const res =
      mode.kind === 'sub'
        ? (await create({ input: { code: v.code ?? '', name: v.name, nameEn: v.nameEn || null, type: mode.parent.type, parentCode: mode.parent.code, direction: v.direction, dimensions: v.dimensions } })).data?.createAccount
        : (await update({ input: { code: mode.account.code, name: v.name, nameEn: v.nameEn ?? null, direction: v.direction, dimensions: v.dimensions, active: v.active } })).data?.updateAccount;
    if (!res) return;
    if (res.userErrors.length) {
      setGeneral(applyUserErrors(form, res.userErrors));
      return;
    }
    message.success(t('accounts.saved'));
    onClose(true);
  }

  return (
    <Modal
      open={!!mode}
      title={mode?.kind === 'sub' ? t('accounts.subOf', { parent: `${mode.parent.code} ${mode.parent.name}` }) : mode ? `${mode.account.code} ${mode.account.name}` : ''}
      onCancel={() => onClose(false)}
      onOk={submit}
      confirmLoading={created.fetching || updated.fetching}
      destroyOnHidden
      data-testid="account-dialog"
    >
      {general.map((g) => (
        <Alert key={g} type="error" showIcon title={g} style={{ marginBottom: 12 }} />
      ))}
      <Form form={form} layout="vertical">
        {mode?.kind === 'sub' && (
          <Form.Item name="code" label={t('accounts.code')} rules={[{ required: true }]}>
            <Input data-testid="account-code" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('accounts.name')} rules={[{ required: true }]}>
          <Input data-testid="account-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('accounts.nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="direction" label={t('accounts.direction')}>
          <Select data-testid="account-direction" options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
        </Form.Item>
        <Form.Item name="dimensions" label={t('accounts.dimensions')}>
          <Select mode="multiple" allowClear data-testid="account-dimensions" options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))} />
        </Form.Item>
        {mode?.kind === 'edit' && (
          <Form.Item name="active" label={t('accounts.active')} valuePropName="checked">
            <Switch data-testid="account-active" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
