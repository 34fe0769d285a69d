import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Segmented, Space, Statistic, Table, Typography } from 'antd';
import type { SlowMovingStockQuery as SlowMovingStockData } from '../../../gql/graphql';
import { SlowMovingStockQuery } from '../queries';
import { daysSince, listedValue } from '../analytics';
import { useKept } from '../useKept';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { useT } from '../../../i18n';

type SlowMover = SlowMovingStockData['slowMovingStock'][number];

export const SLOW_DAYS = [30, 60, 90, 180] as const;
const FIRST = 20;

/**
 * Slow-moving stock (呆滞品): the most valuable stock that has not sold for
 * the chosen number of days, with the value of what is listed and an export.
 * Shown once the API has listed some; after that it stays, so another number
 * of days can be chosen even when that one lists nothing.
 */
export function SlowMovingSection() {
  const t = useT();
  const [days, setDays] = useState<number>(90);
  const [{ data, error, fetching }] = useQuery({ query: SlowMovingStockQuery, variables: { days, first: FIRST } });
  const rows = useKept(data?.slowMovingStock, fetching);
  const [seen, setSeen] = useState(false);
  if (rows?.length && !seen) setSeen(true);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!seen && !rows?.length) return null;
  const listed = rows ?? [];
  const total = listedValue(listed);
  return (
    <Card
      title={t('analytics.slow.title')}
      data-testid="dashboard-slow-moving"
      extra={
        <Space wrap>
          <span>{t('analytics.slow.noSaleFor')}</span>
          <Segmented<number>
            value={days}
            onChange={setDays}
            options={SLOW_DAYS.map((d) => ({ value: d, label: <span data-testid={`dashboard-slow-days-${d}`}>{t('analytics.slow.days', { n: d })}</span> }))}
          />
          <ExportButton<SlowMover>
            fileName={t('analytics.slow.file', { n: days })}
            fetchRows={loadedRows(listed)}
            testId="dashboard-slow-export"
            columns={[
              { header: t('products.sku'), value: (r) => r.sku },
              { header: t('products.name'), value: (r) => r.name, width: 30 },
              { header: t('stock.warehouse'), value: (r) => r.warehouse, width: 16 },
              { header: t('stock.onHand'), value: (r) => ({ decimal: r.onHand }) },
              { header: t('stock.value'), value: (r) => ({ decimal: r.value }), width: 16 },
              { header: t('analytics.slow.lastSale'), value: (r) => r.lastSaleDate ?? t('analytics.slow.never'), width: 14 },
            ]}
          />
        </Space>
      }
    >
      <Space size="large" style={{ marginBottom: 8 }} wrap>
        <Statistic
          title={t('analytics.slow.listedValue', { n: listed.length })}
          value={formatMoney(total)}
          prefix="¥"
          valueRender={(n) => <span data-testid="dashboard-slow-total">{n}</span>}
        />
        <Typography.Text type="secondary">{t('analytics.slow.note', { n: FIRST })}</Typography.Text>
      </Space>
      <Table<SlowMover>
        size="small"
        rowKey={(r) => `${r.productId}:${r.warehouseId}`}
        pagination={false}
        loading={fetching}
        dataSource={listed}
        data-testid="dashboard-slow-table"
        data-days={fetching ? '' : days}
        columns={[
          { title: t('products.sku'), render: (_, r) => r.sku },
          { title: t('products.name'), render: (_, r) => r.name },
          { title: t('stock.warehouse'), render: (_, r) => r.warehouse },
          { title: t('stock.onHand'), align: 'right', render: (_, r) => formatQty(r.onHand) },
          { title: t('stock.value'), align: 'right', render: (_, r) => formatMoney(r.value) },
          {
            title: t('analytics.slow.lastSale'),
            render: (_, r) => {
              const n = daysSince(r.lastSaleDate);
              return r.lastSaleDate ? `${r.lastSaleDate} (${t('analytics.slow.daysAgo', { n: n ?? 0 })})` : <Typography.Text type="secondary">{t('analytics.slow.never')}</Typography.Text>;
            },
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        <Link to="/stock/levels">{t('dashboard.allStock')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
