import * as echarts from 'echarts/core';
import { EChart } from '../../../components/EChart';
import { compact } from './chartFormat';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartNumber, dec, formatDecimal, formatMoney, formatQty } from '../../../lib/decimal';
import { alignedAxes, marginPercent, type MonthRow } from '../analytics';

// Loaded lazily with the sales sections of the dashboard, like StockCharts:
// ECharts is never part of the first page.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

// Numbers are chart geometry only; every label is formatted from the exact decimal.
const margin = (m: string | null | undefined) => (m == null ? '—' : `${formatDecimal(dec(m).times(100), 1)}%`);

export interface MonthlyLabels {
  sales: string;
  grossProfit: string;
  grossMargin: string;
}

/** Sales and gross profit per month as bars, gross margin % as a line on the right axis. */
export function MonthlySalesChart({ rows, months, labels, locale }: { rows: MonthRow[]; months: string[]; labels: MonthlyLabels; locale: string }) {
  // Without MARGINS_AND_COSTS (sales) only the sales bars are drawn.
  const withMargins = rows.every((r) => r.grossProfit != null);
  const margins = rows.map((r) => marginPercent(r.grossMargin));
  // Zero on one grid line for both axes, also when returns make a month negative.
  const axes = alignedAxes(
    rows.flatMap((r) => [chartNumber(r.sales), ...(withMargins ? [chartNumber(r.grossProfit ?? '0')] : [])]),
    margins.filter((m): m is number => m != null),
  );
  return (
    <EChart
      height={320}
      option={{
        grid: { left: 70, right: 60, top: 40, bottom: withMargins ? 48 : 30 },
        legend: { top: 0 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: { dataIndex: number }[]) => {
            const i = ps[0]?.dataIndex ?? 0;
            const r = rows[i];
            return r
              ? `${months[i]}<br/>${labels.sales}: ${formatMoney(r.sales)}` +
                (withMargins ? `<br/>${labels.grossProfit}: ${formatMoney(r.grossProfit)}<br/>${labels.grossMargin}: ${margin(r.grossMargin)}` : '')
              : '';
          },
        },
        // The margin is written under its month, never over the bars it would hide.
        xAxis: {
          type: 'category',
          data: months,
          axisLabel: {
            interval: 0,
            formatter: (v: string, i: number) => (withMargins ? `${v}\n{m|${margin(rows[i]?.grossMargin)}}` : v),
            rich: { m: { color: '#d46b08', fontSize: 11, lineHeight: 16 } },
          },
        },
        yAxis: [
          { type: 'value', ...axes?.[0], axisLabel: { formatter: compact(locale) } },
          { type: 'value', position: 'right', ...axes?.[1], axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
        ],
        series: [
          { name: labels.sales, type: 'bar', data: rows.map((r) => chartNumber(r.sales)), itemStyle: { color: '#1d5fbf' } },
          ...(withMargins ? [
          { name: labels.grossProfit, type: 'bar', data: rows.map((r) => chartNumber(r.grossProfit ?? '0')), itemStyle: { color: '#52c41a' } },
          {
            name: labels.grossMargin,
            type: 'line',
            yAxisIndex: 1,
            connectNulls: false,
            data: margins,
            itemStyle: { color: '#fa8c16' },
            label: { show: false },
          },
          ] : []),
        ],
      }}
    />
  );
}

export interface SellerBar {
  label: string;
  units: string;
  revenue: string;
}

/** Best sellers by revenue as horizontal bars, the best at the top. */
export function TopSellersChart({ sellers, labels, locale }: { sellers: SellerBar[]; labels: { revenue: string; units: string }; locale: string }) {
  const rows = [...sellers].reverse();
  return (
    <EChart
      height={Math.max(160, 36 * rows.length + 40)}
      option={{
        grid: { left: 230, right: 100, top: 10, bottom: 24 },
        tooltip: {
          trigger: 'axis',
          formatter: (ps: { dataIndex: number }[]) => {
            const r = rows[ps[0]?.dataIndex ?? 0];
            return r ? `${r.label}<br/>${labels.revenue}: ${formatMoney(r.revenue)}<br/>${labels.units}: ${formatQty(r.units)}` : '';
          },
        },
        xAxis: { type: 'value', axisLabel: { formatter: compact(locale) } },
        yAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { width: 220, overflow: 'truncate' } },
        series: [
          {
            name: labels.revenue,
            type: 'bar',
            data: rows.map((r) => chartNumber(r.revenue)),
            itemStyle: { color: '#1d5fbf' },
            label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => formatMoney(rows[p.dataIndex]?.revenue) },
          },
        ],
      }}
    />
  );
}
