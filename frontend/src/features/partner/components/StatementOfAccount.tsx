import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, DatePicker, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { PartnerStatementFieldsFragment } from '../../../gql/graphql';
import { CustomerStatementQuery, SupplierStatementQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { isoDate, companyToday } from '../../../lib/date';
import { enumLabel, useT } from '../../../i18n';

/** A posting with its position, which is its key (one entry may post twice to the same account). */
type Line = PartnerStatementFieldsFragment['lines'][number] & { key: number };

/** The statement's table: balance brought forward, the postings, and the totals with the balance carried forward. */
export function StatementTable({ s, loading }: { s: PartnerStatementFieldsFragment | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Table<Line>
      size="small"
      rowKey="key"
      loading={loading}
      pagination={false}
      dataSource={(s?.lines ?? []).map((l, key) => ({ ...l, key }))}
      data-testid="statement-lines"
      title={() => s && <Typography.Text>{t('statement.openingOn', { date: s.from })} <Amount value={s.opening} strong testId="statement-opening" /></Typography.Text>}
      columns={[
        { title: t('statement.date'), width: 110, render: (_, l) => l.date },
        { title: t('journal.entry'), width: 150, render: (_, l) => <Link to={`/finance/journal?entry=${l.entryId}`}>{l.voucherNo}</Link> },
        { title: t('statement.source'), render: (_, l) => enumLabel(t, 'source', l.source.type) },
        { title: t('statement.document'), width: 140, render: (_, l) => <span data-testid="statement-document">{l.source.number ?? ''}</span> },
        { title: t('ledger.account'), width: 90, render: (_, l) => l.accountCode },
        { title: t('common.description'), render: (_, l) => l.description },
        { title: t('ledger.debit'), align: 'right', render: (_, l) => <Amount value={l.debit} /> },
        { title: t('ledger.credit'), align: 'right', render: (_, l) => <Amount value={l.credit} /> },
        { title: t('ledger.balance'), align: 'right', render: (_, l) => <Amount value={l.balance} /> },
      ]}
      summary={() =>
        s ? (
          <TotalsRow
            label={<strong>{t('statement.closingOn', { date: s.to })}</strong>}
            span={6}
            cells={[<Amount value={s.debit} strong />, <Amount value={s.credit} strong />, <Amount value={s.closing} strong testId="statement-closing" />]}
          />
        ) : null
      }
    />
  );
}

/**
 * A customer's or supplier's statement of account (对账单) from the ledger for
 * a date range (this year to date unless changed): what they owe us, or what
 * we owe them, posting by posting.
 */
export function StatementOfAccount({ kind, id, printable }: { kind: 'customer' | 'supplier'; id: string; /** Links the printable statement (a finance screen). */ printable?: boolean }) {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [companyToday().startOf('year'), companyToday()]);
  const variables = { id, from: isoDate(range[0]), to: isoDate(range[1]) };
  const [customer] = useQuery({ query: CustomerStatementQuery, variables, pause: kind !== 'customer', requestPolicy: 'cache-and-network' });
  const [supplier] = useQuery({ query: SupplierStatementQuery, variables, pause: kind !== 'supplier', requestPolicy: 'cache-and-network' });
  const res = kind === 'customer' ? customer : supplier;
  const s = kind === 'customer' ? customer.data?.customer?.statement : supplier.data?.supplier?.statement;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="statement">
      <Space wrap>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        {printable && (
          <Link to={`/finance/statement?kind=${kind}&id=${id}&from=${variables.from}&to=${variables.to}`} data-testid="statement-printable">
            <Button icon={<PrinterOutlined />}>{t('statement.printable')}</Button>
          </Link>
        )}
      </Space>
      {res.error && <Alert type="error" showIcon title={res.error.message} />}
      <StatementTable s={s} loading={res.fetching} />
    </Space>
  );
}
