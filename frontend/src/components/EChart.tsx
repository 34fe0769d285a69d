import type { ComponentProps } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';

/**
 * An ECharts chart of a given height, redrawn whole when its option changes.
 * The module that draws it registers the chart types it uses (echarts.use),
 * so that ECharts loads with the screens that chart, not the first page.
 */
export function EChart({ height, option }: { height: number; option: ComponentProps<typeof ReactEChartsCore>['option'] }) {
  return <ReactEChartsCore echarts={echarts} notMerge style={{ height }} option={option} />;
}
