import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TrialBalanceQuery as TBResult } from '../../../gql/graphql';
import { TrialBalanceQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { dec } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

type Row = TBResult['trialBalance']['rows'][number];

export default function TrialBalancePage() {
  const t = useT();
  const localName = useLocalName();
  const [asOf, setAsOf] = useState<Dayjs>(companyToday());
  const [{ data, error, fetching }] = useQuery({ query: TrialBalanceQuery, variables: { asOf: isoDate(asOf) } });
  const tb = data?.trialBalance;
  const balanced = tb && dec(tb.totalDebit).eq(dec(tb.totalCredit));

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('ledger.asOf')}</span>
          <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
          {tb &&
            (balanced ? (
              <Tag color="green" data-testid="tb-balanced">
                {t('ledger.tbBalanced')}
              </Tag>
            ) : (
              <Tag color="red" data-testid="tb-unbalanced">
                {t('ledger.tbUnbalanced')}
              </Tag>
            ))}
        </Space>
        <ExportButton
          fileName={t('menu.trialBalance')}
          fetchRows={loadedRows(tb?.rows ?? [])}
          columns={[
            { header: t('ledger.code'), value: (r: Row) => r.account.code, width: 12 },
            { header: t('ledger.account'), value: (r: Row) => localName(r.account), width: 28 },
            { header: t('ledger.accountType'), value: (r: Row) => t(`accountType.${r.account.type}`) },
            { header: t('ledger.debit'), value: (r: Row) => ({ decimal: r.debit }) },
            { header: t('ledger.credit'), value: (r: Row) => ({ decimal: r.credit }) },
            { header: t('ledger.balance'), value: (r: Row) => ({ decimal: r.balance }) },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey={(r) => r.account.code}
        size="small"
        loading={fetching && !data}
        dataSource={tb?.rows ?? []}
        pagination={false}
        data-testid="trial-balance-table"
        columns={[
          { title: t('ledger.code'), render: (_, r) => r.account.code, width: 140 },
          { title: t('ledger.account'), render: (_, r) => localName(r.account) },
          { title: t('ledger.accountType'), render: (_, r) => t(`accountType.${r.account.type}`) },
          { title: t('ledger.debit'), align: 'right', render: (_, r) => <Amount value={r.debit} /> },
          { title: t('ledger.credit'), align: 'right', render: (_, r) => <Amount value={r.credit} /> },
          { title: t('ledger.balance'), align: 'right', render: (_, r) => <Amount value={r.balance} strong /> },
        ]}
        summary={() =>
          tb && (
            <Table.Summary fixed>
              <TotalsRow
                label={<strong>{t('ledger.total')}</strong>}
                span={3}
                cells={[<Amount value={tb.totalDebit} strong testId="tb-total-debit" />, <Amount value={tb.totalCredit} strong testId="tb-total-credit" />]}
                afterSpan={1}
              />
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
