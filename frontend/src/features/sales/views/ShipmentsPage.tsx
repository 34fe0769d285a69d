import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Rate, Select, Space, Table, Typography, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { ShipmentFieldsFragment, ShipmentStatus } from '../../../gql/graphql';
import { ShipmentsQuery } from '../queries';
import { ConfirmDeliveryMutation, ShipShipmentMutation } from '../mutations';
import { CustomerSelect, SHIPMENT_STATUSES, ShipmentStatusTag, remapRows } from '../components/common';
import { Toolbar } from '../../../components/Toolbar';
import { DocumentLink } from '../../../components/DocumentLink';
import { PagedTable } from '../../../components/PagedTable';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan, useCanRead } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useSearchParam } from '../../../lib/searchParams';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { BatchSelect } from '../../batches/components/BatchSelect';

type Shipment = ShipmentFieldsFragment;

/** Shipments for the warehouse: pending ones to pick and ship, shipped ones to confirm as delivered. ?shipment=ID opens one. */
export default function ShipmentsPage() {
  const t = useT();
  const [params, setParam] = useSearchParam();
  const openId = params.get('shipment');
  const status = (params.get('status') ?? 'PENDING') as ShipmentStatus | 'ALL';
  const [customerId, setCustomerId] = useState<string>();
  const filter = useMemo(() => ({ status: status === 'ALL' ? undefined : [status], customerId }), [status, customerId]);
  // The cost of what shipped is MARGINS_AND_COSTS: not for the warehouse or sales.
  const withCost = useCanRead('MARGINS_AND_COSTS');
  const list = usePagedQuery({ query: ShipmentsQuery, variables: { filter, withCost }, connection: (d) => d.shipments, requestPolicy: 'cache-and-network' });
  const nodes = list.rows;
  const open = nodes.find((s) => s.id === openId) ?? null;

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select
            style={{ width: 160 }}
            value={status}
            onChange={(v) => setParam('status', v)}
            options={[{ value: 'ALL', label: t('common.all') }, ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'shipStatus', s) }))]}
            data-testid="ship-filter-status"
          />
          <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 240 }} value={customerId} onChange={setCustomerId} />
        </Space>
        <ExportButton<Shipment>
          fileName={t('menu.shipments')}
          fetchRows={list.exportRows}
          columns={[
            { header: t('ship.number'), value: (s) => s.number },
            { header: t('so.number'), value: (s) => s.order.number },
            { header: t('so.customer'), value: (s) => `${s.customer.code} ${s.customer.name}`, width: 28 },
            { header: t('stock.warehouse'), value: (s) => s.warehouse.code },
            { header: t('common.status'), value: (s) => enumLabel(t, 'shipStatus', s.status) },
            { header: t('ship.date'), value: (s) => s.postingDate ?? '' },
            { header: t('ship.carrier'), value: (s) => s.carrier },
            { header: t('ship.tracking'), value: (s) => s.trackingNumber },
            { header: t('ship.rating'), value: (s) => s.rating ?? null },
          ]}
        />
      </Toolbar>
      <PagedTable<Shipment>
        list={list}
        dataSource={nodes}
        data-testid="ship-table"
        onRow={(s) => ({ onClick: () => setParam('shipment', s.id), style: { cursor: 'pointer' }, 'data-testid': `ship-row-${s.order.number}` }) as object}
        columns={[
          { title: t('ship.number'), render: (_, s) => <DocumentLink kind="SHIPMENT" number={s.number} /> },
          { title: t('so.number'), render: (_, s) => <DocumentLink kind="SALES_ORDER" number={s.order.number} /> },
          { title: t('so.customer'), render: (_, s) => `${s.customer.code} ${s.customer.name}` },
          { title: t('stock.warehouse'), render: (_, s) => s.warehouse.code },
          { title: t('ship.lines'), render: (_, s) => s.lines.map((l) => `${l.product.sku} × ${formatQty(l.quantity)}`).join(', ') },
          { title: t('ship.date'), render: (_, s) => s.postingDate ?? '—' },
          { title: t('ship.carrier'), render: (_, s) => [s.carrier, s.trackingNumber].filter(Boolean).join(' ') },
          { title: t('ship.rating'), render: (_, s) => (s.rating ? <Rate disabled value={s.rating} style={{ fontSize: 12 }} /> : '—') },
          { title: t('common.status'), render: (_, s) => <ShipmentStatusTag status={s.status} /> },
        ]}
      />
      <Drawer open={!!open} onClose={() => setParam('shipment', null)} size={900} title={open ? `${open.number} · ${open.order.number} · ${open.customer.name}` : ''} data-testid="ship-drawer" destroyOnHidden>
        {open && (
          <WithAuditTab recordType="shipment" recordId={open.id}>
            <ShipmentDetail
              shipment={open}
              onDone={() => {
                list.refresh();
                setParam('shipment', null);
              }}
            />
          </WithAuditTab>
        )}
      </Drawer>
    </Card>
  );
}

interface ShipValues {
  carrier?: string;
  trackingNumber?: string;
  postingDate?: Dayjs | null;
  lines: { quantity?: string; batchNumber?: string }[];
}

export function ShipmentDetail({ shipment: s, onDone }: { shipment: Shipment; onDone: () => void }) {
  const withCost = useCanRead('MARGINS_AND_COSTS');
  const t = useT();
  const localName = useLocalName();
  const canShip = useCan(['WAREHOUSE', 'MANAGER']);
  const canDeliver = useCan(['WAREHOUSE', 'SALES', 'MANAGER']);
  return (
    <>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('common.status')}>
          <ShipmentStatusTag status={s.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('stock.warehouse')}>{`${s.warehouse.code} ${s.warehouse.name}`}</Descriptions.Item>
        <Descriptions.Item label={t('ship.date')}>{s.postingDate ?? '—'}</Descriptions.Item>
        {s.status !== 'PENDING' && (
          <>
            <Descriptions.Item label={t('ship.carrier')}>{s.carrier || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ship.tracking')}>{s.trackingNumber || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ship.rating')}>{s.rating ? <Rate disabled value={s.rating} /> : '—'}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {s.status === 'PENDING' && canShip ? (
        <ShipForm shipment={s} onDone={onDone} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={s.lines}
          columns={[
            { title: '#', dataIndex: 'lineNo', width: 40 },
            { title: t('products.sku'), render: (_, l) => l.product.sku },
            { title: t('products.name'), render: (_, l) => localName(l.product) },
            { title: t('so.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
            ...(withCost ? [{ title: t('ship.cost'), align: 'right' as const, render: (_: unknown, l: Shipment['lines'][number]) => formatMoney(l.costValue) }] : []),
            { title: t('ship.returned'), align: 'right', render: (_, l) => formatQty(l.returnedQuantity) },
          ]}
        />
      )}
      {s.status === 'SHIPPED' && canDeliver && <DeliveryForm shipment={s} onDone={onDone} />}
    </>
  );
}

/** Ship a pending shipment: scan each item (Enter picks one of its line), or type quantities; what is not picked stays pending. */
function ShipForm({ shipment: s, onDone }: { shipment: Shipment; onDone: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<ShipValues>();
  const [{ fetching }, ship] = useMutation(ShipShipmentMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string>();
  const [highlight, setHighlight] = useState<string>();
  const [key] = useState(() => crypto.randomUUID());
  const scanRef = useRef<InputRef>(null);
  const picked = (Form.useWatch('lines', form) ?? []) as ShipValues['lines'];

  useEffect(() => {
    form.setFieldsValue({ lines: s.lines.map(() => ({ quantity: '' })) });
    scanRef.current?.focus();
  }, [s, form]);

  function onScan() {
    const code = scan.trim();
    setScan('');
    if (!code) return;
    setScanError(undefined);
    const lines = form.getFieldValue('lines') as ShipValues['lines'];
    // The first line of this product that still has something to pick.
    const i = s.lines.findIndex((l, n) => (l.product.barcodes.includes(code) || l.product.sku === code) && dec(lines[n]?.quantity).lt(dec(l.quantity)));
    if (i < 0) {
      const any = s.lines.some((l) => l.product.barcodes.includes(code) || l.product.sku === code);
      setScanError(any ? t('ship.scanFull', { code }) : t('ship.scanNotOnShipment', { code, number: s.number }));
      return;
    }
    form.setFieldValue(['lines', i, 'quantity'], dec(lines[i]?.quantity).plus(1).toString());
    // A message about picking (nothing picked) no longer holds once something is.
    setGeneral([]);
    setHighlight(s.lines[i].id);
    message.success(t('ship.scanned', { sku: s.lines[i].product.sku }), 1);
    scanRef.current?.focus();
  }

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const rows: number[] = [];
    const lines = (v.lines ?? []).flatMap((l, i) => (dec(l.quantity).gt(0) ? (rows.push(i), [{ shipmentLineId: s.lines[i].id, quantity: (l.quantity ?? '').trim(), batchNumber: l.batchNumber || undefined }]) : []));
    if (lines.length === 0) return setGeneral([t('ship.nothingPicked')]);
    const res = await ship({
      input: { shipmentId: s.id, carrier: v.carrier?.trim() || undefined, trackingNumber: v.trackingNumber?.trim() || undefined, postingDate: isoDate(v.postingDate), lines, idempotencyKey: key },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.shipShipment;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, remapRows(p.userErrors, 'lines', rows)));
    if (p?.shipment) {
      message.success(t('ship.shipped', { number: p.shipment.number }));
      onDone();
    }
  }

  return (
    <Form form={form} layout="vertical" data-testid="ship-form" onValuesChange={() => setGeneral([])}>
      <Input
        ref={scanRef}
        prefix={<ScanOutlined />}
        placeholder={t('ship.scanHint')}
        value={scan}
        onChange={(e) => setScan(e.target.value)}
        onPressEnter={onScan}
        autoComplete="off"
        style={{ marginBottom: 4 }}
        data-testid="ship-scan"
      />
      {scanError && <Typography.Text type="danger" data-testid="ship-scan-error">{scanError}</Typography.Text>}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.lines}
        rowClassName={(l) => (l.id === highlight ? 'row-live-updated' : '')}
        onRow={(l) => ({ 'data-testid': `ship-line-${l.product.sku}` }) as object}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: t('products.sku'), render: (_, l) => l.product.sku },
          { title: t('products.name'), render: (_, l) => localName(l.product) },
          { title: t('ship.toShip'), align: 'right', render: (_, l) => formatQty(l.quantity) },
          {
            title: t('ship.picked'),
            width: 140,
            render: (_, l, i) => (
              <Form.Item
                name={['lines', i, 'quantity']}
                style={{ margin: 0 }}
                rules={[decimalRule(t('common.decimalInvalid'), 4), { validator: (_r, v: string | undefined) => (dec(v).gt(dec(l.quantity)) ? Promise.reject(new Error(t('ship.tooMany'))) : Promise.resolve()) }]}
              >
                <DecimalInput size="small" placeholder="0" data-testid={`ship-qty-${i}`} />
              </Form.Item>
            ),
          },
          {
            title: t('batch.tracked'),
            render: (_, l, i) => (
              <Form.Item name={['lines', i, 'batchNumber']} style={{ margin: 0 }}>
                <BatchSelect productId={l.product.id} warehouseId={s.warehouse.id} testId={`ship-batch-${i}`} />
              </Form.Item>
            ),
          },
          { title: '', width: 60, render: (_, l, i) => (dec(picked[i]?.quantity).eq(dec(l.quantity)) ? <Typography.Text type="success">✓</Typography.Text> : null) },
        ]}
      />
      <Button size="small" style={{ marginTop: 8 }} onClick={() => {
          form.setFieldsValue({ lines: s.lines.map((l, i) => ({ ...(form.getFieldValue(['lines', i]) as object), quantity: dec(l.quantity).toString() })) });
          setGeneral([]);
        }} data-testid="ship-pick-all">
        {t('ship.pickAll')}
      </Button>
      <Space wrap align="start" style={{ marginTop: 16 }}>
        <Form.Item name="carrier" label={t('ship.carrier')}>
          <Input style={{ width: 180 }} data-testid="ship-carrier" />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('ship.tracking')}>
          <Input style={{ width: 220 }} data-testid="ship-tracking" />
        </Form.Item>
        <Form.Item name="postingDate" label={t('ship.date')}>
          <DatePicker />
        </Form.Item>
      </Space>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 12 }} data-testid="ship-errors" />}
      <Typography.Paragraph type="secondary">{t('ship.partialNote')}</Typography.Paragraph>
      <Button type="primary" onClick={submit} loading={fetching} data-testid="ship-submit">
        {t('ship.ship')}
      </Button>
    </Form>
  );
}

/** The customer got it: a 1-5 rating (4 or 5 counts as satisfied) and a comment. */
function DeliveryForm({ shipment: s, onDone }: { shipment: Shipment; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ deliveredOn?: Dayjs | null; rating?: number; ratingComment?: string }>();
  const [{ fetching }, confirm] = useMutation(ConfirmDeliveryMutation);
  const [general, setGeneral] = useState<string[]>([]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await confirm({
      input: { shipmentId: s.id, deliveredOn: isoDate(v.deliveredOn), rating: v.rating || undefined, ratingComment: v.ratingComment?.trim() || undefined },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.confirmDelivery;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    message.success(t('ship.delivered', { number: s.number }));
    onDone();
  }

  return (
    <Card size="small" title={t('ship.confirmDelivery')} style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" data-testid="delivery-form">
        <Form.Item name="deliveredOn" label={t('ship.deliveredOn')} extra={t('ship.deliveredOnHint')}>
          <DatePicker data-testid="delivery-date" />
        </Form.Item>
        <Form.Item name="rating" label={t('ship.rating')} extra={t('ship.ratingHint')} rules={[{ required: true, message: t('common.required') }]}>
          <Rate data-testid="delivery-rating" />
        </Form.Item>
        <Form.Item name="ratingComment" label={t('ship.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 12 }} />}
        <Button type="primary" onClick={submit} loading={fetching} data-testid="delivery-submit">
          {t('ship.confirmDelivery')}
        </Button>
      </Form>
    </Card>
  );
}
