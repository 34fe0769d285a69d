import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { DeliveryStatus, PickListFieldsFragment } from '../../../gql/graphql';
import { DeliveryStatusChangedSubscription, ShipmentTrackingQuery } from '../queries';
import { DispatchShipmentMutation, PackShipmentMutation } from '../mutations';
import { pickListPrintPath } from '../routes';
import { DocumentLink } from '../../../components/DocumentLink';
import { DecimalInput } from '../../../components/DecimalInput';
import { dec, formatDecimal, isDecimal } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocale, useT } from '../../../i18n';

type Shipment = PickListFieldsFragment['shipments'][number];
interface ParcelRow {
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  contents: string;
}
const EMPTY: ParcelRow = { weightKg: '', lengthCm: '', widthCm: '', heightCm: '', contents: '' };

const STATUS_COLOR: Record<DeliveryStatus, string> = { DISPATCHED: 'blue', IN_TRANSIT: 'processing', DELIVERED: 'success', FAILED: 'error' };

/**
 * One shipment of a pick list: once shipped, its parcels (pack), its
 * carrier and tracking number (dispatch) and its delivery status, which a
 * carrier's report changes live (deliveryStatusChanged); its delivery note.
 */
export function ShipmentDispatch({ pickListNumber, shipment, canWrite }: { pickListNumber: string; shipment: Shipment; canWrite: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const n = shipment.number;
  const shipped = shipment.status === 'SHIPPED' || shipment.status === 'DELIVERED';
  const [{ data }, reload] = useQuery({ query: ShipmentTrackingQuery, variables: { shipmentNumber: n }, pause: !shipped });
  const tr = data?.shipmentTracking;
  const [, pack] = useMutation(PackShipmentMutation);
  const [, dispatch] = useMutation(DispatchShipmentMutation);
  const [parcels, setParcels] = useState<ParcelRow[]>([{ ...EMPTY }]);
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [live] = useSubscription({ query: DeliveryStatusChangedSubscription, variables: { trackingNumber: tr?.trackingNumber }, pause: !tr?.dispatchedAt });
  const update = live.data?.deliveryStatusChanged;
  useEffect(() => {
    if (update && update.shipmentNumber === n) reload({ requestPolicy: 'network-only' });
  }, [update, n, reload]);
  const status = update && update.shipmentNumber === n ? update.status : tr?.status;

  async function onPack() {
    setErrors([]);
    const bad = parcels.some((p) => [p.weightKg, p.lengthCm, p.widthCm, p.heightCm].some((v) => !isDecimal(v) || !dec(v).gt(0)));
    if (bad) return setErrors([t('dispatch.badNumber')]);
    const res = await pack({ input: { shipmentNumber: n, parcels: parcels.map((p) => ({ ...p, contents: p.contents || undefined })) } });
    if (res.error) return setErrors([res.error.message]);
    const ues = res.data?.packShipment.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('dispatch.done'));
    reload({ requestPolicy: 'network-only' });
  }
  async function onDispatch() {
    setErrors([]);
    if (!carrier.trim() || !tracking.trim()) return setErrors([t('dispatch.needCarrier')]);
    const res = await dispatch({ input: { shipmentNumber: n, carrier: carrier.trim(), trackingNumber: tracking.trim() } });
    if (res.error) return setErrors([res.error.message]);
    const ues = res.data?.dispatchShipment.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('dispatch.done'));
    reload({ requestPolicy: 'network-only' });
  }
  const setParcel = (i: number, k: keyof ParcelRow, v: string) => setParcels(parcels.map((p, j) => (j === i ? { ...p, [k]: v } : p)));

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`dispatch-shipment-${n}`}
      title={
        <Space>
          <DocumentLink kind="SHIPMENT" number={n} />
          <span>
            {shipment.customer.code} {shipment.customer.name}
          </span>
          <Tag>{enumLabel(t, 'ShipmentStatus', shipment.status)}</Tag>
          {shipped && (
            <Tag color={status ? STATUS_COLOR[status] : 'default'} data-testid={`delivery-status-${n}`}>
              {status ? enumLabel(t, 'DeliveryStatus', status) : t('dispatch.notDispatched')}
            </Tag>
          )}
        </Space>
      }
      extra={
        shipped && (
          <Link to={pickListPrintPath(pickListNumber, n)} data-testid={`delivery-print-${n}`}>
            <Button size="small" icon={<PrinterOutlined />}>
              {t('dispatch.printDelivery')}
            </Button>
          </Link>
        )
      }
    >
      {!shipped && <Alert type="info" showIcon title={t('dispatch.pending')} />}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} data-testid={`dispatch-errors-${n}`} style={{ marginBottom: 8 }} />}
      {shipped && tr && (
        <>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('dispatch.carrier')}>{tr.carrier}</Descriptions.Item>
            <Descriptions.Item label={t('dispatch.trackingNumber')}>
              <span data-testid={`tracking-number-${n}`}>{tr.trackingNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('dispatch.dispatchedAt')}>{formatDateTime(tr.dispatchedAt, locale)}</Descriptions.Item>
          </Descriptions>
          {tr.parcels.length > 0 && (
            <Table
              rowKey="parcelNo"
              size="small"
              pagination={false}
              dataSource={tr.parcels}
              data-testid={`parcels-${n}`}
              columns={[
                { key: 'no', title: t('dispatch.parcelNo'), dataIndex: 'parcelNo' },
                { key: 'w', title: t('dispatch.weight'), align: 'right', render: (_, p) => formatDecimal(p.weightKg, 3) },
                { key: 'd', title: `${t('dispatch.length')} × ${t('dispatch.width')} × ${t('dispatch.height')}`, render: (_, p) => `${formatDecimal(p.lengthCm, 1)} × ${formatDecimal(p.widthCm, 1)} × ${formatDecimal(p.heightCm, 1)}` },
                { key: 'c', title: t('dispatch.contents'), dataIndex: 'contents' },
              ]}
            />
          )}
          {canWrite && !tr.dispatchedAt && (
            <div style={{ marginTop: 8 }}>
              {parcels.map((p, i) => (
                <Space key={i} wrap style={{ marginBottom: 4 }}>
                  <span>
                    {t('dispatch.parcelNo')} {i + 1}
                  </span>
                  {(['weightKg', 'lengthCm', 'widthCm', 'heightCm'] as const).map((k) => (
                    <DecimalInput
                      key={k}
                      style={{ width: 110 }}
                      placeholder={t(k === 'weightKg' ? 'dispatch.weight' : k === 'lengthCm' ? 'dispatch.length' : k === 'widthCm' ? 'dispatch.width' : 'dispatch.height')}
                      value={p[k]}
                      onChange={(e) => setParcel(i, k, e.target.value)}
                      data-testid={`parcel-${n}-${i}-${k}`}
                    />
                  ))}
                  <Input style={{ width: 160 }} placeholder={t('dispatch.contents')} value={p.contents} onChange={(e) => setParcel(i, 'contents', e.target.value)} />
                  {parcels.length > 1 && <Button onClick={() => setParcels(parcels.filter((_, j) => j !== i))}>{t('dispatch.removeParcel')}</Button>}
                </Space>
              ))}
              <Space wrap>
                <Button onClick={() => setParcels([...parcels, { ...EMPTY }])} data-testid={`parcel-add-${n}`}>
                  {t('dispatch.addParcel')}
                </Button>
                <Button onClick={() => void onPack()} data-testid={`pack-${n}`}>
                  {t('dispatch.savePack')}
                </Button>
              </Space>
              <Space wrap style={{ marginTop: 8, display: 'flex' }}>
                <Input style={{ width: 160 }} placeholder={t('dispatch.carrier')} value={carrier} onChange={(e) => setCarrier(e.target.value)} data-testid={`carrier-${n}`} />
                <Input style={{ width: 200 }} placeholder={t('dispatch.trackingNumber')} value={tracking} onChange={(e) => setTracking(e.target.value)} data-testid={`tracking-${n}`} />
                <Button type="primary" onClick={() => void onDispatch()} data-testid={`dispatch-${n}`}>
                  {t('dispatch.dispatch')}
                </Button>
              </Space>
            </div>
          )}
          {tr.events.length > 0 && (
            <Table
              style={{ marginTop: 8 }}
              rowKey={(e) => `${e.at}-${e.recordedAt}-${e.status}`}
              size="small"
              pagination={false}
              dataSource={tr.events}
              data-testid={`tracking-events-${n}`}
              columns={[
                { key: 'at', title: t('dispatch.at'), render: (_, e) => formatDateTime(e.at, locale) },
                { key: 's', title: t('dispatch.deliveryStatus'), render: (_, e) => enumLabel(t, 'DeliveryStatus', e.status) },
                { key: 'n', title: t('dispatch.note'), dataIndex: 'note' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
