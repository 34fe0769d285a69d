import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Checkbox, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AccountBalancesQuery as ABResult } from '../../../gql/graphql';
import { AccountBalancesQuery } from '../queriesBooks';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useLocalName, useT } from '../../../i18n';
import { companyToday } from '../../../lib/date';
import { BalanceDirectionTag, ledgerPath, monthParam, parseMonthParam } from '../components/LedgerBalance';

type Row = ABResult['accountBalances']['rows'][number];

/** 科目余额表: opening, period movement, year to date and closing of every account over a range of periods, with 借/贷 directions and balancing totals. */
export default function AccountBalancesPage() {
  const t = useT();
  const localName = useLocalName();
  // The range, level and filter live in the URL (?from=2026-01&to=2026-03&level=1&account=2221&all=1),
  // so statements and shared links open the balances as they were.
  const [params, setParams] = useSearchParams();
  const fromM = parseMonthParam(params.get('from'), companyToday().startOf('month'));
  const range: [Dayjs, Dayjs] = [fromM, parseMonthParam(params.get('to'), fromM)];
  const level = Math.min(4, Math.max(1, Number(params.get('level')) || 4));
  const prefix = params.get('account') ?? '';
  const hideEmpty = params.get('all') !== '1';
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
  const setRange = (r: [Dayjs, Dayjs]) => set({ from: monthParam(r[0]), to: monthParam(r[1]) });
  const setLevel = (n: number) => set({ level: n === 4 ? undefined : String(n) });
  const setPrefix = (v: string) => set({ account: v || undefined });
  const setHideEmpty = (v: boolean) => set({ all: v ? undefined : '1' });
  const [{ data, error, fetching }] = useQuery({
    query: AccountBalancesQuery,
    variables: {
      fromYear: range[0].year(),
      fromMonth: range[0].month() + 1,
      toYear: range[1].year(),
      toMonth: range[1].month() + 1,
      level,
      accountCode: prefix.trim() || undefined,
      hideEmpty,
    },
  });
  const ab = data?.accountBalances;
  const from = monthParam(range[0]);
  const to = monthParam(range[1]);
  const toLedger = (code: string) => ledgerPath(code, from, to);
  const side = (b: Row['opening']) => t(`books.dir.${b.direction}`);

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <span>{t('books.periodRange')}</span>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            data-testid="ab-range"
          />
          <Select
            value={level}
            onChange={setLevel}
            style={{ width: 100 }}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('books.levelN', { n: String(n) }) }))}
            data-testid="ab-level"
          />
          <Input
            allowClear
            placeholder={t('books.accountPrefix')}
            style={{ width: 140 }}
            value={prefix}
            onChange={(e) => setPrefix(e.target.value)}
            data-testid="ab-prefix"
          />
          <Checkbox checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)}>
            {t('books.hideEmpty')}
          </Checkbox>
          {ab &&
            (ab.totals.balanced ? (
              <Tag color="green" data-testid="tb-balanced">
                {t('books.balanced')}
              </Tag>
            ) : (
              <Tag color="red" data-testid="tb-unbalanced">
                {t('books.unbalanced')}
              </Tag>
            ))}
        </Space>
        <ExportButton
          fileName={t('menu.trialBalance')}
          fetchRows={loadedRows(ab?.rows ?? [])}
          columns={[
            { header: t('ledger.code'), value: (r: Row) => r.account.code, width: 12 },
            { header: t('ledger.account'), value: (r: Row) => localName(r.account), width: 28 },
            { header: `${t('books.opening')} ${t('books.direction')}`, value: (r: Row) => side(r.opening) },
            { header: `${t('books.opening')} ${t('books.amount')}`, value: (r: Row) => ({ decimal: r.opening.amount, format: 'money' as const }) },
            { header: `${t('books.period')} ${t('books.debit')}`, value: (r: Row) => ({ decimal: r.periodDebit, format: 'money' as const }) },
            { header: `${t('books.period')} ${t('books.credit')}`, value: (r: Row) => ({ decimal: r.periodCredit, format: 'money' as const }) },
            { header: `${t('books.year')} ${t('books.debit')}`, value: (r: Row) => ({ decimal: r.yearDebit, format: 'money' as const }) },
            { header: `${t('books.year')} ${t('books.credit')}`, value: (r: Row) => ({ decimal: r.yearCredit, format: 'money' as const }) },
            { header: `${t('books.closing')} ${t('books.direction')}`, value: (r: Row) => side(r.closing) },
            { header: `${t('books.closing')} ${t('books.amount')}`, value: (r: Row) => ({ decimal: r.closing.amount, format: 'money' as const }) },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey={(r) => r.account.code}
        size="small"
        bordered
        loading={fetching && !data}
        dataSource={ab?.rows ?? []}
        pagination={false}
        data-testid="account-balances-table"
        onRow={(r) => ({ 'data-testid': `ab-row-${r.account.code}` }) as object}
        columns={[
          {
            title: t('ledger.code'),
            width: 130,
            render: (_, r) => (
              <Link to={toLedger(r.account.code)} style={{ paddingLeft: (r.level - 1) * 12 }} data-testid={`ab-open-${r.account.code}`}>
                {r.account.code}
              </Link>
            ),
          },
          { title: t('ledger.account'), render: (_, r) => localName(r.account) },
          {
            title: t('books.opening'),
            children: [
              { title: t('books.direction'), align: 'center', width: 50, render: (_, r) => <BalanceDirectionTag direction={r.opening.direction} /> },
              { title: t('books.amount'), align: 'right', render: (_, r) => <Amount value={r.opening.amount} /> },
            ],
          },
          {
            title: t('books.period'),
            children: [
              { title: t('books.debit'), align: 'right', render: (_, r) => <Link to={toLedger(r.account.code)}><Amount value={r.periodDebit} /></Link> },
              { title: t('books.credit'), align: 'right', render: (_, r) => <Link to={toLedger(r.account.code)}><Amount value={r.periodCredit} /></Link> },
            ],
          },
          {
            title: t('books.year'),
            children: [
              { title: t('books.debit'), align: 'right', render: (_, r) => <Amount value={r.yearDebit} /> },
              { title: t('books.credit'), align: 'right', render: (_, r) => <Amount value={r.yearCredit} /> },
            ],
          },
          {
            title: t('books.closing'),
            children: [
              { title: t('books.direction'), align: 'center', width: 50, render: (_, r) => <BalanceDirectionTag direction={r.closing.direction} /> },
              {
                title: t('books.amount'),
                align: 'right',
                render: (_, r) => (
                  <Link to={toLedger(r.account.code)}>
                    <Amount value={r.closing.amount} strong />
                  </Link>
                ),
              },
            ],
          },
        ]}
        summary={() =>
          ab && (
            <Table.Summary fixed>
              {(['DEBIT', 'CREDIT'] as const).map((dir) => {
                const debit = dir === 'DEBIT';
                const tt = ab.totals;
                const tid = debit ? 'debit' : 'credit';
                return (
                  <Table.Summary.Row key={dir}>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <strong>
                        {t('books.total')} ({t(`books.dir.${dir}`)})
                      </strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="center">
                      {t(`books.dir.${dir}`)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      <Amount value={debit ? tt.openingDebit : tt.openingCredit} strong testId={`ab-total-opening-${tid}`} />
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {debit && <Amount value={tt.periodDebit} strong testId="ab-total-period-debit" />}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {!debit && <Amount value={tt.periodCredit} strong testId="ab-total-period-credit" />}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      {debit && <Amount value={tt.yearDebit} strong />}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      {!debit && <Amount value={tt.yearCredit} strong />}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={8} align="center">
                      {t(`books.dir.${dir}`)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={9} align="right">
                      <Amount value={debit ? tt.closingDebit : tt.closingCredit} strong testId={debit ? 'tb-total-debit' : 'tb-total-credit'} />
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                );
              })}
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
