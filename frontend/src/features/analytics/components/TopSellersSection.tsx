import { lazy, Suspense, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, Segmented, Skeleton } from 'antd';
import type { TopSellersBy } from '../../../gql/graphql';
import { TopSellersQuery } from '../queries';
import { useDashboardPeriod } from '../period';
import { sellerLabel } from '../analytics';
import { useKept } from '../useKept';
import { useLocale, useT } from '../../../i18n';

const TopSellersChart = lazy(() => import('./SalesCharts').then((m) => ({ default: m.TopSellersChart })));

const LIMIT = 10;

/**
 * The period's ten best sellers by invoiced revenue, by product or by
 * category; shown only when the period sold something.
 */
export function TopSellersSection() {
  const t = useT();
  const [locale] = useLocale();
  const [period] = useDashboardPeriod();
  const [by, setBy] = useState<TopSellersBy>('PRODUCT');
  const [{ data, error, fetching }] = useQuery({ query: TopSellersQuery, variables: { ...period, by, limit: LIMIT } });
  // Both rankings cover the same sales: when one is empty the period sold nothing.
  const sellers = useKept(data?.topSellers, fetching);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!sellers?.length) return null;
  return (
    <Card
      title={t('analytics.top.title', { n: LIMIT })}
      data-testid="dashboard-top-sellers"
      extra={
        <Segmented<TopSellersBy>
          value={by}
          onChange={setBy}
          options={[
            { value: 'PRODUCT', label: <span data-testid="dashboard-top-by-product">{t('analytics.top.byProduct')}</span> },
            { value: 'CATEGORY', label: <span data-testid="dashboard-top-by-category">{t('analytics.top.byCategory')}</span> },
          ]}
        />
      }
    >
      <Suspense fallback={<Skeleton active />}>
        <div data-testid="dashboard-top-chart" data-by={fetching ? '' : by} data-count={sellers.length}>
          <TopSellersChart
            sellers={sellers.map((s) => ({ label: sellerLabel(s, locale), units: s.units, revenue: s.revenue }))}
            labels={{ revenue: t('analytics.top.revenue'), units: t('analytics.top.units') }}
            locale={locale === 'zh' ? 'zh-CN' : 'en'}
          />
        </div>
      </Suspense>
    </Card>
  );
}
