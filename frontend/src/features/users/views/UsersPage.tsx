import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SignInLockoutsQuery as LockoutsResult, UsersQuery as UsersResult } from '../../../gql/graphql';
import { SignInLockoutsQuery, UsersQuery } from '../queries';
import { ClearSignInLockoutMutation } from '../mutations';
import { CreateUserModal } from '../components/CreateUserModal';
import { EditUserModal } from '../components/EditUserModal';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { useLocale, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

type UserRow = UsersResult['users'][number];
type Lockout = LockoutsResult['signInLockouts'][number];

export default function UsersPage() {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersQuery });
  const [{ data: lockoutData }, reexecuteLockouts] = useQuery({ query: SignInLockoutsQuery });
  const [, clearLockout] = useMutation(ClearSignInLockoutMutation);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);

  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteLockouts({ requestPolicy: 'network-only' });
  };
  const fmt = (v: string) => formatDateTime(v, locale);
  const lockoutsOf = (username: string): Lockout[] => (lockoutData?.signInLockouts ?? []).filter((l) => l.username === username);

  async function unlock(username: string | null, address: string | null = null) {
    const res = await clearLockout({ input: { username, address } });
    const payload = res.data?.clearSignInLockout;
    if (res.error || !payload || payload.userErrors.length > 0) {
      message.error(res.error?.message ?? payload?.userErrors.map((e) => e.message).join('; ') ?? '');
      return;
    }
    message.success(t('users.unlocked', { username: [username, address].filter(Boolean).join(' @ '), count: String(payload.cleared) }));
    refresh();
  }

  return (
    <Card
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create-open">
          {t('users.create')}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={fetching && !data}
        dataSource={data?.users ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="users-table"
        onRow={(u) => ({ 'data-testid': `user-row-${u.username}` }) as object}
        columns={[
          { title: t('users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: UserRow['roles']) => (
              <Space size={4} wrap>
                {roles.map((r) => (
                  <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                    {t(`role.${r}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>,
          },
          {
            title: t('users.signIn'),
            key: 'signIn',
            render: (_, u) => {
              const locks = lockoutsOf(u.username);
              if (locks.length === 0) return null;
              const detail = locks
                .map((l) => (l.address ? t('users.lockedAt', { address: l.address, until: fmt(l.lockedUntil) }) : t('users.lockedElsewhere', { until: fmt(l.lockedUntil) })))
                .join('; ');
              return (
                <Tooltip title={detail}>
                  <Tag color="orange" data-testid={`user-locked-${u.username}`}>
                    {t('users.locked')}
                  </Tag>
                </Tooltip>
              );
            },
          },
          {
            title: t('users.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => fmt(v),
          },
          {
            title: t('users.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
                  {t('users.edit')}
                </Button>
                <Button size="small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>
                  {t('users.resetPassword')}
                </Button>
                {lockoutsOf(u.username).length > 0 && (
                  <Button size="small" onClick={() => unlock(u.username)} data-testid={`user-unlock-${u.username}`}>
                    {t('users.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          refresh();
        }}
      />
      {(lockoutData?.signInLockouts.length ?? 0) > 0 && (
        <Card type="inner" title={t('users.lockoutsTitle')} style={{ marginTop: 16 }}>
          <Table<Lockout>
            rowKey={(l) => `${l.scope} ${l.username ?? ''} ${l.address ?? ''}`}
            size="small"
            pagination={false}
            dataSource={lockoutData?.signInLockouts ?? []}
            data-testid="lockouts-table"
            columns={[
              { title: t('users.lockoutScope'), dataIndex: 'scope', render: (s: Lockout['scope']) => t(`lockout.${s}`) },
              { title: t('users.username'), dataIndex: 'username' },
              { title: t('users.address'), dataIndex: 'address' },
              { title: t('users.failures'), dataIndex: 'failures' },
              { title: t('users.lockedUntil'), dataIndex: 'lockedUntil', render: (v: string) => fmt(v) },
              {
                title: t('users.actions'),
                key: 'actions',
                render: (_, l) => (
                  <Button size="small" onClick={() => unlock(l.username ?? null, l.address ?? null)}>
                    {t('users.unlock')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <EditUserModal
        user={editing}
        onClose={() => {
          setEditing(null);
          refresh();
        }}
      />
    </Card>
  );
}
