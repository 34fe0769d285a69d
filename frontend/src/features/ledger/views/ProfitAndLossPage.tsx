import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Space, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { StatutoryIncomeStatementQuery } from '../queries.statements';
import { MappingLink, PrintButton, PrintTitle, StatutoryExportButton, StatutoryTable, type StatutoryColumn, type StatutoryRow } from '../components/StatutoryStatement';
import { Toolbar } from '../../../components/Toolbar';
import { useT } from '../../../i18n';
import { companyToday } from '../../../lib/date';

/** 利润表 (会小企02表) in the statutory layout: 本月金额 and 本年累计金额. */
export default function ProfitAndLossPage() {
  const t = useT();
  // ?month=YYYY-MM, or ?to=YYYY-MM-DD (the KPI drill-downs link with from/to), opens that month.
  const [params] = useSearchParams();
  const [month, setMonth] = useState<Dayjs>(() => {
    const m = params.get('month');
    const to = params.get('to');
    if (m && dayjs(`${m}-01`).isValid()) return dayjs(`${m}-01`);
    if (to && dayjs(to).isValid()) return dayjs(to).startOf('month');
    return companyToday().startOf('month');
  });
  const year = month.year();
  const [{ data, error, fetching }] = useQuery({ query: StatutoryIncomeStatementQuery, variables: { year, month: month.month() + 1 } });
  const is = data?.statutoryIncomeStatement;
  const ym = month.format('YYYY-MM');
  const columns: [StatutoryColumn, StatutoryColumn] = [
    { title: t('stmt.month'), ledgerFrom: ym, ledgerTo: ym },
    { title: t('stmt.yearToDate'), ledgerFrom: `${year}-01`, ledgerTo: ym },
  ];
  const rows: StatutoryRow[] = (is?.lines ?? []).map((l, i) => ({
    ...l,
    key: `${i}`,
    first: l.month,
    second: l.yearToDate,
    accounts: l.accounts.map((a) => ({ account: a.account, first: a.month, second: a.yearToDate })),
  }));

  return (
    <Card>
      <Toolbar>
        <Space className="stmt-no-print">
          <span>{t('stmt.period')}</span>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d.startOf('month'))} data-testid="stmt-month" />
        </Space>
        <Space className="stmt-no-print">
          <StatutoryExportButton fileName={t('menu.profitAndLoss')} rows={rows} columns={columns} />
          <MappingLink form="INCOME_STATEMENT" />
          <PrintButton />
        </Space>
      </Toolbar>
      <PrintTitle title={t('menu.profitAndLoss')} formNo={t('stmt.isFormNo')} period={`${t('stmt.asOfPeriod', { year, month: month.month() + 1 })} · ${t('stmt.unit')}`} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {fetching && !is && <Spin />}
      {is && <StatutoryTable rows={rows} columns={columns} itemTitle={t('stmt.item')} testId="is" />}
    </Card>
  );
}
