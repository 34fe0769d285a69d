import * as echarts from 'echarts/core';
import { EChart } from '../../../components/EChart';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartNumber, dec, formatDecimal, formatMoney } from '../../../lib/decimal';
import { compact } from './chartFormat';

// Loaded lazily with the dashboard sections that use it, like StockCharts.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

// Numbers are chart geometry only; every label is formatted from the exact decimal.

export interface BudgetBar {
  key: string;
  /** The department's name (its code when it has none). */
  label: string;
  amount: string;
  actual: string;
  committed: string;
  percent: string;
}

/** part / whole in percent as a chart number (0 when there is no budget). */
function share(part: string, whole: string): number {
  const w = dec(whole);
  return w.gt(0) ? chartNumber(dec(part).times(100).div(w).toFixed(2)) : 0;
}

/**
 * Per department, the share of its budget used: actual and committed
 * stacked in percent against a 100 % line, busiest first. Departments of
 * very different budgets read side by side (one 10 M budget no longer
 * flattens the others); each bar is labelled with its amounts.
 */
export function BudgetByDepartmentChart({ rows, labels, locale }: { rows: BudgetBar[]; labels: { budget: string; actual: string; committed: string }; locale: string }) {
  const sorted = [...rows].sort((a, b) => dec(b.percent).cmp(dec(a.percent)));
  const money = compact(locale);
  const max = Math.max(100, ...sorted.map((r) => chartNumber(r.percent)));
  return (
    <EChart
      height={Math.max(160, 60 + sorted.length * 44)}
      option={{
        grid: { left: 110, right: 190, top: 30, bottom: 24 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: { dataIndex: number }[]) => {
            const r = sorted[ps[0]?.dataIndex ?? 0];
            return r ? `${r.label}<br/>${labels.budget}: ${formatMoney(r.amount)}<br/>${labels.actual}: ${formatMoney(r.actual)}<br/>${labels.committed}: ${formatMoney(r.committed)}<br/>${formatDecimal(r.percent, 1)}%` : '';
          },
        },
        xAxis: { type: 'value', min: 0, max: Math.ceil(max / 10) * 10, axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.label), axisLabel: { width: 100, overflow: 'truncate' } },
        series: [
          {
            name: labels.actual,
            type: 'bar',
            stack: 'used',
            barMaxWidth: 22,
            data: sorted.map((r) => share(r.actual, r.amount)),
            itemStyle: { color: '#1d5fbf' },
            markLine: { silent: true, symbol: 'none', lineStyle: { color: '#cf1322', type: 'dashed' }, label: { formatter: '100%' }, data: [{ xAxis: 100 }] },
          },
          {
            name: labels.committed,
            type: 'bar',
            stack: 'used',
            barMaxWidth: 22,
            data: sorted.map((r) => share(r.committed, r.amount)),
            itemStyle: { color: '#69a3f3' },
            label: {
              show: true,
              position: 'right',
              formatter: (p: { dataIndex: number }) => {
                const r = sorted[p.dataIndex];
                return r ? `${formatDecimal(r.percent, 1)}% · ${money(chartNumber(dec(r.actual).plus(dec(r.committed)).toString()))} / ${money(chartNumber(r.amount))}` : '';
              },
            },
          },
        ],
      }}
    />
  );
}
