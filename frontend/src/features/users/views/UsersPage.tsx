import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UsersQuery as UsersResult } from '../../../gql/graphql';
import { UsersQuery } from '../queries';
import { CreateUserModal } from '../components/CreateUserModal';
import { EditUserModal } from '../components/EditUserModal';
import { useLocale, useT } from '../../../i18n';

type UserRow = UsersResult['users'][number];

export default function UsersPage() {
  const t = useT();
  const [locale] = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: UsersQuery });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);

  const refresh = () => reexecute({ requestPolicy: 'network-only' });

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
            title: t('users.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => new Date(v).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }),
          },
          {
            title: t('users.actions'),
            key: 'actions',
            render: (_, u) => (
              <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
                {t('users.edit')}
              </Button>
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
