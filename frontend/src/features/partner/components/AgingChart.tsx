import * as echarts from 'echarts/core';
import { EChart } from '../../../components/EChart';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartNumber, formatMoney } from '../../../lib/decimal';
import type { AgingBar } from '../aging';

// Registered here too (idempotent); this module loads lazily with the screens that chart.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Green while not due, darkening to red as the amount ages. */
const COLOURS = ['#389e0d', '#d4b106', '#d48806', '#d46b08', '#cf1322'];

/** The screen's language as Intl reads it. */
function intlLocale(locale: string | undefined): string {
  return locale === 'en' ? 'en' : 'zh-CN';
}

/**
 * The one chart configuration of every aging chart (receivables and
 * payables, on the dashboard and on their pages): the same grid, the same
 * category axis of buckets, the same value axis in compact numbers of the
 * screen's language, the same colours and labels.
 */
export function agingChartOption(bars: AgingBar[], locale?: string) {
  const compact = new Intl.NumberFormat(intlLocale(locale), { notation: 'compact' });
  return {
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    tooltip: { trigger: 'axis', valueFormatter: (_v: unknown, i: number) => formatMoney(bars[i]?.amount) },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        // Numbers for the geometry only.
        data: bars.map((b, i) => ({ value: chartNumber(b.amount), itemStyle: { color: COLOURS[i] ?? '#1d5fbf' } })),
        label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => formatMoney(bars[p.dataIndex]?.amount) },
      },
    ],
  };
}

/** Open receivables or payables by age as bars; labels come from the exact decimals. */
export default function AgingChart({ bars, height = 260, locale }: { bars: AgingBar[]; height?: number; locale?: string }) {
  return <EChart height={height} option={agingChartOption(bars, locale)} />;
}
