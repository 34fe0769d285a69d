import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AccountLedgerQuery as ALResult, GeneralLedgerQuery as GLResult } from '../../../gql/graphql';
import { AccountsQuery } from '../queries';
import { AccountLedgerQuery, GeneralLedgerQuery } from '../queriesBooks';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { accountLabel } from '../accountLabel';
import { JournalEntryDrawer, SourceLabel } from '../components/JournalEntryDetail';
import { BalanceDirectionTag, monthParam, parseMonthParam, voucherPath } from '../components/LedgerBalance';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useLocalName, useT } from '../../../i18n';
import { companyToday, isoDate } from '../../../lib/date';

type Line = ALResult['accountLedger']['nodes'][number];
type Balance = Line['balance'];
/** A row of the sub-ledger table: a journal line, or the opening or closing line around them. */
type LedgerRow = { key: string; kind: 'opening' | 'closing'; balance: Balance; debit?: string; credit?: string } | ({ key: string; kind: 'line' } & Line);

/** 总账/明细账: an account's sub-ledger line by line with its running balance, and its general ledger month by month. */
export default function AccountLedgerPage() {
  const t = useT();
  const localName = useLocalName();
  const [params, setParams] = useSearchParams();
  const account = params.get('account') ?? '';
  const thisMonth = companyToday().startOf('month');
  const fromM = parseMonthParam(params.get('from'), thisMonth);
  const toM = parseMonthParam(params.get('to'), fromM);
  const tab = params.get('tab') === 'general' ? 'general' : 'detail';
  const openId = params.get('entry');
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: {} });

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('books.pickAccount')}
            style={{ width: 280 }}
            value={account || undefined}
            onChange={(v) => set({ account: v, entry: undefined })}
            options={(accts?.accounts ?? []).map((a) => ({ value: a.code, label: accountLabel(a, localName) }))}
            data-testid="ledger-account"
          />
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[fromM, toM]}
            onChange={(v) => v?.[0] && v[1] && set({ from: monthParam(v[0]), to: monthParam(v[1]), entry: undefined })}
            data-testid="ledger-range"
          />
        </Space>
      </Toolbar>
      {!account ? (
        <Empty description={t('books.noAccount')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set({ tab: k === 'general' ? 'general' : undefined })}
          items={[
            {
              key: 'detail',
              label: t('books.subLedger'),
              children: <SubLedger account={account} from={isoDate(fromM)} to={isoDate(toM.endOf('month'))} onOpen={(id) => set({ entry: id })} />,
            },
            {
              key: 'general',
              label: t('books.generalLedger'),
              children: <GeneralLedger account={account} from={fromM} to={toM} />,
            },
          ]}
        />
      )}
      <JournalEntryDrawer id={openId} onClose={() => set({ entry: undefined })} onChanged={() => undefined} />
    </Card>
  );
}

function BalanceCells({ balance }: { balance: Balance }) {
  return (
    <Space>
      <BalanceDirectionTag direction={balance.direction} />
      <Amount value={balance.amount} strong />
    </Space>
  );
}

function SubLedger({ account, from, to, onOpen }: { account: string; from: string; to: string; onOpen: (entryId: string) => void }) {
  const t = useT();
  const localName = useLocalName();
  const list = usePagedQuery({
    query: AccountLedgerQuery,
    variables: { accountCode: account, from, to },
    connection: (d) => d.accountLedger,
    pageSize: 50,
  });
  const l = list.data?.accountLedger;
  const rows = useMemo<LedgerRow[]>(() => {
    if (!l) return [];
    const out: LedgerRow[] = [];
    if (list.paging.page === 1) out.push({ key: 'opening', kind: 'opening', balance: l.opening });
    for (const n of l.nodes) out.push({ key: n.id, kind: 'line', ...n });
    if (!l.pageInfo.hasNextPage) out.push({ key: 'closing', kind: 'closing', balance: l.closing, debit: l.periodDebit, credit: l.periodCredit });
    return out;
  }, [l, list.paging.page]);
  return (
    <PagedTable<LedgerRow>
      list={list as never}
      rowKey="key"
      size="small"
      dataSource={rows}
      data-testid="ledger-table"
      onRow={(r) => ({ 'data-testid': r.kind === 'line' ? `ledger-line-${r.id}` : `ledger-${r.kind}` }) as object}
      showSizeChanger
      sizes
      columns={[
        { title: t('books.date'), width: 110, render: (_, r) => (r.kind === 'line' ? r.postingDate : r.kind === 'opening' ? from : to) },
        {
          title: t('books.voucherNo'),
          width: 150,
          render: (_, r) =>
            r.kind === 'line' && (
              <Link to={voucherPath(r.entry.id)} data-testid={`ledger-voucher-${r.id}`}>
                {r.voucherNo}
              </Link>
            ),
        },
        {
          title: t('books.summary'),
          render: (_, r) =>
            r.kind === 'line' ? r.description : <strong>{t(r.kind === 'opening' ? 'books.openingLine' : 'books.periodTotal')}</strong>,
        },
        { title: t('ledger.account'), render: (_, r) => (r.kind === 'line' && r.account.code !== account ? accountLabel(r.account, localName) : '') },
        {
          title: t('books.source'),
          render: (_, r) =>
            r.kind === 'line' && (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.entry.id)} data-testid={`ledger-source-${r.id}`}>
                <SourceLabel source={r.source} />
              </Button>
            ),
        },
        { title: t('books.debit'), align: 'right', render: (_, r) => (r.debit && r.debit !== '0' ? <Amount value={r.debit} strong={r.kind !== 'line'} /> : '') },
        { title: t('books.credit'), align: 'right', render: (_, r) => (r.credit && r.credit !== '0' ? <Amount value={r.credit} strong={r.kind !== 'line'} /> : '') },
        { title: t('books.balance'), align: 'right', render: (_, r) => <BalanceCells balance={r.balance} /> },
      ]}
    />
  );
}

type Month = GLResult['generalLedger']['months'][number];
type GLRow = { key: string; period: string; label: string; debit?: string; credit?: string; balance: Balance };

function GeneralLedger({ account, from, to }: { account: string; from: Dayjs; to: Dayjs }) {
  const t = useT();
  const [{ data, error, fetching }] = useQuery({
    query: GeneralLedgerQuery,
    variables: { accountCode: account, fromYear: from.year(), fromMonth: from.month() + 1, toYear: to.year(), toMonth: to.month() + 1 },
  });
  const g = data?.generalLedger;
  // Kingdee's layout: the opening line, then per month 本期合计 and 本年累计.
  const rows: GLRow[] = [];
  if (g) {
    const period = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;
    if (g.months.length) rows.push({ key: 'opening', period: period(g.months[0]), label: t('books.openingLine'), balance: g.opening });
    for (const m of g.months) {
      rows.push({ key: `${period(m)}-p`, period: period(m), label: t('books.periodTotal'), debit: m.debit, credit: m.credit, balance: m.closing });
      rows.push({ key: `${period(m)}-y`, period: period(m), label: t('books.yearTotal'), debit: m.yearDebit, credit: m.yearCredit, balance: m.closing });
    }
  }
  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<GLRow>
        rowKey="key"
        size="small"
        loading={fetching && !data}
        pagination={false}
        dataSource={rows}
        data-testid="general-ledger-table"
        onRow={(r) => ({ 'data-testid': `gl-${r.key}` }) as object}
        columns={[
          { title: t('books.month'), dataIndex: 'period', width: 110 },
          { title: t('books.summary'), dataIndex: 'label' },
          { title: t('books.debit'), align: 'right', render: (_, r) => (r.debit != null ? <Amount value={r.debit} /> : '') },
          { title: t('books.credit'), align: 'right', render: (_, r) => (r.credit != null ? <Amount value={r.credit} /> : '') },
          { title: t('books.balance'), align: 'right', render: (_, r) => <BalanceCells balance={r.balance} /> },
        ]}
      />
    </>
  );
}
