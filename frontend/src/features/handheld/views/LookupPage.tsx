import { useCallback, useState } from 'react';
import { Empty } from 'antd';
import { useLocalName, useT } from '../../../i18n';
import { formatQty } from '../../../lib/decimal';
import { HandheldPage, TapRow } from '../components/HandheldPage';
import { ScanField, type ScanAnswer } from '../components/ScanField';
import { useLevels, useProductLookup, type FoundProduct } from '../components/product';

type Level = Awaited<ReturnType<ReturnType<typeof useLevels>>>[number];

/** Stock lookup on a handheld: scan or type a barcode, SKU or name; the product's stock per warehouse. */
export default function LookupPage() {
  const t = useT();
  const localName = useLocalName();
  const lookup = useProductLookup();
  const levels = useLevels();
  const [product, setProduct] = useState<FoundProduct>();
  const [candidates, setCandidates] = useState<FoundProduct[]>([]);
  const [rows, setRows] = useState<Level[]>();

  const show = useCallback(
    async (p: FoundProduct) => {
      setProduct(p);
      setCandidates([]);
      setRows(await levels(p.id));
    },
    [levels],
  );

  const onScan = useCallback(
    async (code: string): Promise<ScanAnswer> => {
      const r = await lookup(code);
      if (r.error) return { ok: false, message: r.error };
      if (r.product) {
        await show(r.product);
        return { ok: true };
      }
      setProduct(undefined);
      setRows(undefined);
      setCandidates(r.candidates);
      return r.candidates.length > 0 ? { ok: true, message: t('hh.choose', { n: r.candidates.length }) } : { ok: false, message: t('hh.unknownProduct', { code }) };
    },
    [lookup, show, t],
  );

  return (
    <HandheldPage title={t('menu.handheldLookup')} testId="hh-lookup">
      <ScanField onScan={onScan} placeholder={t('hh.scanLookup')} />
      {candidates.map((p) => (
        <TapRow key={p.id} testId={`hh-candidate-${p.sku}`} title={p.sku} detail={localName(p)} onClick={() => void show(p)} />
      ))}
      {product && rows && (
        <div data-testid="hh-levels" data-sku={product.sku}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{product.sku}</div>
          <div style={{ color: '#666', marginBottom: 8 }}>{localName(product)}</div>
          {rows.length === 0 && <Empty description={t('hh.noStock')} />}
          {rows.map((l) => (
            <TapRow
              key={l.warehouse.id}
              testId={`hh-level-${l.warehouse.code}`}
              title={`${l.warehouse.code} ${l.warehouse.name}`}
              detail={t('hh.levelDetail', { reserved: formatQty(l.reserved), available: formatQty(l.available) })}
              extra={
                <span style={{ fontSize: 20, fontWeight: 600 }} data-testid={`hh-level-onhand-${l.warehouse.code}`}>
                  {formatQty(l.onHand)} <span style={{ fontSize: 14, fontWeight: 400 }}>{product.unit}</span>
                </span>
              }
            />
          ))}
        </div>
      )}
    </HandheldPage>
  );
}
