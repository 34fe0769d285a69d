import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ApiOutlined, PlusOutlined } from '@ant-design/icons';
import type { MyApiTokensQuery as TokensResult } from '../../../gql/graphql';
import { MyApiTokensQuery } from '../queries';
import { CreateApiTokenMutation, RevokeApiTokenMutation } from '../mutations';
import { SecretModal } from '../components/SecretModal';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useLocale, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

type TokenRow = TokensResult['myApiTokens'][number];

export default function TokensPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: MyApiTokensQuery });
  const [{ fetching: creating }, createToken] = useMutation(CreateApiTokenMutation);
  const [, revokeToken] = useMutation(RevokeApiTokenMutation);
  const [secret, setSecret] = useState<string | null>(null);
  const [general, setGeneral] = useState<string[]>([]);

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const fmt = (v: string | null | undefined) =>
    v ? formatDateTime(v, locale) : t('tokens.never');

  async function create({ name }: { name: string }) {
    setGeneral([]);
    const res = await createToken({ name: name.trim() });
    if (res.error) {
      setGeneral([res.error.message]);
      return;
    }
    const payload = res.data?.createApiToken;
    if (payload?.secret) {
      setSecret(payload.secret);
      form.resetFields();
      refresh();
      return;
    }
    setGeneral(applyUserErrors(form, payload?.userErrors ?? []));
  }

  async function revoke(row: TokenRow) {
    const res = await revokeToken({ id: row.id });
    const errs = res.error ? [res.error.message] : (res.data?.revokeApiToken.userErrors ?? []).map((e) => e.message);
    if (errs.length) message.error(errs.join('; '));
    refresh();
  }

  return (
    <Card
      extra={
        <Button icon={<ApiOutlined />} href="/graphiql" target="_blank">
          {t('tokens.openGraphiql')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="inline" onFinish={create} style={{ marginBottom: 16 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}>
          <Input placeholder={t('tokens.name')} style={{ width: 280 }} data-testid="token-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={creating} data-testid="token-create">
          {t('tokens.create')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<TokenRow>
        rowKey="id"
        size="middle"
        loading={fetching && !data}
        dataSource={data?.myApiTokens ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="tokens-table"
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
          { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: fmt },
          { title: t('tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: fmt },
          {
            title: t('tokens.status'),
            key: 'status',
            render: (_, row) =>
              row.revokedAt ? <Tag>{t('tokens.revoked')}</Tag> : <Tag color="green">{t('tokens.active')}</Tag>,
          },
          {
            key: 'actions',
            render: (_, row) =>
              row.revokedAt ? null : (
                <Space>
                  <Popconfirm title={t('tokens.revokeConfirm', { name: row.name })} onConfirm={() => revoke(row)}>
                    <Button size="small" danger data-testid={`token-revoke-${row.id}`}>
                      {t('tokens.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
