import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Alert, Button, Form, Input, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginMutation } from '../mutations';
import { errorCode } from '../../../graphql/errors';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useResetGraphQL } from '../../../app/GraphQLProvider';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { localeOfLanguage, useLocale, useT } from '../../../i18n';

interface LoginForm {
  username: string;
  password: string;
}

/** Where to go after signing in: a local path only (no open redirect), never back to /login. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const t = useT();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const resetGraphQL = useResetGraphQL();
  const [, setLocale] = useLocale();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);

  const { token } = theme.useToken();
  const target = safeNext((location.state as { from?: string } | null)?.from ?? new URLSearchParams(location.search).get('next'));

  async function onFinish(values: LoginForm) {
    setError(null);
    const res = await login({ input: { username: values.username.trim(), password: values.password } });
    const payload = res.data?.login;
    if (payload?.user) {
      // The language the user saved sets the screens' language.
      const saved = localeOfLanguage(payload.user.language);
      if (saved) setLocale(saved);
      if (!target.startsWith('/graphiql')) {
        resetGraphQL();
        navigate(target, { replace: true });
      } else {
        // GraphiQL is its own page, outside the SPA.
        window.location.assign(target);
      }
      return;
    }
    if (res.error) {
      const code = errorCode(res.error);
      setError(code === 'THROTTLED' ? t('login.throttled') : code === 'NETWORK' ? res.error.message : t('app.internalError'));
      return;
    }
    // Wrong credentials: one message, in the screen's language, above the form (not again under the password).
    const errors = payload?.userErrors ?? [];
    if (errors.length === 0 || errors.some((e) => e.code === 'INVALID')) {
      setError(t('login.failed'));
      return;
    }
    const general = applyUserErrors(form, errors);
    setError(general.length ? general.join('; ') : null);
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e8eef8 0%, #f6f8fb 100%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      {/* A plain box, not antd Card/Typography: keeps the first bundle small. */}
      <div
        style={{
          width: 380,
          maxWidth: '100%',
          padding: 32,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <h1 style={{ textAlign: 'center', marginTop: 0, fontSize: 24, fontWeight: 600 }} data-testid="login-title">
          {t('login.title')}
        </h1>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={fetching}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fetching} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <p style={{ marginTop: 16, marginBottom: 0, color: token.colorTextSecondary }} data-testid="demo-hint">
          {t('login.demoHint')}
        </p>
      </div>
    </div>
  );
}
