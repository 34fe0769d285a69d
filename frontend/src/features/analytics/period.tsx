import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { defaultPeriods } from './kpi';
import { companyToday } from '../../lib/date';

/** A period, both days included, as YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

type PeriodState = [Period, (p: Period) => void];

const PeriodContext = createContext<PeriodState | null>(null);

/** This year to date. */
export function defaultPeriod(today = companyToday().toDate()): Period {
  const { from, to } = defaultPeriods(today);
  return { from, to };
}

/**
 * The dashboard's period: the KPI table chooses it, the sales charts follow
 * it. Roles without the KPI table keep the default, this year to date.
 */
export function DashboardPeriodProvider({ children }: { children: ReactNode }) {
  const [period, setPeriod] = useState<Period>(() => defaultPeriod());
  const value = useMemo<PeriodState>(() => [period, setPeriod], [period]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

/** The dashboard's period and its setter; outside the provider, a period of the caller's own. */
export function useDashboardPeriod(): PeriodState {
  const shared = useContext(PeriodContext);
  const [own, setOwn] = useState<Period>(() => defaultPeriod());
  return shared ?? [own, setOwn];
}
