import { useQuery } from 'urql';
import { Select } from 'antd';
import { BatchChoicesQuery } from '../queries';
import { formatQty } from '../../../lib/decimal';
import { useT } from '../../../i18n';

/**
 * The batch an outgoing line takes, for a batch-tracked product: its
 * batches with stock in the warehouse, earliest expiry first; left empty,
 * the server takes the earliest expiring first (FEFO). Renders nothing for
 * a product without batches there.
 */
export function BatchSelect({ productId, warehouseId, value, onChange, testId }: { productId: string; warehouseId: string; value?: string; onChange?: (v: string | undefined) => void; testId?: string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: BatchChoicesQuery, variables: { productId, warehouseId }, requestPolicy: 'cache-and-network' });
  const rows = data?.batches ?? [];
  if (rows.length === 0) return null;
  return (
    <Select
      size="small"
      allowClear
      style={{ width: 200 }}
      placeholder={t('batch.fefo')}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={rows.map((r) => ({ value: r.batch.number, label: `${r.batch.number} · ${r.batch.expiryDate ?? '—'} · ${formatQty(r.onHand)}` }))}
      data-testid={testId}
    />
  );
}
