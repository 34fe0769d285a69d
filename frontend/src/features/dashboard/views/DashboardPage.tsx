import type { ComponentType } from 'react';
import { Space } from 'antd';
import type { Role } from '../../../gql/graphql';
import { StockSection } from '../components/StockSection';
import { KpiSection } from '../../kpi/components/KpiSection';
import { BudgetSection } from '../components/BudgetSection';
import { PayablesSection } from '../components/PayablesSection';
import { ReceivablesSection } from '../../sales/components/ReceivablesSection';
import { visibleFor } from '../../../app/access';
import { useMe } from '../../../app/session';

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
  { key: 'kpis', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: KpiSection },
  // Open and overdue receivables live from receivableChanged, today's sales, receivables aging.
  { key: 'receivables', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: ReceivablesSection },
  { key: 'stock', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: StockSection },
  // Rendered only when the API has data for them (budgets, open payables).
  { key: 'budgets', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: BudgetSection },
  { key: 'payables', roles: ['MANAGER', 'FINANCE', 'ANALYST'], component: PayablesSection },
];

export default function DashboardPage() {
  const me = useMe();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="dashboard">
      {visibleFor(SECTIONS, me.roles).map(({ key, component: Section }) => (
        <Section key={key} />
      ))}
    </Space>
  );
}
