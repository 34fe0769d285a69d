import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { PickListQuery as Result } from '../../../gql/graphql';
import { PickListQuery } from '../queries';
import { ConfirmPickListMutation, RecordPickMutation } from '../mutations';
import { PICK_WRITE, pickListPrintPath } from '../routes';
import { ShipmentDispatch } from '../components/ShipmentDispatch';
import { DocumentFrame, Section } from '../../purchasing/components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { DecimalInput } from '../../../components/DecimalInput';
import { useCan } from '../../../app/session';
import { dec, formatQty, isDecimal } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type PickList = NonNullable<Result['pickList']>;
type Line = PickList['lines'][number];

/** /stock/pick-lists/:number — the lines in walking order (bin, product, batch) with what is picked; record picks, confirm; then pack and dispatch each shipment, its delivery status live; prints; audit trail. */
export default function PickListPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const { number = '' } = useParams();
  const canWrite = useCan(PICK_WRITE);
  const [{ data, error, fetching }, reload] = useQuery({ query: PickListQuery, variables: { number } });
  const [, recordPick] = useMutation(RecordPickMutation);
  const [, confirm] = useMutation(ConfirmPickListMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const [qty, setQty] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const pl = data?.pickList;
  const open = pl?.status === 'OPEN';
  const hasBatches = pl?.lines.some((l) => l.batch) ?? false;

  async function pick(lines: { line: Line; quantity: string }[]) {
    setErrors([]);
    setBusy(true);
    try {
      for (const { line, quantity } of lines) {
        const res = await recordPick({ input: { pickListNumber: number, lineId: line.id, quantity } });
        if (res.error) return setErrors([res.error.message]);
        const ues = res.data?.recordPick.userErrors ?? [];
        if (ues.length) return setErrors(ues.map((e) => e.message));
      }
      setQty({});
      message.success(t('dispatch.done'));
    } finally {
      setBusy(false);
      reload({ requestPolicy: 'network-only' });
    }
  }
  const rest = (l: Line) => dec(l.quantity).minus(dec(l.picked));

  async function onConfirm() {
    setErrors([]);
    const res = await confirm({ number });
    if (res.error) return setErrors([res.error.message]);
    const ues = res.data?.confirmPickList.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('dispatch.done'));
    reload({ requestPolicy: 'network-only' });
  }

  const actions = pl && (
    <Space wrap>
      {open && canWrite && (
        <Button
          loading={busy}
          data-testid="picklist-pick-all"
          onClick={() => void pick(pl.lines.filter((l) => rest(l).gt(0)).map((l) => ({ line: l, quantity: rest(l).toString() })))}
        >
          {t('dispatch.pickAll')}
        </Button>
      )}
      {open && canWrite && (
        <Popconfirm title={t('dispatch.confirm')} onConfirm={() => void onConfirm()} okButtonProps={{ 'data-testid': 'picklist-confirm-ok' } as never}>
          <Button type="primary" data-testid="picklist-confirm">
            {t('dispatch.confirm')}
          </Button>
        </Popconfirm>
      )}
      <Link to={pickListPrintPath(pl.number)} data-testid="picklist-print">
        <Button icon={<PrinterOutlined />}>{t('dispatch.printPick')}</Button>
      </Link>
    </Space>
  );

  return (
    <DocumentFrame
      title={t('dispatch.pickList')}
      number={number}
      status={pl && <Tag data-testid="picklist-status">{enumLabel(t, 'PickListStatus', pl.status)}</Tag>}
      actions={actions}
      back="/stock/pick-lists"
      fetching={fetching}
      error={error}
      found={!!pl}
      recordType="pickList"
      recordId={pl?.id}
    >
      {pl && (
        <>
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} data-testid="picklist-errors" style={{ marginBottom: 12 }} />}
          <Section title={t('dispatch.lines')} testId="picklist-lines">
            <Table<Line>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={pl.lines}
              onRow={(l) => ({ 'data-testid': `picklist-line-${l.seq}` }) as never}
              columns={[
                { key: 'seq', title: t('dispatch.seq'), dataIndex: 'seq', width: 60 },
                { key: 'bin', title: t('dispatch.bin'), render: (_, l) => <span data-testid={`picklist-bin-${l.seq}`}>{l.location?.code ?? t('dispatch.noBin')}</span> },
                { key: 'product', title: t('dispatch.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
                ...(hasBatches
                  ? [{ key: 'batch', title: t('dispatch.batch'), render: (_: unknown, l: Line) => (l.batch ? `${l.batch.number}${l.batch.expiryDate ? ` (${t('dispatch.expiry')} ${l.batch.expiryDate})` : ''}` : '') }]
                  : []),
                { key: 'shipment', title: t('dispatch.shipment'), render: (_, l) => <DocumentLink kind="SHIPMENT" number={l.shipmentNumber} /> },
                { key: 'quantity', title: t('dispatch.quantity'), align: 'right', render: (_, l) => <span data-testid={`picklist-qty-${l.seq}`}>{formatQty(l.quantity)}</span> },
                { key: 'picked', title: t('dispatch.picked'), align: 'right', render: (_, l) => <span data-testid={`picklist-picked-${l.seq}`}>{formatQty(l.picked)}</span> },
                ...(open && canWrite
                  ? [
                      {
                        key: 'pick',
                        title: t('dispatch.pick'),
                        render: (_: unknown, l: Line) =>
                          rest(l).gt(0) && (
                            <Space.Compact>
                              <DecimalInput
                                style={{ width: 90 }}
                                value={qty[l.id] ?? ''}
                                onChange={(e) => setQty({ ...qty, [l.id]: e.target.value })}
                                data-testid={`picklist-input-${l.seq}`}
                              />
                              <Button
                                disabled={busy}
                                data-testid={`picklist-record-${l.seq}`}
                                onClick={() => {
                                  const q = qty[l.id] ?? '';
                                  if (!isDecimal(q) || !dec(q).gt(0)) return setErrors([t('dispatch.badNumber')]);
                                  void pick([{ line: l, quantity: q }]);
                                }}
                              >
                                {t('dispatch.pick')}
                              </Button>
                              <Button disabled={busy} data-testid={`picklist-rest-${l.seq}`} onClick={() => void pick([{ line: l, quantity: rest(l).toString() }])}>
                                {t('dispatch.pickRest')}
                              </Button>
                            </Space.Compact>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
          <Section title={t('dispatch.shipments')} testId="picklist-shipments-section">
            {pl.shipments.map((s) => (
              <ShipmentDispatch key={s.id} pickListNumber={pl.number} shipment={s} canWrite={canWrite} />
            ))}
          </Section>
        </>
      )}
    </DocumentFrame>
  );
}
