import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { dec, formatMoney } from '../../../lib/decimal';

/** A right-aligned money amount; negative in red. */
export function Amount({ value, strong, testId }: { value: string | null | undefined; strong?: boolean; testId?: string }) {
  const neg = dec(value).lt(0);
  return (
    <Typography.Text strong={strong} type={neg ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatMoney(value)}
    </Typography.Text>
  );
}

/** "code name" for an account in the current language. */
export function accountLabel(a: { code: string; name: string; nameEn?: string | null }, localName: (o: { name: string; nameEn?: string | null }) => string): string {
  return `${a.code} ${localName(a)}`;
}

export function Toolbar({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>{children}</div>;
}

/** Today as YYYY-MM-DD in the browser's zone. */
export function todayISO(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
