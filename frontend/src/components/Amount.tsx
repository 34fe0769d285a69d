import { Typography } from 'antd';
import { dec, formatMoney } from '../lib/decimal';

/** A right-aligned money amount; negative in red. */
export function Amount({ value, strong, testId }: { value: string | null | undefined; strong?: boolean; testId?: string }) {
  const neg = dec(value).lt(0);
  return (
    <Typography.Text strong={strong} type={neg ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatMoney(value)}
    </Typography.Text>
  );
}
