import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Col, DatePicker, Row, Space, Spin, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { StatutoryBalanceSheetQuery } from '../queries.statements';
import { MappingLink, PrintButton, PrintTitle, StatutoryExportButton, StatutoryTable, type StatutoryColumn, type StatutoryRow } from '../components/StatutoryStatement';
import { Toolbar } from '../../../components/Toolbar';
import { useT } from '../../../i18n';
import { companyToday } from '../../../lib/date';

/** 资产负债表 (会小企01表) in the statutory layout: assets on the left, liabilities and equity on the right. */
export default function BalanceSheetPage() {
  const t = useT();
  // ?month=YYYY-MM opens a month; this month otherwise.
  const [params] = useSearchParams();
  const [month, setMonth] = useState<Dayjs>(() => {
    const m = params.get('month');
    return m && dayjs(`${m}-01`).isValid() ? dayjs(`${m}-01`) : companyToday().startOf('month');
  });
  const year = month.year();
  const [{ data, error, fetching }] = useQuery({ query: StatutoryBalanceSheetQuery, variables: { year, month: month.month() + 1 } });
  const bs = data?.statutoryBalanceSheet;
  const ym = month.format('YYYY-MM');
  const columns: [StatutoryColumn, StatutoryColumn] = [
    { title: t('stmt.closing'), ledgerFrom: `${year}-01`, ledgerTo: ym },
    { title: t('stmt.yearOpening'), ledgerFrom: `${year - 1}-12`, ledgerTo: `${year - 1}-12` },
  ];
  const rows = (side: string): StatutoryRow[] =>
    (bs?.lines ?? [])
      .map((l, i) => ({ ...l, key: `${i}`, first: l.closing, second: l.yearOpening, accounts: l.accounts.map((a) => ({ account: a.account, first: a.closing, second: a.yearOpening })) }))
      .filter((l) => l.side === side);

  return (
    <Card>
      <Toolbar>
        <Space className="stmt-no-print">
          <span>{t('stmt.period')}</span>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d.startOf('month'))} data-testid="stmt-month" />
          {bs && (bs.balanced ? <Tag color="green" data-testid="bs-balanced">{t('stmt.balanced')}</Tag> : <Tag color="red" data-testid="bs-unbalanced">{t('stmt.unbalanced')}</Tag>)}
        </Space>
        <Space className="stmt-no-print">
          <StatutoryExportButton fileName={t('menu.balanceSheet')} rows={[...rows('ASSET'), ...rows('LIABILITY_EQUITY')]} columns={columns} />
          <MappingLink form="BALANCE_SHEET" />
          <PrintButton />
        </Space>
      </Toolbar>
      <PrintTitle title={t('menu.balanceSheet')} formNo={t('stmt.bsFormNo')} period={`${t('stmt.asOfPeriod', { year, month: month.month() + 1 })} · ${t('stmt.unit')}`} />
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {fetching && !bs && <Spin />}
      {bs && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <StatutoryTable rows={rows('ASSET')} columns={columns} itemTitle={t('stmt.assets')} testId="bs" />
          </Col>
          <Col xs={24} xl={12}>
            <StatutoryTable rows={rows('LIABILITY_EQUITY')} columns={columns} itemTitle={t('stmt.liabilitiesEquity')} testId="bs" />
          </Col>
        </Row>
      )}
    </Card>
  );
}
