import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, Col, DatePicker, Row, Space, Spin, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { BalanceSheetQuery } from '../queries';
import { StatementExportButton, StatementSection } from '../components/StatementSection';
import { Toolbar } from '../../../components/Toolbar';
import { dec } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

export default function BalanceSheetPage() {
  const t = useT();
  const [asOf, setAsOf] = useState<Dayjs>(companyToday());
  const [{ data, error, fetching }] = useQuery({ query: BalanceSheetQuery, variables: { asOf: isoDate(asOf) } });
  const bs = data?.balanceSheet;
  // Profit not yet closed to equity is shown as its own equity line.
  const unclosed = bs && !dec(bs.unclosedProfit).eq(0)
    ? [{ account: { code: '—', name: t('ledger.unclosedProfit'), nameEn: t('ledger.unclosedProfit') }, amount: bs.unclosedProfit }]
    : [];

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('ledger.asOf')}</span>
          <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} />
          {bs && (bs.balanced ? <Tag color="green" data-testid="bs-balanced">{t('ledger.bsBalanced')}</Tag> : <Tag color="red">{t('ledger.bsUnbalanced')}</Tag>)}
        </Space>
        <StatementExportButton
          fileName={t('menu.balanceSheet')}
          sections={
            bs
              ? [
                  { title: t('ledger.assets'), lines: bs.assets },
                  { title: t('ledger.liabilities'), lines: bs.liabilities },
                  { title: t('ledger.equity'), lines: [...bs.equity, ...unclosed] },
                ]
              : []
          }
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
