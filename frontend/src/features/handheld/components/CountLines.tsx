import { Button, Progress } from 'antd';
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { dec, formatQty } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { progress, type ScanLine } from '../scan';
import { TOUCH } from './HandheldPage';

export interface ShownLine extends ScanLine {
  name: string;
  unit: string;
}

/**
 * The lines being picked or received, one big row each: what was counted
 * of how many, and − / + to correct by hand. The line last scanned is
 * highlighted; a complete one turns green.
 */
export function CountLines({ lines, counts, last, onChange, testPrefix }: { lines: readonly ShownLine[]; counts: readonly string[]; last?: number; onChange: (counts: string[]) => void; testPrefix: string }) {
  const t = useT();
  const p = progress(lines, counts);
  const set = (i: number, v: string) => onChange(lines.map((_, n) => (n === i ? v : counts[n] || '0')));
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 8 }} data-testid={`${testPrefix}-progress`} data-done={p.done ? 'true' : 'false'}>
        <Progress percent={dec(p.total).gt(0) ? Number(dec(p.counted).times(100).div(dec(p.total)).round(0).toString()) : 0} showInfo={false} style={{ flex: 1, margin: 0 }} />
        <span style={{ whiteSpace: 'nowrap' }}>{t('hh.progress', { counted: formatQty(p.counted), total: formatQty(p.total) })}</span>
      </div>
      {lines.map((l, i) => {
        const c = dec(counts[i]);
        const full = c.gte(dec(l.target));
        return (
          <div
            key={l.id}
            data-testid={`${testPrefix}-line-${l.sku}`}
            data-count={c.toString()}
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: '8px 10px',
              marginBottom: 8,
              borderRadius: 8,
              border: `2px solid ${i === last ? '#1d5fbf' : full ? '#52c41a' : '#e5e5e5'}`,
              background: full ? '#f6ffed' : '#fff',
            }}
          >
            <div style={{ flex: 1, minWidth: 0 }}>
              <div style={{ fontWeight: 600, fontSize: 16, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{l.sku}</div>
              <div style={{ color: '#666', fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{l.name}</div>
            </div>
            <Button icon={<MinusOutlined />} style={{ width: TOUCH, height: TOUCH }} disabled={!c.gt(0)} onClick={() => set(i, c.minus(1).lt(0) ? '0' : c.minus(1).toString())} aria-label="-1" data-testid={`${testPrefix}-minus-${l.sku}`} />
            <div style={{ minWidth: 72, textAlign: 'center', fontSize: 18, fontVariantNumeric: 'tabular-nums' }} data-testid={`${testPrefix}-count-${l.sku}`}>
              <b>{formatQty(c)}</b>
              <span style={{ color: '#999' }}> / {formatQty(l.target)}</span>
            </div>
            <Button icon={<PlusOutlined />} style={{ width: TOUCH, height: TOUCH }} disabled={full} onClick={() => set(i, c.plus(1).gt(dec(l.target)) ? dec(l.target).toString() : c.plus(1).toString())} aria-label="+1" data-testid={`${testPrefix}-plus-${l.sku}`} />
          </div>
        );
      })}
    </div>
  );
}
