import { useCallback, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { Alert, Button, Input, Segmented, type InputRef } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { AdjustmentDirection, AdjustmentReason } from '../../../gql/graphql';
import { PostStockAdjustmentMutation } from '../../stock/mutations';
import { useLocalName, useT } from '../../../i18n';
import { dec, formatQty, isDecimal } from '../../../lib/decimal';
import { countDifference, normalizeCode } from '../scan';
import { ScanBarcodeQuery } from '../../catalog/queries';
import { BIG, HandheldPage } from './HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from './ScanField';
import { useHandheldWarehouse, useLevels, useProductLookup, WarehouseSelect, type FoundProduct } from './product';

interface Posted {
  sku: string;
  before: string;
  after: string;
}

/**
 * Count or adjust one product in a warehouse on a handheld. Count: scan a
 * product, see the book quantity, enter what is on the shelf; the
 * difference is posted as a count-variance stock adjustment (nothing when
 * they agree). Adjust: a reason, in or out, and a quantity. Both post
 * through postStockAdjustment; full count sessions are a later feature.
 */
export function StockTask({ mode }: { mode: 'count' | 'adjust' }) {
  const t = useT();
  const localName = useLocalName();
  const lookup = useProductLookup();
  const levels = useLevels();
  const { warehouse, options, choose } = useHandheldWarehouse();
  const [product, setProduct] = useState<FoundProduct>();
  const [onHand, setOnHand] = useState<string>('0');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState<AdjustmentReason>('COUNT_VARIANCE');
  const [direction, setDirection] = useState<AdjustmentDirection>('DECREASE');
  const [errors, setErrors] = useState<string[]>([]);
  const [posted, setPosted] = useState<Posted>();
  const [info, setInfo] = useState<string>();
  // Each scan shows the product afresh: the quantity field mounts again and takes the focus.
  const [seq, setSeq] = useState(0);
  const [{ fetching }, post] = useMutation(PostStockAdjustmentMutation);
  const scan = useRef<ScanFieldHandle>(null);
  const qtyRef = useRef<InputRef>(null);

  const bookOf = useCallback(async (productId: string, warehouseId: string) => (await levels(productId, warehouseId)).find((l) => l.warehouse.id === warehouseId)?.onHand ?? '0', [levels]);

  const client = useClient();
  const onScan = useCallback(
    async (code: string): Promise<ScanAnswer> => {
      if (!warehouse) return { ok: false, message: t('hh.chooseWarehouse') };
      // Counting: a barcode of the product shown adds to the count, a carton's by its factor.
      const hit = mode === 'count' && normalizeCode(code) ? (await client.query(ScanBarcodeQuery, { barcode: normalizeCode(code) }, { requestPolicy: 'network-only' }).toPromise()).data?.scanBarcode : undefined;
      if (hit && product && hit.product.id === product.id) {
        const next = dec(isDecimal(qty.trim()) ? qty.trim() : '0').plus(dec(hit.factor)).toString();
        setQty(next);
        setPosted(undefined);
        setInfo(undefined);
        return { ok: true, message: hit.isPack ? `${t('hh.packScanned', { unit: hit.unit, factor: formatQty(hit.factor) })} · ${product.sku} = ${formatQty(next)}` : `${product.sku} = ${formatQty(next)}`, leaveFocus: true };
      }
      const r = await lookup(hit ? hit.product.sku : code);
      if (r.error) return { ok: false, message: r.error };
      if (!r.product) return { ok: false, message: r.candidates.length > 1 ? t('hh.ambiguous', { code, n: r.candidates.length }) : t('hh.unknownProduct', { code }) };
      const book = await bookOf(r.product.id, warehouse.id);
      setProduct(r.product);
      setOnHand(book);
      setQty(hit?.isPack && hit.product.id === r.product.id ? dec(hit.factor).toString() : '');
      setErrors([]);
      setPosted(undefined);
      setInfo(undefined);
      setSeq((n) => n + 1);
      return { ok: true, message: `${r.product.sku} ${localName(r.product)}`, leaveFocus: true };
    },
    [warehouse, lookup, bookOf, localName, t, mode, client, product, qty],
  );

  async function submit() {
    if (!product || !warehouse) return;
    setErrors([]);
    setInfo(undefined);
    let line: { direction: AdjustmentDirection; quantity: string };
    if (mode === 'count') {
      const d = countDifference(onHand, qty);
      if (d === 'invalid') return setErrors([t('hh.qtyInvalid')]);
      if (d === null) {
        setInfo(t('hh.countAgrees', { sku: product.sku, qty: formatQty(onHand) }));
        setProduct(undefined);
        scan.current?.focus();
        return;
      }
      line = d;
    } else {
      const q = qty.trim();
      if (!isDecimal(q) || !dec(q).gt(0)) return setErrors([t('hh.qtyInvalid')]);
      line = { direction: reason === 'SCRAP' ? 'DECREASE' : direction, quantity: q };
    }
    const res = await post({
      input: {
        reason: mode === 'count' ? 'COUNT_VARIANCE' : reason,
        description: mode === 'count' ? t('hh.countNote', { counted: qty.trim() }) : undefined,
        lines: [{ productId: product.id, warehouseId: warehouse.id, direction: line.direction, quantity: line.quantity }],
      },
    });
    if (res.error) return setErrors([res.error.message]);
    const payload = res.data?.postStockAdjustment;
    if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
    const after = await bookOf(product.id, warehouse.id);
    setPosted({ sku: product.sku, before: onHand, after });
    setProduct(undefined);
    setQty('');
    scan.current?.focus();
  }

  const title = mode === 'count' ? t('menu.handheldCount') : t('menu.handheldAdjust');
  return (
    <HandheldPage title={title} testId={`hh-${mode}`}>
      <WarehouseSelect value={warehouse?.id} options={options} onChange={choose} />
      {mode === 'adjust' && (
        <Segmented<AdjustmentReason>
          block
          size="large"
          value={reason}
          onChange={setReason}
          options={(['COUNT_VARIANCE', 'SCRAP'] as const).map((r) => ({ value: r, label: t(`adjustReason.${r}`) }))}
          style={{ marginBottom: 12 }}
          data-testid="hh-adjust-reason"
        />
      )}
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} disabled={!warehouse} />
      {posted && (
        <Alert
          type="success"
          showIcon
          title={t('hh.adjusted', { sku: posted.sku, before: formatQty(posted.before), after: formatQty(posted.after) })}
          style={{ marginBottom: 12 }}
          data-testid="hh-adjusted"
          data-after={posted.after}
        />
      )}
      {info && <Alert type="info" showIcon title={info} style={{ marginBottom: 12 }} data-testid="hh-count-agrees" />}
      {product && warehouse && (
        <div key={seq} style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, marginBottom: 12 }} data-testid="hh-product" data-sku={product.sku}>
          <div style={{ fontSize: 18, fontWeight: 600 }}>{product.sku}</div>
          <div style={{ color: '#666', marginBottom: 8 }}>{localName(product)}</div>
          <div style={{ fontSize: 16, marginBottom: 12 }}>
            {t('hh.book', { warehouse: warehouse.code })}: <b data-testid="hh-onhand">{formatQty(onHand)}</b> {product.unit}
          </div>
          {mode === 'adjust' && reason !== 'SCRAP' && (
            <Segmented<AdjustmentDirection>
              block
              size="large"
              value={direction}
              onChange={setDirection}
              options={(['INCREASE', 'DECREASE'] as const).map((d) => ({ value: d, label: t(`adjustDirection.${d}`) }))}
              style={{ marginBottom: 12 }}
              data-testid="hh-adjust-direction"
            />
          )}
          <Input
            ref={qtyRef}
            autoFocus
            size="large"
            inputMode="decimal"
            autoComplete="off"
            placeholder={mode === 'count' ? t('hh.countedQty') : t('stock.quantity')}
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            onPressEnter={() => void submit()}
            style={{ ...BIG, marginBottom: 12 }}
            data-testid="hh-qty"
          />
          {mode === 'count' && isDecimal(qty.trim()) && qty.trim() !== '' && (
            <div style={{ marginBottom: 12 }} data-testid="hh-difference">
              {t('hh.difference', { diff: formatQty(dec(qty.trim()).minus(dec(onHand))) })}
            </div>
          )}
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
          <Button type="primary" block icon={<CheckOutlined />} style={BIG} loading={fetching} onClick={() => void submit()} data-testid="hh-post">
            {mode === 'count' ? t('hh.postCount') : t('hh.postAdjust')}
          </Button>
        </div>
      )}
    </HandheldPage>
  );
}
