import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { ShipmentFieldsFragment } from '../../../gql/graphql';
import { ShipmentsQuery } from '../../sales/queries';
import { ShipShipmentMutation } from '../../sales/mutations';
import { useLocalName, useT } from '../../../i18n';
import { dec, formatQty } from '../../../lib/decimal';
import { applyScan, countedLines, inLineUnit, normalizeCode, packsOf, progress, type ScanPack } from '../scan';
import { ProductUnitsQuery } from '../../catalog/queries';
import { BIG, HandheldPage, TapRow } from '../components/HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from '../components/ScanField';
import { CountLines, type ShownLine } from '../components/CountLines';
import { useCounts } from '../useCounts';

/**
 * Pick and ship on a handheld: the pending shipments to choose from (tap
 * one or scan its number), then each product scanned counts up its line;
 * ship sends what was picked (the rest stays pending, as on the desktop).
 */
export default function PickPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const id = params.get('shipment');
  const [shipped, setShipped] = useState<string>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ShipmentsQuery, variables: { first: 100, filter: { status: ['PENDING'] } }, requestPolicy: 'cache-and-network' });
  const pending = data?.shipments.nodes ?? [];
  const open = pending.find((s) => s.id === id);

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const c = normalizeCode(code).toUpperCase();
      const s = pending.find((x) => x.number.toUpperCase() === c || x.order.number.toUpperCase() === c);
      if (!s) return { ok: false, message: t('hh.noSuchShipment', { code }) };
      setShipped(undefined);
      setParams({ shipment: s.id });
      return { ok: true };
    },
    [pending, setParams, t],
  );

  if (open) {
    return (
      <ShipmentPicker
        key={open.id}
        shipment={open}
        onShipped={(number) => {
          setShipped(number);
          setParams({});
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    );
  }
  return (
    <HandheldPage title={t('menu.handheldPick')} testId="hh-pick">
      {shipped && <Result status="success" title={t('hh.shipped', { number: shipped })} style={{ padding: 16 }} data-testid="hh-shipped" />}
      <ScanField onScan={onScan} placeholder={t('hh.scanShipment')} />
      {error && <Alert type="error" showIcon title={error.message} />}
      {fetching && !data && <Spin />}
      {data && pending.length === 0 && <Empty description={t('hh.noPending')} />}
      {pending.map((s) => (
        <TapRow
          key={s.id}
          testId={`hh-shipment-${s.number}`}
          title={`${s.number} · ${s.order.number}`}
          detail={`${s.customer.name} · ${s.warehouse.code} · ${t('hh.lineCount', { n: s.lines.length })}`}
          onClick={() => {
            setShipped(undefined);
            setParams({ shipment: s.id });
          }}
        />
      ))}
    </HandheldPage>
  );
}

type Shipment = ShipmentFieldsFragment;

function ShipmentPicker({ shipment: s, onShipped }: { shipment: Shipment; onShipped: (number: string) => void }) {
  const t = useT();
  const localName = useLocalName();
  const { counts, current, set: setCounts } = useCounts();
  const [last, setLast] = useState<number>();
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(() => crypto.randomUUID());
  const [{ fetching }, ship] = useMutation(ShipShipmentMutation);
  const scan = useRef<ScanFieldHandle>(null);
  const packs = useProductPacks(s.lines.map((l) => l.product.id));
  // Counted in stock units: a carton's barcode counts its factor; the shipment's quantities are in the order line's unit.
  const lines: ShownLine[] = useMemo(
    () =>
      s.lines.map((l) => ({
        id: l.id,
        sku: l.product.sku,
        barcodes: l.product.barcodes,
        packs: packs[l.product.id] ?? [],
        target: dec(l.quantity).times(dec(l.unitFactor)).toString(),
        name: localName(l.product),
        unit: l.product.unit,
      })),
    [s, localName, packs],
  );
  const p = progress(lines, counts);

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
      return { ok: false, message: t('hh.notOnShipment', { code, number: s.number }) };
    },
    [lines, current, setCounts, s.number, t],
  );

  async function submit() {
    setErrors([]);
    const picked = countedLines(lines, counts);
    if (picked.length === 0) return setErrors([t('hh.nothingCounted')]);
    // The shipment takes quantities in the order line's unit.
    const inUnit: { shipmentLineId: string; quantity: string }[] = [];
    const bad: string[] = [];
    for (const c of picked) {
      const l = s.lines.find((x) => x.id === c.id);
      const q = l ? inLineUnit(c.quantity, l.unitFactor) : null;
      if (!l || q === null) bad.push(t('hh.notWholeUnit', { sku: l?.product.sku ?? '', count: formatQty(c.quantity), unit: l?.unit ?? '', factor: formatQty(l?.unitFactor ?? '1') }));
      else inUnit.push({ shipmentLineId: l.id, quantity: q });
    }
    if (bad.length) return setErrors(bad);
    const res = await ship({ input: { shipmentId: s.id, lines: inUnit, idempotencyKey: key } });
    if (res.error) return setErrors([res.error.message]);
    const payload = res.data?.shipShipment;
    if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
    if (payload?.shipment) onShipped(payload.shipment.number);
    scan.current?.focus();
  }

  return (
    <HandheldPage title={`${s.number} · ${s.customer.name}`} back="/m/pick" testId="hh-picker">
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} />
      <CountLines lines={lines} counts={counts} last={last} onChange={setCounts} testPrefix="hh-pick" />
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
      {!p.done && p.counted !== '0' && <Alert type="info" title={t('hh.partialShip')} style={{ marginBottom: 12 }} />}
      <Button type="primary" block icon={<SendOutlined />} style={BIG} loading={fetching} disabled={p.counted === '0'} onClick={() => void submit()} data-testid="hh-ship">
        {t('hh.ship')}
      </Button>
    </HandheldPage>
  );
}

/** The units with a barcode (cartons) of the products, by product id, read once per product. */
function useProductPacks(ids: readonly string[]): Record<string, ScanPack[]> {
  const client = useClient();
  const [packs, setPacks] = useState<Record<string, ScanPack[]>>({});
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let live = true;
    void (async () => {
      const out: Record<string, ScanPack[]> = {};
      for (const id of key.split(',').filter(Boolean)) {
        const res = await client.query(ProductUnitsQuery, { id }).toPromise();
        out[id] = packsOf(res.data?.product?.units);
      }
      if (live) setPacks(out);
    })();
    return () => {
      live = false;
    };
  }, [key, client]);
  return packs;
}
