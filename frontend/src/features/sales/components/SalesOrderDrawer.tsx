import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { SalesOrderQuery } from '../queries';
import { CancelSalesOrderMutation, CloseSalesOrderMutation, ConfirmSalesOrderMutation, ReleaseSalesOrderHoldMutation, ReserveSalesOrderStockMutation } from '../mutations';
import { ShipmentStatusTag, SoStatusTag } from './common';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { dec, formatDecimal, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { DocumentLink } from '../../../components/DocumentLink';

type Op = 'confirm' | 'cancel' | 'close' | 'release' | 'reserve';

/** One sales order in a drawer over a list. */
export function SalesOrderDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const [{ data }] = useQuery({ query: SalesOrderQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'cache-only' });
  const o = data?.salesOrder;
  const title = o ? `${o.number} · ${o.customer.code} ${o.customer.name}` : t('so.detail');
  return (
    <Drawer open={!!id} onClose={onClose} size={1000} title={o ? <DocumentLink kind="SALES_ORDER" number={o.number}>{title}</DocumentLink> : title} data-testid="so-drawer">
      {id && <SalesOrderDetail id={id} onChanged={onChanged} />}
    </Drawer>
  );
}

/** One sales order with its lines, reservations, shortages and shipments, and the actions its status allows (the drawer's and the order page's body). */
export function SalesOrderDetail({ id, onChanged, audit = true }: { id: string; onChanged?: () => void; audit?: boolean }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const canSell = useCan(['SALES', 'MANAGER']);
  const canRelease = useCan(['FINANCE', 'MANAGER']);
  const canReserve = useCan(['SALES', 'WAREHOUSE', 'MANAGER']);
  const [{ data, error, fetching }, refetch] = useQuery({ query: SalesOrderQuery, variables: { id }, requestPolicy: 'network-only' });
  const [, confirm] = useMutation(ConfirmSalesOrderMutation);
  const [, cancel] = useMutation(CancelSalesOrderMutation);
  const [, close] = useMutation(CloseSalesOrderMutation);
  const [, release] = useMutation(ReleaseSalesOrderHoldMutation);
  const [, reserve] = useMutation(ReserveSalesOrderStockMutation);
  const [busy, setBusy] = useState<Op>();
  const [errors, setErrors] = useState<string[]>([]);
  const o = data?.salesOrder;

  async function act(op: Op) {
    if (!o) return;
    setBusy(op);
    setErrors([]);
    const run = { confirm, cancel, close, release, reserve }[op];
    const res = await run({ id: o.id });
    setBusy(undefined);
    const d = res.data as Record<string, { order?: { status: string; holdReason?: string | null } | null; userErrors: { message: string }[] } | undefined> | undefined;
    const p = d && Object.values(d)[0];
    if (res.error) return setErrors([res.error.message]);
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    if (p?.order?.status === 'ON_HOLD') message.warning(t('so.putOnHold', { number: o.number, reason: p.order.holdReason ?? '' }));
    else message.success(t(`so.done.${op}`, { number: o.number }));
    refetch({ requestPolicy: 'network-only' });
    onChanged?.();
  }

  const outstanding = o?.lines.filter((l) => dec(l.outstanding).gt(0)) ?? [];
  const active = o && ['CONFIRMED', 'PARTIALLY_SHIPPED'].includes(o.status);

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!o) return fetching ? <Skeleton active /> : null;
  const body = (
          <>
            <Space wrap style={{ marginBottom: 16 }}>
              {canSell && o.status === 'DRAFT' && (
                <Button type="primary" loading={busy === 'confirm'} onClick={() => act('confirm')} data-testid="so-confirm">
                  {t('so.confirm')}
                </Button>
              )}
              {canRelease && o.status === 'ON_HOLD' && (
                <Popconfirm title={t('so.releaseConfirm', { number: o.number })} onConfirm={() => act('release')} okButtonProps={{ 'data-testid': 'so-release-ok' }}>
                  <Button type="primary" loading={busy === 'release'} data-testid="so-release">
                    {t('so.release')}
                  </Button>
                </Popconfirm>
              )}
              {canReserve && active && outstanding.length > 0 && (
                <Button loading={busy === 'reserve'} onClick={() => act('reserve')} data-testid="so-reserve">
                  {t('so.reserve')}
                </Button>
              )}
              {canSell && ['DRAFT', 'ON_HOLD', 'CONFIRMED'].includes(o.status) && (
                <Popconfirm title={t('so.cancelConfirm', { number: o.number })} onConfirm={() => act('cancel')} okButtonProps={{ 'data-testid': 'so-cancel-ok' }}>
                  <Button danger loading={busy === 'cancel'} data-testid="so-cancel">
                    {t('so.cancel')}
                  </Button>
                </Popconfirm>
              )}
              {canSell && ['SHIPPED', 'PARTIALLY_SHIPPED'].includes(o.status) && (
                <Popconfirm title={t('so.closeConfirm', { number: o.number })} onConfirm={() => act('close')} okButtonProps={{ 'data-testid': 'so-close-ok' }}>
                  <Button loading={busy === 'close'} data-testid="so-close">
                    {t('so.close')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
            {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="so-action-errors" />}
            {o.status === 'ON_HOLD' && <Alert type="error" showIcon title={t('so.onHold')} description={o.holdReason} style={{ marginBottom: 16 }} data-testid="so-hold-reason" />}
            {active && outstanding.length > 0 && (
              <Alert type="warning" showIcon title={t('so.shortages')} description={outstanding.map((l) => `#${l.lineNo} ${l.product.sku}: ${formatQty(l.outstanding)}`).join(' · ')} style={{ marginBottom: 16 }} data-testid="so-shortages" />
            )}
            <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('common.status')}>
                <SoStatusTag status={o.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('so.date')}>{o.postingDate}</Descriptions.Item>
              <Descriptions.Item label={t('cust.channel')}>{enumLabel(t, 'salesChannel', o.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('cust.region')}>{o.region}</Descriptions.Item>
              <Descriptions.Item label={t('stock.warehouse')}>
                {o.warehouse ? `${o.warehouse.code} ${o.warehouse.name}` : t('so.warehouseAuto')} {o.warehouseOverride && <Tag>{t('so.override')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('so.total')}>
                <Amount value={o.totalAmount} strong testId="so-total" />
              </Descriptions.Item>
              {o.notes && (
                <Descriptions.Item label={t('so.notes')} span={3}>
                  {o.notes}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={o.lines}
              data-testid="so-detail-lines"
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 40 },
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('so.quantity'), align: 'right', render: (_, l) => <span data-testid={`so-detail-qty-${l.lineNo}`}>{`${formatQty(l.quantity)} ${l.unit}`}</span> },
                { title: t('units.stockQuantity'), align: 'right', render: (_, l) => <span data-testid={`so-detail-stock-qty-${l.lineNo}`}>{`${formatQty(l.stockQuantity)} ${l.product.unit}`}</span> },
                { title: t('so.unitPrice'), align: 'right', render: (_, l) => formatDecimal(l.unitPrice, 2) },
                { title: t('so.discountPct'), align: 'right', render: (_, l) => `${formatDecimal(dec(l.discountRate).times(100), 2)}%` },
                { title: t('so.vatPct'), align: 'right', render: (_, l) => `${formatDecimal(dec(l.vatRate).times(100), 0)}%` },
                { title: t('so.net'), align: 'right', render: (_, l) => <Amount value={l.netAmount} /> },
                { title: t('so.reserved'), align: 'right', render: (_, l) => formatQty(l.reserved) },
                { title: t('so.shipped'), align: 'right', render: (_, l) => formatQty(l.shipped) },
                { title: t('so.missing'), align: 'right', render: (_, l) => (dec(l.outstanding).gt(0) ? <Tag color="orange">{formatQty(l.outstanding)}</Tag> : '0') },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={8} align="right">
                    {t('so.net')} / {t('so.vat')} / {t('so.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} colSpan={4} align="right">
                    <Amount value={o.netAmount} /> / <Amount value={o.vatAmount} /> / <Amount value={o.totalAmount} strong />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            {o.shipments.length > 0 && (
              <Table
                style={{ marginTop: 16 }}
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={o.shipments}
                title={() => t('menu.shipments')}
                columns={[
                  { title: t('ship.number'), render: (_, s) => <DocumentLink kind="SHIPMENT" number={s.number} /> },
                  { title: t('ship.date'), render: (_, s) => s.postingDate ?? '—' },
                  { title: t('ship.carrier'), render: (_, s) => [s.carrier, s.trackingNumber].filter(Boolean).join(' ') },
                  { title: t('common.status'), render: (_, s) => <ShipmentStatusTag status={s.status} /> },
                ]}
              />
            )}
          </>
  );
  return audit ? (
    <WithAuditTab recordType="salesOrder" recordId={o.id}>
      {body}
    </WithAuditTab>
  ) : (
    body
  );
}
