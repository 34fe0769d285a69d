import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { Role } from '../../../gql/graphql';
import { CreateUserMutation } from '../mutations';
import { RoleCheckboxes } from './RoleCheckboxes';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';

interface CreateUserForm {
  username: string;
  displayName?: string;
  password: string;
  roles: Role[];
}

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserForm>();
  const [{ fetching }, createUser] = useMutation(CreateUserMutation);
  const [general, setGeneral] = useState<string[]>([]);

  async function submit() {
    const values = await form.validateFields();
    setGeneral([]);
    const res = await createUser({
      input: {
        username: values.username.trim(),
        displayName: values.displayName?.trim() || null,
        password: values.password,
        roles: values.roles,
      },
    });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.createUser;
    if (payload?.user) {
      message.success(t('users.created', { username: payload.user.username }));
      form.resetFields();
      onCreated();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('users.save')}
      cancelText={t('users.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ roles: [] }} data-testid="user-create-form">
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, message: t('users.usernameRequired') }]}>
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input autoComplete="off" data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true, message: t('users.passwordRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
          <RoleCheckboxes />
        </Form.Item>
      </Form>
    </Modal>
  );
}
