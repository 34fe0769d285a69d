import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { SetPasswordMutation } from '../mutations';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useMe } from '../../../app/session';
import { useT } from '../../../i18n';

interface PasswordForm {
  currentPassword: string;
  password: string;
  confirm: string;
}

/** Changes the signed-in user's own password; the server ends their other sessions and tokens. */
export default function PasswordPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [{ fetching }, setPassword] = useMutation(SetPasswordMutation);
  const [general, setGeneral] = useState<string[]>([]);

  async function submit(values: PasswordForm) {
    setGeneral([]);
    const res = await setPassword({
      input: { id: me.id, currentPassword: values.currentPassword, password: values.password },
    });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.setPassword;
    if (payload?.ok) {
      message.success(t('password.changed'));
      form.resetFields();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Paragraph type="secondary">{t('password.intro')}</Typography.Paragraph>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="password" label={t('password.new')} rules={[{ required: true, min: 4, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
