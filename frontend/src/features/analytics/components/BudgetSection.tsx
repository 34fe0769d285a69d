import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Card, Skeleton } from 'antd';
import { BudgetRollupQuery } from '../../budget/queries';
import { dec } from '../../../lib/decimal';
import { hasMessage, useLocale, useT } from '../../../i18n';
import { companyToday } from '../../../lib/date';

const BudgetByDepartmentChart = lazy(() => import('./PurchasingCharts').then((m) => ({ default: m.BudgetByDepartmentChart })));

/** Budget consumption per department this year (budgetRollup); shown only when there are budgets. */
export function BudgetSection() {
  const t = useT();
  const [locale] = useLocale();
  const year = companyToday().year();
  const [{ data }] = useQuery({ query: BudgetRollupQuery, variables: { year, month: null, by: 'DEPARTMENT' } });
  const rows = (data?.budgetRollup ?? []).filter((r) => dec(r.amount).gt(0));
  if (rows.length === 0) return null;
  // Departments by name; a cost centre the app has no name for shows its code.
  const bars = rows.map((r) => {
    const key = `dashboard.dept.${r.key}`;
    return { ...r, label: hasMessage(key) ? t(key) : r.key };
  });
  return (
    <Card title={t('dashboard.budgetByDepartment', { year })} extra={<Link to="/finance/budgets">{t('menu.budgets')}</Link>} data-testid="dashboard-budget">
      <Suspense fallback={<Skeleton active />}>
        <BudgetByDepartmentChart rows={bars} locale={locale === 'zh' ? 'zh-CN' : 'en'} labels={{ budget: t('budget.amount'), actual: t('budget.actual'), committed: t('budget.committed') }} />
      </Suspense>
    </Card>
  );
}
