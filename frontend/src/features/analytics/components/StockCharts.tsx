import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from '../../../components/EChart';
import { formatMoney } from '../../../lib/decimal';
import type { Slice } from '../inventory';

// Only the chart types used here are registered: this module and ECharts load
// lazily with the dashboard, not with the first page.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

// Numbers are for chart geometry only; every label is formatted from the exact decimal.
const geometry = (s: Slice) => s.value.toNumber();

export function ValueByCategoryChart({ slices, seriesName, locale }: { slices: Slice[]; seriesName: string; locale: string }) {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact' });
  return (
    <EChart
      height={300}
      option={{
        grid: { left: 110, right: 90, top: 10, bottom: 24 },
        tooltip: { trigger: 'axis', valueFormatter: (_v: unknown, i: number) => formatMoney([...slices].reverse()[i]?.value) },
        xAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact.format(v) } },
        yAxis: { type: 'category', data: [...slices].reverse().map((s) => s.label) },
        series: [
          {
            name: seriesName,
            type: 'bar',
            data: [...slices].reverse().map(geometry),
            itemStyle: { color: '#1d5fbf' },
            label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => formatMoney([...slices].reverse()[p.dataIndex]?.value) },
          },
        ],
      }}
    />
  );
}

export function ValueByWarehouseChart({ slices, seriesName }: { slices: Slice[]; seriesName: string }) {
  return (
    <EChart
      height={300}
      option={{
        tooltip: { trigger: 'item', formatter: (p: { dataIndex: number; percent: number }) => `${slices[p.dataIndex]?.label}<br/>${formatMoney(slices[p.dataIndex]?.value)} (${p.percent}%)` },
        legend: { bottom: 0 },
        series: [
          {
            name: seriesName,
            type: 'pie',
            radius: ['40%', '70%'],
            center: ['50%', '45%'],
            data: slices.map((s) => ({ name: s.label, value: geometry(s) })),
            label: { formatter: (p: { dataIndex: number }) => `${slices[p.dataIndex]?.label}\n${formatMoney(slices[p.dataIndex]?.value)}` },
          },
        ],
      }}
    />
  );
}

