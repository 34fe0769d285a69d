import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Empty, Result, Spin } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import { StockTransferQuery, StockTransfersQuery } from '../queries';
import { ReceiveStockTransferMutation, ShipStockTransferMutation } from '../mutations';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { dec, formatQty } from '../../../lib/decimal';
import { applyScan, countedLines, normalizeCode, progress } from '../../handheld/scan';
import { BIG, HandheldPage, TapRow } from '../../handheld/components/HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from '../../handheld/components/ScanField';
import { CountLines, type ShownLine } from '../../handheld/components/CountLines';
import { useCounts } from '../../handheld/useCounts';

/**
 * Transfers on a handheld: pick an open transfer (tap or scan its number);
 * a draft is shipped once every product is scanned to its quantity, a
 * shipped one receives what was scanned (several receipts allowed).
 */
export default function HandheldTransferPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const number = params.get('transfer');
  const [done, setDone] = useState<string>();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: StockTransfersQuery,
    variables: { first: 100, filter: { statuses: ['DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED'] } },
    requestPolicy: 'cache-and-network',
  });
  const transfers = data?.stockTransfers.nodes ?? [];

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const c = normalizeCode(code).toUpperCase();
      const tr = transfers.find((x) => x.number.toUpperCase() === c);
      if (!tr) return { ok: false, message: t('hh.transferUnknown', { code }) };
      setDone(undefined);
      setParams({ transfer: tr.number });
      return { ok: true };
    },
    [transfers, setParams, t],
  );

  if (number) {
    return (
      <TransferTask
        key={number}
        number={number}
        onDone={(msg) => {
          setDone(msg);
          setParams({});
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    );
  }
  return (
    <HandheldPage title={t('menu.handheldTransfer')} testId="hh-transfer">
      {done && <Result status="success" title={done} style={{ padding: 16 }} data-testid="hh-transfer-done" />}
      <ScanField onScan={onScan} placeholder={t('hh.scanTransfer')} />
      {error && <Alert type="error" showIcon title={error.message} />}
      {fetching && !data && <Spin />}
      {data && transfers.length === 0 && <Empty description={t('hh.noOpenTransfers')} />}
      {transfers.map((tr) => (
        <TapRow
          key={tr.id}
          testId={`hh-transfer-${tr.number}`}
          title={tr.number}
          detail={`${tr.fromWarehouse.code} → ${tr.toWarehouse.code} · ${enumLabel(t, 'TransferStatus', tr.status)}`}
          onClick={() => {
            setDone(undefined);
            setParams({ transfer: tr.number });
          }}
        />
      ))}
    </HandheldPage>
  );
}

function TransferTask({ number, onDone }: { number: string; onDone: (message: string) => void }) {
  const t = useT();
  const localName = useLocalName();
  const [{ data, error }] = useQuery({ query: StockTransferQuery, variables: { number }, requestPolicy: 'network-only' });
  const { counts, current, set: setCounts } = useCounts();
  const [last, setLast] = useState<number>();
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(() => crypto.randomUUID());
  const [{ fetching: shipping }, ship] = useMutation(ShipStockTransferMutation);
  const [{ fetching: receiving }, receive] = useMutation(ReceiveStockTransferMutation);
  const scan = useRef<ScanFieldHandle>(null);
  const tr = data?.stockTransfer;
  const draft = tr?.status === 'DRAFT';
  const lines: ShownLine[] = useMemo(
    () =>
      (tr?.lines ?? [])
        .map((l) => ({ id: String(l.lineNo), sku: l.product.sku, barcodes: l.product.barcodes, target: draft ? l.quantity : l.inTransitQty, name: localName(l.product), unit: l.product.unit }))
        .filter((l) => dec(l.target).gt(0)),
    [tr, draft, localName],
  );
  const p = progress(lines, counts);
  const complete = lines.every((l, i) => dec(counts[i] ?? '0').eq(dec(l.target)));

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const r = applyScan(lines, current(), code);
      if (r.kind === 'counted') {
        setCounts(r.counts);
        setLast(r.index);
        return { ok: true, message: t('hh.counted', { sku: lines[r.index].sku, count: formatQty(r.counts[r.index]), target: formatQty(lines[r.index].target) }) };
      }
      if (r.kind === 'full') return { ok: false, message: t('hh.lineFull', { sku: lines[r.index].sku }) };
      return { ok: false, message: t('hh.notOnTransfer', { code, number }) };
    },
    [lines, current, setCounts, number, t],
  );

  async function submit() {
    if (!tr) return;
    setErrors([]);
    if (draft) {
      const res = await ship({ input: { number, idempotencyKey: key } });
      if (res.error) return setErrors([res.error.message]);
      const payload = res.data?.shipStockTransfer;
      if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
      if (payload?.stockTransfer) onDone(t('hh.transferShipped', { number }));
    } else {
      const picked = countedLines(lines, counts);
      if (picked.length === 0) return setErrors([t('hh.nothingCounted')]);
      const res = await receive({ input: { number, lines: picked.map((l) => ({ lineNo: Number(l.id), quantity: l.quantity })), idempotencyKey: key } });
      if (res.error) return setErrors([res.error.message]);
      const payload = res.data?.receiveStockTransfer;
      if (payload?.userErrors.length) return setErrors(payload.userErrors.map((e) => e.message));
      if (payload?.stockTransfer) onDone(t('hh.transferReceived', { number }));
    }
    scan.current?.focus();
  }

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!tr) return <Spin />;
  return (
    <HandheldPage title={`${tr.number} · ${tr.fromWarehouse.code} → ${tr.toWarehouse.code}`} back="/m/transfer" testId="hh-transfer-task">
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} disabled={lines.length === 0} />
      {lines.length === 0 && <Empty description={t('hh.nothingOpen')} />}
      <CountLines lines={lines} counts={counts} last={last} onChange={setCounts} testPrefix="hh-tr" />
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
      <Button
        type="primary"
        block
        icon={<CarOutlined />}
        style={BIG}
        loading={shipping || receiving}
        disabled={draft ? !complete : p.counted === '0'}
        onClick={() => void submit()}
        data-testid="hh-transfer-post"
      >
        {t(draft ? 'transfer.ship' : 'transfer.receive')}
      </Button>
    </HandheldPage>
  );
}
