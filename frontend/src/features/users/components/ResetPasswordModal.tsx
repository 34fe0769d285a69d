import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import type { UsersQuery } from '../../../gql/graphql';
import { SetPasswordMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useT } from '../../../i18n';

type UserRow = UsersQuery['users'][number];

/** An administrator sets another user's password; the server ends all of that user's sessions and tokens. */
export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [{ fetching }, setPassword] = useMutation(SetPasswordMutation);
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (user) {
      form.resetFields();
      setGeneral([]);
    }
  }, [user, form]);

  async function submit() {
    if (!user) return;
    const { password } = await form.validateFields();
    const res = await setPassword({ input: { id: user.id, password } });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.setPassword;
    if (payload?.ok) {
      message.success(t('users.resetDone', { username: user.username }));
      onClose();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { username: user.username }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('users.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'user-reset-submit' }}
      forceRender
    >
      {user && <Typography.Paragraph type="secondary">{t('users.resetIntro', { username: user.username })}</Typography.Paragraph>}
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="user-reset-form">
        <Form.Item name="password" label={t('password.new')} rules={[{ required: true, min: 4, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
