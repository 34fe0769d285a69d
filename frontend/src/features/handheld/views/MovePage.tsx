import { useCallback, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, Button, Input, type InputRef } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { PostBinMoveMutation } from '../../bins/mutations';
import { BinStockQuery, BinWarehousesQuery } from '../../bins/queries';
import { useLocalName, useT } from '../../../i18n';
import { dec, formatQty, isDecimal } from '../../../lib/decimal';
import { BIG, HandheldPage } from '../components/HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from '../components/ScanField';
import { useHandheldWarehouse, useProductLookup, WarehouseSelect, type FoundProduct } from '../components/product';

/**
 * /m/move — a bin move (移库) on a handheld: scan the source bin (or leave
 * it empty for stock not yet put away), scan the product, enter the
 * quantity, scan the target bin, post.
 */
export default function MovePage() {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const lookup = useProductLookup();
  const { warehouse, options, choose } = useHandheldWarehouse();
  const [{ data: wd }] = useQuery({ query: BinWarehousesQuery });
  const bins = wd?.warehouses.nodes.find((w) => w.id === warehouse?.id)?.locations.filter((l) => l.active) ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [qty, setQty] = useState('');
  const [product, setProduct] = useState<FoundProduct>();
  const [inBin, setInBin] = useState('0');
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  const [{ fetching }, post] = useMutation(PostBinMoveMutation);
  const scan = useRef<ScanFieldHandle>(null);
  const qtyRef = useRef<InputRef>(null);
  const toRef = useRef<InputRef>(null);
  const binOf = (code: string) => bins.find((b) => b.code.toLowerCase() === code.trim().toLowerCase());

  const heldIn = useCallback(
    async (productId: string, locationId: string | null) => {
      const r = await client.query(BinStockQuery, { warehouseId: warehouse?.id, productId }, { requestPolicy: 'network-only' }).toPromise();
      return r.data?.binStock.find((s) => (s.locationId ?? null) === locationId)?.quantity ?? '0';
    },
    [client, warehouse],
  );

  const onScan = useCallback(
    async (code: string): Promise<ScanAnswer> => {
      if (!warehouse) return { ok: false, message: t('hh.chooseWarehouse') };
      const src = from.trim() ? binOf(from) : undefined;
      if (from.trim() && !src) return { ok: false, message: t('bins.unknownBin', { code: from.trim() }) };
      const r = await lookup(code);
      if (r.error) return { ok: false, message: r.error };
      if (!r.product) return { ok: false, message: r.candidates.length > 1 ? t('hh.ambiguous', { code, n: r.candidates.length }) : t('hh.unknownProduct', { code }) };
      // What the bin holds is read before the product shows, so it never shows a 0 it does not hold.
      const held = await heldIn(r.product.id, src?.id ?? null);
      setProduct(r.product);
      setInBin(held);
      setErrors([]);
      setDone(undefined);
      setTimeout(() => qtyRef.current?.focus(), 0);
      return { ok: true, message: `${r.product.sku} ${localName(r.product)}`, leaveFocus: true };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [warehouse, from, bins, lookup, heldIn, localName, t],
  );

  async function submit() {
    if (!product || !warehouse) return;
    setErrors([]);
    const q = qty.trim();
    if (!isDecimal(q) || !dec(q).gt(0)) return setErrors([t('hh.qtyInvalid')]);
    const src = from.trim() ? binOf(from) : undefined;
    if (from.trim() && !src) return setErrors([t('bins.unknownBin', { code: from.trim() })]);
    const dst = binOf(to);
    if (!dst) return setErrors([t('bins.unknownBin', { code: to.trim() })]);
    const res = await post({ input: { warehouseId: warehouse.id, lines: [{ productId: product.id, fromLocationId: src?.id, toLocationId: dst.id, quantity: q }] } });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.postBinMove;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    setDone(t('bins.moved', { number: p?.binMove?.number ?? '', sku: product.sku, qty: formatQty(q), from: src?.code ?? t('bins.notPutAway'), to: dst.code }));
    setProduct(undefined);
    setQty('');
    setTo('');
    scan.current?.focus();
  }

  return (
    <HandheldPage title={t('menu.handheldMove')} testId="hh-move">
      <WarehouseSelect value={warehouse?.id} options={options} onChange={choose} />
      <Input size="large" autoComplete="off" placeholder={t('bins.scanFrom')} value={from} onChange={(e) => setFrom(e.target.value)} onPressEnter={() => scan.current?.focus()} style={{ ...BIG, marginBottom: 12 }} data-testid="hh-move-from" />
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} disabled={!warehouse} />
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} data-testid="hh-moved" />}
      {product && (
        <div style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, marginBottom: 12 }} data-testid="hh-product" data-sku={product.sku}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{product.sku}</div>
          <div style={{ color: '#666', marginBottom: 8 }}>{localName(product)}</div>
          <div style={{ fontSize: 16, marginBottom: 12 }}>
            {from.trim() ? t('bins.inBin', { bin: from.trim() }) : t('bins.notPutAway')}: <b data-testid="hh-inbin">{formatQty(inBin)}</b> {product.unit}
          </div>
          <Input ref={qtyRef} size="large" inputMode="decimal" autoComplete="off" placeholder={t('stock.quantity')} value={qty} onChange={(e) => setQty(e.target.value)} onPressEnter={() => toRef.current?.focus()} style={{ ...BIG, marginBottom: 12 }} data-testid="hh-qty" />
          <Input ref={toRef} size="large" autoComplete="off" placeholder={t('bins.scanTo')} value={to} onChange={(e) => setTo(e.target.value)} onPressEnter={() => void submit()} style={{ ...BIG, marginBottom: 12 }} data-testid="hh-move-to" />
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
          <Button type="primary" block icon={<CheckOutlined />} style={BIG} loading={fetching} onClick={() => void submit()} data-testid="hh-post">
            {t('bins.post')}
          </Button>
        </div>
      )}
    </HandheldPage>
  );
}
