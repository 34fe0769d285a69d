import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Empty, Input, Result, Spin } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { PurchaseOrderQuery, PurchaseOrdersQuery } from '../../purchasing/queries';
import { PostGoodsReceiptMutation } from '../../purchasing/mutations';
import { useLocalName, useT } from '../../../i18n';
import { dec, formatQty } from '../../../lib/decimal';
import { applyScan, countedLines, inLineUnit, normalizeCode, packsOf, progress } from '../scan';
import { BIG, HandheldPage, TapRow } from '../components/HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from '../components/ScanField';
import { CountLines, type ShownLine } from '../components/CountLines';
import { useCounts } from '../useCounts';

/**
 * Receive against a purchase order on a handheld: choose an open order (tap
 * or scan its number), scan each product delivered (its order line counts
 * up, never past what is still open), post the goods receipt. Rejections
 * with a reason are recorded on the desktop screen.
 */
export default function ReceivePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const id = params.get('order');
  const [received, setReceived] = useState<string>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PurchaseOrdersQuery, variables: { first: 100, filter: { status: ['APPROVED', 'PARTIALLY_RECEIVED'] } }, requestPolicy: 'cache-and-network' });
  const orders = data?.purchaseOrders.nodes ?? [];

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const c = normalizeCode(code).toUpperCase();
      const o = orders.find((x) => x.number.toUpperCase() === c);
      if (!o) return { ok: false, message: t('hh.noSuchOrder', { code }) };
      setReceived(undefined);
      setParams({ order: o.id });
      return { ok: true };
    },
    [orders, setParams, t],
  );

  if (id) {
    return (
      <OrderReceiver
        key={id}
        orderId={id}
        onReceived={(number) => {
          setReceived(number);
          setParams({});
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    );
  }
  return (
    <HandheldPage title={t('menu.handheldReceive')} testId="hh-receive">
      {received && <Result status="success" title={t('hh.received', { number: received })} style={{ padding: 16 }} data-testid="hh-received" />}
      <ScanField onScan={onScan} placeholder={t('hh.scanOrder')} />
      {error && <Alert type="error" showIcon title={error.message} />}
      {fetching && !data && <Spin />}
      {data && orders.length === 0 && <Empty description={t('hh.noOpenOrders')} />}
      {orders.map((o) => (
        <TapRow
          key={o.id}
          testId={`hh-order-${o.number}`}
          title={o.number}
          detail={`${o.supplier.name} · ${o.warehouse.code}${o.expectedDate ? ` · ${o.expectedDate}` : ''}`}
          onClick={() => {
            setReceived(undefined);
            setParams({ order: o.id });
          }}
        />
      ))}
    </HandheldPage>
  );
}

function OrderReceiver({ orderId, onReceived }: { orderId: string; onReceived: (number: string) => void }) {
  const t = useT();
  const localName = useLocalName();
  const [{ data, error }] = useQuery({ query: PurchaseOrderQuery, variables: { id: orderId, withTracking: true }, requestPolicy: 'network-only' });
  // A batch-tracked product's batch number and expiry, per order line id.
  const [batches, setBatches] = useState<Record<string, { number: string; expiry: string }>>({});
  const { counts, current, set: setCounts } = useCounts();
  const [last, setLast] = useState<number>();
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(() => crypto.randomUUID());
  const [{ fetching }, post] = useMutation(PostGoodsReceiptMutation);
  const scan = useRef<ScanFieldHandle>(null);
  const order = data?.purchaseOrder;
  // Only what is still open can be received.
  const lines: ShownLine[] = useMemo(
    // Counted in stock units: a carton's barcode counts its factor; the open quantity is in the line's unit.
    () =>
      (order?.lines ?? [])
        .filter((l) => dec(l.openQuantity).gt(0))
        .map((l) => ({ id: l.id, sku: l.product.sku, barcodes: l.product.barcodes, packs: packsOf(l.product.units), target: dec(l.openQuantity).times(dec(l.unitFactor)).toString(), name: localName(l.product), unit: l.product.unit })),
    [order, localName],
  );
  const p = progress(lines, counts);
  const trackingOf = (lineId: string) => order?.lines.find((l) => l.id === lineId)?.product.tracking;
  const tracked = lines.filter((l, i) => trackingOf(l.id)?.batchTracked && dec(counts[i]).gt(0));
  const setBatch = (id: string, v: Partial<{ number: string; expiry: string }>) => setBatches((b) => ({ ...b, [id]: { ...(b[id] ?? { number: '', expiry: '' }), ...v } }));

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const r = applyScan(lines, current(), code);
      if (r.kind === 'counted') {
        setCounts(r.counts);
        setLast(r.index);
        const msg = t('hh.counted', { sku: lines[r.index].sku, count: formatQty(r.counts[r.index]), target: formatQty(lines[r.index].target) });
        return { ok: true, message: r.pack ? `${t('hh.packScanned', { unit: r.pack.code, factor: formatQty(r.pack.factor) })} · ${msg}` : msg };
      }
      if (r.kind === 'full') return { ok: false, message: t('hh.lineFull', { sku: lines[r.index].sku }) };
      return { ok: false, message: t('hh.notOnOrder', { code, number: order?.number ?? '' }) };
    },
    [lines, current, setCounts, order, t],
  );

  async function submit() {
    if (!order) return;
    setErrors([]);
    const picked = countedLines(lines, counts);
    if (picked.length === 0) return setErrors([t('hh.nothingCounted')]);
    const missing = picked.flatMap((l) => {
      const tr = trackingOf(l.id);
      const b = batches[l.id];
      if (!tr?.batchTracked || (b?.number.trim() && (!tr.expiryTracked || b.expiry))) return [];
      const sku = order.lines.find((x) => x.id === l.id)?.product.sku ?? '';
      return [t('hh.batchNeeded', { sku, expiry: tr.expiryTracked ? t('hh.andExpiry') : '' })];
    });
    if (missing.length) return setErrors(missing);
    // The receipt takes quantities in the order line's unit; a tracked line its batch and expiry.
    const inUnit: { purchaseOrderLineId: string; acceptedQuantity: string; batchNumber?: string; expiryDate?: string }[] = [];
    const bad: string[] = [];
    for (const c of picked) {
      const l = order.lines.find((x) => x.id === c.id);
      const q = l ? inLineUnit(c.quantity, l.unitFactor) : null;
      if (!l || q === null) {
        bad.push(t('hh.notWholeUnit', { sku: l?.product.sku ?? '', count: formatQty(c.quantity), unit: l?.unit ?? '', factor: formatQty(l?.unitFactor ?? '1') }));
        continue;
      }
      const tr = trackingOf(l.id)?.batchTracked;
      inUnit.push({
        purchaseOrderLineId: l.id,
        acceptedQuantity: q,
        batchNumber: tr ? batches[l.id]?.number.trim() || undefined : undefined,
        expiryDate: tr ? batches[l.id]?.expiry || undefined : undefined,
      });
    }
    if (bad.length) return setErrors(bad);
    const res = await post({ input: { purchaseOrderId: order.id, lines: inUnit, idempotencyKey: key } });
    if (res.error) return setErrors([res.error.message]);
    const payload = res.data?.postGoodsReceipt;
    if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
    if (payload?.goodsReceipt) onReceived(payload.goodsReceipt.number);
    scan.current?.focus();
  }

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!order) return <Spin />;
  return (
    <HandheldPage title={`${order.number} · ${order.supplier.name}`} back="/m/receive" testId="hh-receiver">
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} disabled={lines.length === 0} />
      {lines.length === 0 && <Empty description={t('hh.nothingOpen')} />}
      <CountLines lines={lines} counts={counts} last={last} onChange={setCounts} testPrefix="hh-recv" />
      {tracked.map((l) => (
        <div key={l.id} style={{ margin: '8px 0', padding: 8, border: '1px solid #faad14', borderRadius: 8 }} data-testid={`hh-batch-${l.sku}`}>
          <div style={{ marginBottom: 4 }}>{t('hh.batchFor', { sku: l.sku })}</div>
          <Input size="large" autoComplete="off" placeholder={t('batch.receiptBatch')} value={batches[l.id]?.number ?? ''} onChange={(e) => setBatch(l.id, { number: e.target.value })} style={{ marginBottom: 8 }} data-testid={`hh-batch-number-${l.sku}`} />
          <Input size="large" type="date" placeholder={t('batch.receiptExpiry')} value={batches[l.id]?.expiry ?? ''} onChange={(e) => setBatch(l.id, { expiry: e.target.value })} data-testid={`hh-batch-expiry-${l.sku}`} />
        </div>
      ))}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
      <Button type="primary" block icon={<InboxOutlined />} style={BIG} loading={fetching} disabled={p.counted === '0'} onClick={() => void submit()} data-testid="hh-receive-post">
        {t('hh.postReceipt')}
      </Button>
    </HandheldPage>
  );
}
