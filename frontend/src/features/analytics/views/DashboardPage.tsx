import type { ComponentType } from 'react';
import { Space } from 'antd';
import type { Role } from '../../../gql/graphql';
import { StockSection } from '../components/StockSection';
import { KpiSection } from '../components/KpiSection';
import { BudgetSection } from '../components/BudgetSection';
import { PayablesSection } from '../components/PayablesSection';
import { MonthlySalesSection } from '../components/MonthlySalesSection';
import { TopSellersSection } from '../components/TopSellersSection';
import { SlowMovingSection } from '../components/SlowMovingSection';
import { DashboardPeriodProvider } from '../period';
import { ReceivablesSection } from '../components/ReceivablesSection';
import { visibleFor } from '../../../app/access';
import { useMe } from '../../../app/session';
import { ApprovalsSection } from '../../workbench/components/ApprovalsSection';

/**
 * The dashboard is a list of sections; each fetches and subscribes to its
 * own data and is shown to the roles listed. Sections come when the schema
 * has their fields, never as placeholders. Adding one is a component in ../components and a line here.
 */
interface DashboardSection {
  key: string;
  roles: readonly Role[];
  component: ComponentType;
}

const SECTIONS: readonly DashboardSection[] = [
  // The manager's workbench: approvals waiting (purchase orders, below-cost sales, invoice mismatches), live.
  { key: 'approvals', roles: ['MANAGER'], component: ApprovalsSection },
  { key: 'kpis', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: KpiSection },
  // The sales charts follow the KPI table's period; their queries also allow SALES
  // (who has no KPI table, so this year to date). Shown only when there were sales.
  { key: 'monthlySales', roles: ['MANAGER', 'FINANCE', 'ANALYST', 'SALES'], component: MonthlySalesSection },
  { key: 'topSellers', roles: ['MANAGER', 'FINANCE', 'ANALYST', 'SALES'], component: TopSellersSection },
  // Open and overdue receivables live from receivableChanged, today's sales, receivables aging.
  { key: 'receivables', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: ReceivablesSection },
  { key: 'stock', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: StockSection },
  // Slow-moving stock (呆滞品), shown when something is slow; slowMovingStock is not open to SALES.
  { key: 'slowMoving', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: SlowMovingSection },
  // Rendered only when the API has data for them (budgets, open payables).
  { key: 'budgets', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: BudgetSection },
  { key: 'payables', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: PayablesSection },
];

export default function DashboardPage() {
  const me = useMe();
  return (
    <DashboardPeriodProvider>
      <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
        {visibleFor(SECTIONS, me.roles).map(({ key, component: Section }) => (
          <Section key={key} />
        ))}
      </Space>
    </DashboardPeriodProvider>
  );
}
