import Big from 'big.js';
import type { KpiSetFieldsFragment } from '../../gql/graphql';
import { dec, formatDecimal, formatMoney, formatQty } from '../../lib/decimal';

export type KpiSet = KpiSetFieldsFragment;
/** The figures with a Decimal value (counts such as ratedDeliveries are shown beside them). */
export type KpiKey = Exclude<keyof KpiSet, 'from' | 'to' | '__typename' | 'ratedDeliveries' | 'linesDue'>;
/** How a value is shown: money, a fraction shown as %, days, or turns per year. */
export type KpiKind = 'money' | 'percent' | 'days' | 'turns' | 'qty';
/** Which way is good; neutral figures get no colour. */
export type Better = 'higher' | 'lower' | 'neutral';

export interface KpiDef {
  key: KpiKey;
  kind: KpiKind;
  better: Better;
  /** The documents and balances behind the figure, for the period. */
  drill: (from: string, to: string) => { labelKey: DrillLabel; to: string }[];
}

export type DrillLabel = 'kpi.drill.journal' | 'kpi.drill.stock' | 'kpi.drill.stockMoves' | 'kpi.drill.payablesAging' | 'kpi.drill.profitAndLoss' | 'kpi.drill.balanceSheet';

/** The journal filtered by an account and a period (JournalPage reads these parameters). */
export function journalLink(account: string, from: string, to: string): string {
  return `/finance/journal?${new URLSearchParams({ account, from, to })}`;
}

const pl = (from: string, to: string) => ({ labelKey: 'kpi.drill.profitAndLoss' as const, to: `/finance/profit-and-loss?${new URLSearchParams({ from, to })}` });
const j = (account: string) => (from: string, to: string) => ({ labelKey: 'kpi.drill.journal' as const, to: journalLink(account, from, to) });
const moves = () => ({ labelKey: 'kpi.drill.stockMoves' as const, to: '/stock/moves' });
const stock = () => ({ labelKey: 'kpi.drill.stock' as const, to: '/stock/levels' });
const aging = (_f: string, to: string) => ({ labelKey: 'kpi.drill.payablesAging' as const, to: `/finance/payables-aging?asOf=${to}` });

/** The case study's table (DOMAIN.md), in its order. */
export const KPI_ROWS: readonly KpiDef[] = [
  { key: 'sales', kind: 'money', better: 'higher', drill: (f, t) => [j('6001')(f, t), pl(f, t)] },
  { key: 'unitsSold', kind: 'qty', better: 'higher', drill: () => [moves()] },
  { key: 'cogs', kind: 'money', better: 'neutral', drill: (f, t) => [j('6401')(f, t)] },
  { key: 'unitCost', kind: 'money', better: 'lower', drill: (f, t) => [j('6401')(f, t), moves()] },
  { key: 'grossProfit', kind: 'money', better: 'higher', drill: (f, t) => [pl(f, t)] },
  { key: 'grossMargin', kind: 'percent', better: 'higher', drill: (f, t) => [pl(f, t)] },
  { key: 'netIncome', kind: 'money', better: 'higher', drill: (f, t) => [pl(f, t)] },
  { key: 'netMargin', kind: 'percent', better: 'higher', drill: (f, t) => [pl(f, t)] },
  { key: 'averageInventory', kind: 'money', better: 'neutral', drill: (f, t) => [stock(), j('1405')(f, t)] },
  { key: 'inventoryTurnover', kind: 'turns', better: 'higher', drill: (f, t) => [j('6401')(f, t), j('1405')(f, t)] },
  { key: 'dio', kind: 'days', better: 'lower', drill: (f, t) => [stock(), j('1405')(f, t)] },
  { key: 'averageReceivables', kind: 'money', better: 'neutral', drill: (f, t) => [j('1122')(f, t)] },
  { key: 'dso', kind: 'days', better: 'lower', drill: (f, t) => [j('1122')(f, t)] },
  { key: 'averagePayables', kind: 'money', better: 'neutral', drill: (f, t) => [j('2202.01')(f, t), aging(f, t)] },
  { key: 'dpo', kind: 'days', better: 'higher', drill: (f, t) => [j('2202.01')(f, t), aging(f, t)] },
  { key: 'cashConversionCycle', kind: 'days', better: 'lower', drill: (f, t) => [j('1405')(f, t), j('1122')(f, t), j('2202.01')(f, t)] },
  // Sales screens will link these to the rated deliveries and the order lines due.
  { key: 'customerSatisfaction', kind: 'percent', better: 'higher', drill: () => [] },
  { key: 'fulfilmentRate', kind: 'percent', better: 'higher', drill: () => [] },
];

/** The dash shown for a ratio the server left null (its denominator was zero): never 0. */
export const NONE = '—';

/** A KPI value for display; null stays a dash. */
export function formatKpi(v: string | null | undefined, kind: KpiKind): string {
  if (v == null || v === '') return NONE;
  switch (kind) {
    case 'money':
      return formatMoney(v);
    case 'percent':
      return `${formatDecimal(dec(v).times(100), 1)}%`;
    case 'days':
      return formatDecimal(v, 1);
    case 'turns':
      return formatDecimal(v, 2);
    case 'qty':
      return formatQty(v);
  }
}

export interface KpiChange {
  /** current - comparison, in the KPI's unit (percentage points for margins). */
  delta: Big;
  /** The change relative to the comparison (money only), as a fraction; null when the comparison is 0. */
  relative: Big | null;
  /** Whether the change is good, bad or neither. */
  verdict: 'better' | 'worse' | 'same' | 'neutral';
}

/** The change between two values of one KPI; null when either is null. */
export function kpiChange(current: string | null | undefined, comparison: string | null | undefined, def: Pick<KpiDef, 'kind' | 'better'>): KpiChange | null {
  if (current == null || comparison == null || current === '' || comparison === '') return null;
  const c = dec(current);
  const p = dec(comparison);
  const delta = c.minus(p);
  const relative = def.kind === 'money' && !p.eq(0) ? delta.div(p.abs()) : null;
  const sign = delta.cmp(0);
  let verdict: KpiChange['verdict'];
  if (sign === 0) verdict = 'same';
  else if (def.better === 'neutral') verdict = 'neutral';
  else verdict = (sign > 0) === (def.better === 'higher') ? 'better' : 'worse';
  return { delta, relative, verdict };
}

/** The change for display: "+1,200.00 (+12.0%)", "+2.5 pp", "-3.0". */
export function formatChange(ch: KpiChange | null, kind: KpiKind, pp: string): string {
  if (!ch) return NONE;
  const sign = (b: Big) => (b.gt(0) ? '+' : '');
  switch (kind) {
    case 'money':
      return `${sign(ch.delta)}${formatMoney(ch.delta)}${ch.relative ? ` (${sign(ch.relative)}${formatDecimal(ch.relative.times(100), 1)}%)` : ''}`;
    case 'percent':
      return `${sign(ch.delta)}${formatDecimal(ch.delta.times(100), 1)} ${pp}`;
    case 'days':
      return `${sign(ch.delta)}${formatDecimal(ch.delta, 1)}`;
    case 'turns':
      return `${sign(ch.delta)}${formatDecimal(ch.delta, 2)}`;
    case 'qty':
      return `${sign(ch.delta)}${formatQty(ch.delta)}`;
  }
}

/** YYYY-MM-DD parts of the default periods: this year to date, and the same span last year. */
export function defaultPeriods(today: Date): { from: string; to: string; compareFrom: string; compareTo: string } {
  const y = today.getFullYear();
  const md = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  // 29 February has no twin last year: compare with the 28th.
  const lastMd = md === '02-29' ? '02-28' : md;
  return { from: `${y}-01-01`, to: `${y}-${md}`, compareFrom: `${y - 1}-01-01`, compareTo: `${y - 1}-${lastMd}` };
}
