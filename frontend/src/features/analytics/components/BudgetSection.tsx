import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Card, Skeleton } from 'antd';
import { BudgetRollupQuery } from '../../budget/queries';
import { dec } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { companyToday } from '../../../lib/date';

const BudgetByDepartmentChart = lazy(() => import('./PurchasingCharts').then((m) => ({ default: m.BudgetByDepartmentChart })));

/** Budget consumption per department this year (budgetRollup); shown only when there are budgets. */
export function BudgetSection() {
  const t = useT();
  const year = companyToday().year();
  const [{ data }] = useQuery({ query: BudgetRollupQuery, variables: { year, month: null, by: 'DEPARTMENT' } });
  const rows = (data?.budgetRollup ?? []).filter((r) => dec(r.amount).gt(0));
  if (rows.length === 0) return null;
  return (
    <Card title={t('dashboard.budgetByDepartment', { year })} extra={<Link to="/finance/budgets">{t('menu.budgets')}</Link>} data-testid="dashboard-budget">
      <Suspense fallback={<Skeleton active />}>
        <BudgetByDepartmentChart rows={rows} labels={{ budget: t('budget.amount'), actual: t('budget.actual'), committed: t('budget.committed') }} />
      </Suspense>
    </Card>
  );
}
