import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AccountType, AccountsQuery as AccountsResult } from '../../../gql/graphql';
import { AccountsQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { useCan } from '../../../app/session';
import { AccountDialog, type AccountDialogMode } from '../components/AccountDialog';

type Account = AccountsResult['accounts'][number];
type TreeRow = Account & { children?: TreeRow[] };
export const ACCOUNT_TYPES: AccountType[] = ['ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE'];

/** Nests sub-accounts under their group account. */
function toTree(accounts: readonly Account[]): TreeRow[] {
  const byCode = new Map<string, TreeRow>(accounts.map((a) => [a.code, { ...a }]));
  const roots: TreeRow[] = [];
  for (const row of byCode.values()) {
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export default function AccountsPage() {
  const t = useT();
  const localName = useLocalName();
  const [asOf, setAsOf] = useState<Dayjs | null>(companyToday());
  const [type, setType] = useState<AccountType>();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: AccountsQuery,
    variables: { asOf: asOf ? isoDate(asOf) : null, filter: type ? { type } : null },
  });
  const canWrite = useCan(['FINANCE']);
  const [dialog, setDialog] = useState<AccountDialogMode | null>(null);
  const accounts = useMemo(() => data?.accounts ?? [], [data]);
  const tree = useMemo(() => toTree(accounts), [accounts]);

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <span>{t('ledger.asOf')}</span>
          <DatePicker value={asOf} onChange={setAsOf} allowClear data-testid="accounts-asof" />
          <Select
            allowClear
            placeholder={t('ledger.accountType')}
            style={{ width: 160 }}
            value={type}
            onChange={setType}
            options={ACCOUNT_TYPES.map((v) => ({ value: v, label: t(`accountType.${v}`) }))}
          />
        </Space>
        <ExportButton
          fileName={t('menu.accounts')}
          fetchRows={loadedRows(accounts)}
          columns={[
            { header: t('ledger.code'), value: (a: Account) => a.code, width: 12 },
            { header: t('ledger.account'), value: (a: Account) => localName(a), width: 28 },
            { header: t('ledger.accountType'), value: (a: Account) => t(`accountType.${a.type}`) },
            { header: t('ledger.debit'), value: (a: Account) => ({ decimal: a.debit }) },
            { header: t('ledger.credit'), value: (a: Account) => ({ decimal: a.credit }) },
            { header: t('ledger.balance'), value: (a: Account) => ({ decimal: a.balance }) },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<TreeRow>
        rowKey="code"
        size="small"
        loading={fetching && !data}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        key={tree.length}
        data-testid="accounts-table"
        columns={[
          { title: t('ledger.code'), dataIndex: 'code', width: 160 },
          {
            title: t('ledger.account'),
            render: (_, a) => (
              <Space size={4}>
                {localName(a)}
                {a.header && <Tag>{t('ledger.groupAccount')}</Tag>}
                {!a.manualPosting && !a.header && <Tag color="purple">{t('ledger.controlAccount')}</Tag>}
                {!a.active && <Tag>{t('common.inactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('ledger.accountType'), render: (_, a) => t(`accountType.${a.type}`) },
          { title: t('accounts.direction'), width: 70, render: (_, a) => t(`direction.${a.direction}`) },
          {
            title: t('accounts.dimensions'),
            render: (_, a) => (
              <Space size={2} wrap>
                {a.dimensions.map((d) => (
                  <Tag key={d} color="blue">
                    {t(`dimension.${d}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('ledger.debit'), align: 'right', render: (_, a) => <Amount value={a.debit} /> },
          { title: t('ledger.credit'), align: 'right', render: (_, a) => <Amount value={a.credit} /> },
          { title: t('ledger.balance'), align: 'right', render: (_, a) => <Amount value={a.balance} strong /> },
          ...(canWrite
            ? [
                {
                  title: '',
                  width: 190,
                  render: (_: unknown, a: TreeRow) => (
                    <Space size={0}>
                      <Button type="link" size="small" data-testid={`account-sub-${a.code}`} onClick={() => setDialog({ kind: 'sub', parent: a })}>
                        {t('accounts.addSub')}
                      </Button>
                      <Button type="link" size="small" data-testid={`account-edit-${a.code}`} onClick={() => setDialog({ kind: 'edit', account: a })}>
                        {t('accounts.edit')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AccountDialog
        mode={dialog}
        onClose={(changed) => {
          setDialog(null);
          if (changed) refetch({ requestPolicy: 'network-only' });
        }}
      />
    </Card>
  );
}
