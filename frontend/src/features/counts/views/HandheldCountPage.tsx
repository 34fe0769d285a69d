import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Empty, Input, Result, Spin, type InputRef } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { StockCountLineFieldsFragment } from '../../../gql/graphql';
import { OpenStockCountsQuery, StockCountQuery } from '../queries';
import { AddCountEntryMutation } from '../mutations';
import { useLocalName, useT } from '../../../i18n';
import { formatQty } from '../../../lib/decimal';
import { normalizeCode } from '../../handheld/scan';
import { BIG, HandheldPage, TapRow } from '../../handheld/components/HandheldPage';
import { ScanField, type ScanAnswer, type ScanFieldHandle } from '../../handheld/components/ScanField';
import { countedQuantity, lineOfCode } from '../variance';
import { scopeText } from './StockCountsPage';

/**
 * /m/count — counting a sheet on a handheld: choose a sheet being counted
 * (tap or scan its number), then scan the goods (each scan enters 1) or tap
 * a line and enter a quantity. Several counters count one sheet at once:
 * their entries add up, and the line's total shown is the server's, read
 * again after each entry. A blind sheet shows no book quantity.
 */
export default function HandheldCountPage() {
  const t = useT();
  const localName = useLocalName();
  const [params, setParams] = useSearchParams();
  const number = params.get('sheet');
  const [{ data, fetching, error }] = useQuery({ query: OpenStockCountsQuery, requestPolicy: 'cache-and-network' });
  const sheets = data?.stockCounts.nodes ?? [];

  const onScan = useCallback(
    (code: string): ScanAnswer => {
      const c = normalizeCode(code).toUpperCase();
      const s = sheets.find((x) => x.number.toUpperCase() === c);
      if (!s) return { ok: false, message: t('hh.countUnknown', { code }) };
      setParams({ sheet: s.number });
      return { ok: true };
    },
    [sheets, setParams, t],
  );

  if (number) return <SheetTask key={number} number={number} />;
  return (
    <HandheldPage title={t('menu.handheldCount')} testId="hh-count">
      <ScanField onScan={onScan} placeholder={t('hh.scanCountSheet')} />
      {error && <Alert type="error" showIcon title={error.message} />}
      {fetching && !data && <Spin />}
      {data && sheets.length === 0 && <Empty description={t('hh.noOpenCounts')} />}
      {sheets.map((s) => (
        <TapRow
          key={s.id}
          testId={`hh-sheet-${s.number}`}
          title={`${s.number}${s.blind ? ` · ${t('count.blind')}` : ''}`}
          detail={`${s.warehouse.code} · ${scopeText(t, s, localName)}${s.description ? ` · ${s.description}` : ''}`}
          onClick={() => setParams({ sheet: s.number })}
        />
      ))}
    </HandheldPage>
  );
}

type Line = StockCountLineFieldsFragment;

function SheetTask({ number }: { number: string }) {
  const t = useT();
  const localName = useLocalName();
  const [{ data, error }, reload] = useQuery({ query: StockCountQuery, variables: { number }, requestPolicy: 'network-only' });
  const [{ fetching }, addEntry] = useMutation(AddCountEntryMutation);
  // The lines as last read: the sheet's, each replaced by the line an entry returned.
  const [lines, setLines] = useState<Line[]>([]);
  const [chosen, setChosen] = useState<number>();
  const [qty, setQty] = useState('');
  const [damaged, setDamaged] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [added, setAdded] = useState<{ sku: string; qty: string; total: string; lineNo: number }>();
  const scan = useRef<ScanFieldHandle>(null);
  const qtyRef = useRef<InputRef>(null);
  const sheet = data?.stockCount;
  useEffect(() => {
    if (sheet) setLines(sheet.lines);
  }, [sheet]);
  const linesRef = useRef(lines);
  linesRef.current = lines;

  const enter = useCallback(
    // announce: show the line's new total in a box (a scan's answer shows under the scan field already).
    async (input: { productId?: string; barcode?: string; locationId?: string; quantity?: string; damaged?: string }, announce = false) => {
      setErrors([]);
      const res = await addEntry({ input: { number, ...input } });
      if (res.error) return { error: res.error.message };
      const p = res.data?.addCountEntry;
      if (p?.userErrors.length) return { error: p.userErrors.map((e) => e.message).join('; ') };
      const line = p?.line;
      if (!line) return { error: t('hh.notOnSheet', { code: input.barcode ?? '', number }) };
      setLines((ls) => (ls.some((l) => l.id === line.id) ? ls.map((l) => (l.id === line.id ? line : l)) : [...ls, line]));
      setAdded(announce ? { sku: line.product.sku, qty: input.quantity ?? '1', total: line.counted ?? '0', lineNo: line.lineNo } : undefined);
      // Other counters' entries on other lines, too.
      reload({ requestPolicy: 'network-only' });
      return { line };
    },
    [addEntry, number, reload, t],
  );

  const onScan = useCallback(
    async (code: string): Promise<ScanAnswer> => {
      const i = lineOfCode(linesRef.current, code);
      const r = await enter({ barcode: normalizeCode(code), locationId: i >= 0 ? (linesRef.current[i].location?.id ?? undefined) : undefined });
      if ('error' in r && r.error) return { ok: false, message: r.error };
      const line = (r as { line: Line }).line;
      return { ok: true, message: t('hh.countAdded', { sku: line.product.sku, qty: '1', total: formatQty(line.counted) }) };
    },
    [enter, t],
  );

  async function submit() {
    const line = lines.find((l) => l.lineNo === chosen);
    if (!line) return;
    const q = countedQuantity(qty);
    const d = damaged.trim() ? countedQuantity(damaged) : undefined;
    if (q === undefined || (damaged.trim() && d === undefined)) return setErrors([t('hh.qtyInvalid')]);
    const r = await enter({ productId: line.product.id, locationId: line.location?.id ?? undefined, quantity: q, damaged: d }, true);
    if ('error' in r && r.error) return setErrors([r.error]);
    setQty('');
    setDamaged('');
    setChosen(undefined);
    scan.current?.focus();
  }

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!sheet) return <Spin />;
  if (sheet.status !== 'COUNTING') {
    return (
      <HandheldPage title={sheet.number} back="/m/count" testId="hh-count-sheet">
        <Result status="info" title={t('hh.countUnknown', { code: sheet.number })} />
      </HandheldPage>
    );
  }
  return (
    <HandheldPage title={`${sheet.number} · ${sheet.warehouse.code}`} back="/m/count" testId="hh-count-sheet">
      {sheet.bookHidden && <Alert type="info" showIcon title={t('hh.blindSheet')} style={{ marginBottom: 12 }} data-testid="hh-blind" />}
      <ScanField ref={scan} onScan={onScan} placeholder={t('hh.scanProduct')} />
      {added && (
        <Alert
          type="success"
          showIcon
          title={t('hh.countAdded', { sku: added.sku, qty: formatQty(added.qty), total: formatQty(added.total) })}
          style={{ marginBottom: 12 }}
          data-testid="hh-count-added"
          data-total={added.total}
          data-line={added.lineNo}
        />
      )}
      <div style={{ color: '#666', marginBottom: 8 }}>{t('hh.pickLine')}</div>
      {lines.map((l) => (
        <div key={l.id}>
          <TapRow
            testId={`hh-cline-${l.lineNo}`}
            title={`${l.product.sku}${l.location ? ` · ${l.location.code}` : ''}`}
            detail={`${localName(l.product)}${l.book != null ? ` · ${t('hh.bookQty', { qty: formatQty(l.book) })}` : ''}`}
            extra={
              <span style={{ fontSize: 18, fontVariantNumeric: 'tabular-nums' }} data-testid={`hh-cline-counted-${l.lineNo}`} data-counted={l.counted ?? ''}>
                <b>{l.counted == null ? '—' : formatQty(l.counted)}</b> <span style={{ color: '#999', fontSize: 13 }}>{l.product.unit}</span>
              </span>
            }
            onClick={() => {
              setChosen(l.lineNo);
              setQty('');
              setDamaged(l.damaged && l.damaged !== '0' ? l.damaged : '');
              setErrors([]);
              setTimeout(() => qtyRef.current?.focus(), 0);
            }}
          />
          {chosen === l.lineNo && (
            <div style={{ border: '1px solid #1d5fbf', borderRadius: 8, padding: 12, marginBottom: 12 }} data-testid="hh-entry">
              <Input
                ref={qtyRef}
                autoFocus
                size="large"
                inputMode="decimal"
                autoComplete="off"
                placeholder={t('hh.entryQty')}
                value={qty}
                onChange={(e) => setQty(e.target.value)}
                onPressEnter={() => void submit()}
                style={{ ...BIG, marginBottom: 12 }}
                data-testid="hh-entry-qty"
              />
              <Input
                size="large"
                inputMode="decimal"
                autoComplete="off"
                placeholder={t('hh.damagedHint')}
                value={damaged}
                onChange={(e) => setDamaged(e.target.value)}
                onPressEnter={() => void submit()}
                style={{ marginBottom: 12 }}
                data-testid="hh-entry-damaged"
              />
              {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="hh-errors" />}
              <Button type="primary" block icon={<CheckOutlined />} style={BIG} loading={fetching} onClick={() => void submit()} data-testid="hh-entry-add">
                {t('hh.addEntry')}
              </Button>
            </div>
          )}
        </div>
      ))}
    </HandheldPage>
  );
}
