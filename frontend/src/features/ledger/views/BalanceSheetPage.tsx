import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, Col, DatePicker, Row, Space, Spin, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BalanceSheetQuery } from '../queries';
import { StatementSection } from '../components/StatementSection';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { dec } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';

export default function BalanceSheetPage() {
  const t = useT();
  const localName = useLocalName();
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const [{ data, error, fetching }] = useQuery({ query: BalanceSheetQuery, variables: { asOf: isoDate(asOf) } });
  const bs = data?.balanceSheet;
  // Profit not yet closed to equity is shown as its own equity line.
  const unclosed = bs && !dec(bs.unclosedProfit).eq(0)
    ? [{ account: { code: '—', name: t('ledger.unclosedProfit'), nameEn: t('ledger.unclosedProfit') }, amount: bs.unclosedProfit }]
    : [];
  const rows = bs
    ? [
        ...bs.assets.map((l) => ({ section: t('ledger.assets'), ...l })),
        ...bs.liabilities.map((l) => ({ section: t('ledger.liabilities'), ...l })),
        ...bs.equity.map((l) => ({ section: t('ledger.equity'), ...l })),
        ...unclosed.map((l) => ({ section: t('ledger.equity'), ...l })),
      ]
    : [];

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('ledger.asOf')}</span>
          <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
          {bs && (bs.balanced ? <Tag color="green" data-testid="bs-balanced">{t('ledger.bsBalanced')}</Tag> : <Tag color="red">{t('ledger.bsUnbalanced')}</Tag>)}
        </Space>
        <ExportButton<(typeof rows)[number]>
          fileName={t('menu.balanceSheet')}
          fetchRows={loadedRows(rows)}
          columns={[
            { header: t('ledger.section'), value: (r) => r.section },
            { header: t('ledger.code'), value: (r) => r.account.code },
            { header: t('ledger.account'), value: (r) => localName(r.account), width: 28 },
            { header: t('ledger.amount'), value: (r) => ({ decimal: r.amount }) },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {fetching && !bs && <Spin />}
      {bs && (
        <Row gutter={24}>
          <Col xs={24} xl={12}>
            <StatementSection title={t('ledger.assets')} lines={bs.assets} total={bs.totalAssets} testId="bs-assets" />
          </Col>
          <Col xs={24} xl={12}>
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              <StatementSection title={t('ledger.liabilities')} lines={bs.liabilities} total={bs.totalLiabilities} testId="bs-liabilities" />
              <StatementSection title={t('ledger.equity')} lines={bs.equity} extra={unclosed} total={bs.totalEquity} testId="bs-equity" />
            </Space>
          </Col>
        </Row>
      )}
    </Card>
  );
}
