import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Descriptions, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { ShortfallReason, StockTransferQuery as Result, UserErrorFieldsFragment } from '../../../gql/graphql';
import { StockTransferQuery } from '../queries';
import { CancelStockTransferMutation, ReceiveStockTransferMutation, SettleTransferShortfallMutation, ShipStockTransferMutation } from '../mutations';
import { DocumentFrame, Section } from '../../purchasing/components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { STOCK_WRITE } from '../../../app/access';
import { formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Transfer = NonNullable<Result['stockTransfer']>;
type Line = Transfer['lines'][number];
type Event = Transfer['events'][number];

/** /stock/transfers/:number — a transfer with its lines (shipped, received, short), receipts, vouchers and audit trail; ship, receive, settle, cancel. */
export default function StockTransferPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const { number = '' } = useParams();
  const canWrite = useCan(STOCK_WRITE);
  const [{ data, error, fetching }, reload] = useQuery({ query: StockTransferQuery, variables: { number } });
  const [, ship] = useMutation(ShipStockTransferMutation);
  const [, receive] = useMutation(ReceiveStockTransferMutation);
  const [, settle] = useMutation(SettleTransferShortfallMutation);
  const [, cancel] = useMutation(CancelStockTransferMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const [reason, setReason] = useState<ShortfallReason>('LOSS');
  const [carrier, setCarrier] = useState('');
  const tr = data?.stockTransfer;

  async function run(p: Promise<{ error?: { message: string }; data?: unknown }>, pick: (d: never) => { userErrors: UserErrorFieldsFragment[] } | undefined) {
    setErrors([]);
    const res = await p;
    if (res.error) return setErrors([res.error.message]);
    const ues = pick(res.data as never)?.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('transfer.done'));
    reload({ requestPolicy: 'network-only' });
  }

  const open = tr && (tr.status === 'SHIPPED' || tr.status === 'PARTIALLY_RECEIVED');
  const actions = tr && canWrite && (
    <Space wrap>
      {tr.status === 'DRAFT' && (
        <Button type="primary" data-testid="transfer-ship" onClick={() => void run(ship({ input: { number } }), (d: { shipStockTransfer: { userErrors: UserErrorFieldsFragment[] } }) => d?.shipStockTransfer)}>
          {t('transfer.ship')}
        </Button>
      )}
      {tr.status === 'DRAFT' && (
        <Popconfirm title={t('transfer.cancel')} onConfirm={() => void run(cancel({ number }), (d: { cancelStockTransfer: { userErrors: UserErrorFieldsFragment[] } }) => d?.cancelStockTransfer)}>
          <Button danger data-testid="transfer-cancel">
            {t('transfer.cancel')}
          </Button>
        </Popconfirm>
      )}
      {open && (
        <Button
          type="primary"
          data-testid="transfer-receive-all"
          onClick={() =>
            void run(
              receive({ input: { number, lines: tr.lines.filter((l) => Number(l.inTransitQty) > 0).map((l) => ({ lineNo: l.lineNo, quantity: l.inTransitQty })) } }),
              (d: { receiveStockTransfer: { userErrors: UserErrorFieldsFragment[] } }) => d?.receiveStockTransfer,
            )
          }
        >
          {t('transfer.receiveAll')}
        </Button>
      )}
      {open && (
        <Space.Compact>
          <Select<ShortfallReason>
            style={{ width: 180 }}
            value={reason}
            onChange={setReason}
            data-testid="transfer-short-reason"
            options={(['LOSS', 'CARRIER_CLAIM'] as const).map((r) => ({ value: r, label: enumLabel(t, 'ShortfallReason', r) }))}
          />
          {reason === 'CARRIER_CLAIM' && <Input style={{ width: 160 }} placeholder={t('transfer.carrier')} value={carrier} onChange={(e) => setCarrier(e.target.value)} data-testid="transfer-short-carrier" />}
          <Button
            data-testid="transfer-settle"
            onClick={() =>
              void run(
                settle({ input: { number, reason, carrier: reason === 'CARRIER_CLAIM' ? carrier || tr.carrier : undefined } }),
                (d: { settleTransferShortfall: { userErrors: UserErrorFieldsFragment[] } }) => d?.settleTransferShortfall,
              )
            }
          >
            {t('transfer.settle')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );

  return (
    <DocumentFrame
      title={t('pdoc.kind.STOCK_TRANSFER')}
      number={number}
      status={tr && <Tag data-testid="transfer-status">{enumLabel(t, 'TransferStatus', tr.status)}</Tag>}
      actions={actions}
      back="/stock/transfers"
      fetching={fetching}
      error={error}
      found={!!tr}
      recordType="stockTransfer"
      recordId={tr?.id}
    >
      {tr && (
        <>
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="transfer-errors" />}
          <Descriptions column={3} size="small" bordered data-testid="document-header">
            <Descriptions.Item label={t('transfer.from')}>{`${tr.fromWarehouse.code} ${tr.fromWarehouse.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.to')}>{`${tr.toWarehouse.code} ${tr.toWarehouse.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.date')}>{tr.transferDate}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.shippedDate')}>{tr.shippedDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.carrier')}>{tr.carrier || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.shipVoucher')}>
              {tr.shipVoucherNo ? <DocumentLink kind="MANUAL_ENTRY" number={tr.shipVoucherNo} testId="transfer-ship-voucher">{tr.shipVoucherNo}</DocumentLink> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('transfer.inTransitQty')}>
              <span data-testid="transfer-in-transit">{formatQty(tr.inTransitQuantity)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('transfer.inTransitValue')}>
              <Amount value={tr.inTransitValue} />
            </Descriptions.Item>
            <Descriptions.Item label={t('transfer.notes')}>{tr.notes || '—'}</Descriptions.Item>
          </Descriptions>
          <Section title={t('transfer.lines')} testId="transfer-lines">
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={tr.lines}
              columns={[
                { key: 'lineNo', title: '#', dataIndex: 'lineNo' },
                { key: 'product', title: t('transfer.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
                { key: 'quantity', title: t('transfer.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
                { key: 'shipped', title: t('transfer.shipped'), align: 'right', render: (_, l) => <span data-testid={`transfer-line-shipped-${l.lineNo}`}>{formatQty(l.shippedQty)}</span> },
                { key: 'shippedValue', title: t('transfer.shippedValue'), align: 'right', render: (_, l) => <Amount value={l.shippedValue} /> },
                { key: 'received', title: t('transfer.received'), align: 'right', render: (_, l) => <span data-testid={`transfer-line-received-${l.lineNo}`}>{formatQty(l.receivedQty)}</span> },
                { key: 'short', title: t('transfer.short'), align: 'right', render: (_, l) => formatQty(l.shortQty) },
                { key: 'shortReason', title: t('transfer.shortReason'), render: (_, l) => (l.shortReason ? enumLabel(t, 'ShortfallReason', l.shortReason) : '—') },
                { key: 'inTransit', title: t('transfer.inTransitQty'), align: 'right', render: (_, l) => formatQty(l.inTransitQty) },
              ]}
            />
          </Section>
          {tr.events.length > 0 && (
            <Section title={t('transfer.events')} testId="transfer-events">
              <Table<Event>
                size="small"
                rowKey={(e) => `${e.kind}-${e.eventDate}-${e.voucherNo ?? ''}-${e.quantity}`}
                pagination={false}
                dataSource={tr.events}
                columns={[
                  { key: 'kind', title: t('transfer.status'), render: (_, e) => t(e.kind === 'RECEIPT' ? 'transfer.eventKind.RECEIPT' : 'transfer.eventKind.SHORTFALL') },
                  { key: 'date', title: t('transfer.date'), dataIndex: 'eventDate' },
                  { key: 'reason', title: t('transfer.shortReason'), render: (_, e) => (e.reason ? enumLabel(t, 'ShortfallReason', e.reason) : '—') },
                  { key: 'carrier', title: t('transfer.carrier'), render: (_, e) => e.carrier || '—' },
                  { key: 'quantity', title: t('transfer.quantity'), align: 'right', render: (_, e) => formatQty(e.quantity) },
                  { key: 'value', title: t('transfer.inTransitValue'), align: 'right', render: (_, e) => <Amount value={e.value} /> },
                  { key: 'voucher', title: t('transfer.voucher'), render: (_, e) => (e.voucherNo ? <DocumentLink kind="MANUAL_ENTRY" number={e.voucherNo}>{e.voucherNo}</DocumentLink> : '—') },
                ]}
              />
            </Section>
          )}
        </>
      )}
    </DocumentFrame>
  );
}
