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

/** Open receivables or payables by age as bars; labels come from the exact decimals. */
export default function AgingChart({ bars, height = 260 }: { bars: AgingBar[]; height?: number }) {
  return (
    <EChart
      height={height}
      option={{
        grid: { left: 70, right: 20, top: 30, bottom: 30 },
        tooltip: { trigger: 'axis', valueFormatter: (_v: unknown, i: number) => formatMoney(bars[i]?.amount) },
        xAxis: { type: 'category', data: bars.map((b) => b.label) },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(v) } },
        series: [
          {
            type: 'bar',
            // Numbers for the geometry only.
            data: bars.map((b, i) => ({ value: chartNumber(b.amount), itemStyle: { color: COLOURS[i] ?? '#1d5fbf' } })),
            label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => formatMoney(bars[p.dataIndex]?.amount) },
          },
        ],
      }}
    />
  );
}
