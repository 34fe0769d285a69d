import { Progress, Tooltip } from 'antd';
import { dec, formatDecimal } from '../../../lib/decimal';

/** Consumption (percent of budget) as a bar: orange from 80 %, red from 100 %. */
export function BudgetProgress({ percent, testId }: { percent: string; testId?: string }) {
  const p = dec(percent);
  const colour = p.gte(100) ? '#cf1322' : p.gte(80) ? '#d46b08' : '#1d5fbf';
  // The bar's width is geometry only; the label is the exact decimal.
  const width = Math.min(100, Math.max(0, Number(p.round(1).toString())));
  return (
    <Tooltip title={`${formatDecimal(p, 2)}%`}>
      <Progress percent={width} strokeColor={colour} format={() => `${formatDecimal(p, 1)}%`} size="small" data-testid={testId} style={{ minWidth: 140, margin: 0 }} />
    </Tooltip>
  );
}
