import type { ReactNode } from 'react';
import { Table } from 'antd';

/**
 * A table's totals row: `label` over the first `span` columns, one
 * right-aligned cell per entry of `cells`, then `after` over `afterSpan`
 * more columns when given.
 */
export function TotalsRow({ label, span = 1, cells, after, afterSpan }: { label: ReactNode; span?: number; cells: ReactNode[]; after?: ReactNode; afterSpan?: number }) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={span}>
        {label}
      </Table.Summary.Cell>
      {cells.map((c, i) => (
        <Table.Summary.Cell key={i} index={span + i} align="right">
          {c}
        </Table.Summary.Cell>
      ))}
      {afterSpan != null && (
        <Table.Summary.Cell index={span + cells.length} colSpan={afterSpan}>
          {after}
        </Table.Summary.Cell>
      )}
    </Table.Summary.Row>
  );
}
