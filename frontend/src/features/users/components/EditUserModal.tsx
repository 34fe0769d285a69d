import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import type { Role, UsersQuery } from '../../../gql/graphql';
import { UpdateUserMutation } from '../mutations';
import { RoleCheckboxes } from './RoleCheckboxes';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';

type UserRow = UsersQuery['users'][number];

interface EditUserForm {
  displayName: string;
  roles: Role[];
  active: boolean;
}

export function EditUserModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditUserForm>();
  const [{ fetching }, updateUser] = useMutation(UpdateUserMutation);
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (user) {
      form.setFieldsValue({ displayName: user.displayName, roles: [...user.roles], active: user.active });
      setGeneral([]);
    }
  }, [user, form]);

  async function submit() {
    if (!user) return;
    const values = await form.validateFields();
    const res = await updateUser({
      input: { id: user.id, displayName: values.displayName.trim(), roles: values.roles, active: values.active },
    });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.updateUser;
    if (payload?.user) {
      message.success(t('users.updated', { username: payload.user.username }));
      onClose();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  return (
    <Modal
      open={!!user}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      okText={t('users.save')}
      cancelText={t('users.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="user-edit-form">
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input autoComplete="off" data-testid="user-edit-displayName" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
          <RoleCheckboxes />
        </Form.Item>
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch data-testid="user-edit-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
