import * as echarts from 'echarts/core';
import { EChart } from '../../../components/EChart';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartNumber, formatDecimal, formatMoney } from '../../../lib/decimal';

// Loaded lazily with the dashboard sections that use it, like StockCharts.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

// Numbers are chart geometry only; every label is formatted from the exact decimal.

export interface BudgetBar {
  key: string;
  amount: string;
  actual: string;
  committed: string;
  percent: string;
}

/** Per department: actual and committed stacked against the budget. */
export function BudgetByDepartmentChart({ rows, labels }: { rows: BudgetBar[]; labels: { budget: string; actual: string; committed: string } }) {
  return (
    <EChart
      height={300}
      option={{
        grid: { left: 100, right: 70, top: 30, bottom: 24 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: { dataIndex: number }[]) => {
            const r = rows[ps[0]?.dataIndex ?? 0];
            return r ? `${r.key}<br/>${labels.budget}: ${formatMoney(r.amount)}<br/>${labels.actual}: ${formatMoney(r.actual)}<br/>${labels.committed}: ${formatMoney(r.committed)}<br/>${formatDecimal(r.percent, 1)}%` : '';
          },
        },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(v) } },
        yAxis: { type: 'category', data: rows.map((r) => r.key) },
        series: [
          { name: labels.actual, type: 'bar', stack: 'used', data: rows.map((r) => chartNumber(r.actual)), itemStyle: { color: '#1d5fbf' } },
          {
            name: labels.committed,
            type: 'bar',
            stack: 'used',
            data: rows.map((r) => chartNumber(r.committed)),
            itemStyle: { color: '#69a3f3' },
            label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${formatDecimal(rows[p.dataIndex]?.percent, 1)}%` },
          },
          { name: labels.budget, type: 'bar', data: rows.map((r) => chartNumber(r.amount)), itemStyle: { color: 'rgba(0,0,0,0.08)', borderColor: '#8c8c8c', borderType: 'dashed' }, barGap: '-100%', z: -1 },
        ],
      }}
    />
  );
}
