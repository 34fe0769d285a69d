import type { ReactNode } from 'react';

/** The row of filters and actions above a list. */
export function Toolbar({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>{children}</div>;
}
