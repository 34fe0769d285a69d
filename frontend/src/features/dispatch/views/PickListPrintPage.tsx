import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../i18n';
import { translate } from '../../../i18n';
import { PickListQuery, ShipmentTrackingQuery } from '../queries';
import { pickListPath } from '../routes';
import { useCompanyName } from '../../settings/useCompanyName';
import { formatQty, sumDecimals } from '../../../lib/decimal';
import { formatDate } from '../../../lib/date';
import { Link } from 'react-router';
import '../components/print.css';

/** A label in Chinese with the English beside, as on a printed form. */
function L({ k }: { k: MessageKey }) {
  return (
    <>
      {translate('zh', k)}
      <span className="en">{translate('en', k)}</span>
    </>
  );
}

function Field({ k, children, testId }: { k: MessageKey; children: ReactNode; testId?: string }) {
  return (
    <div>
      <L k={k} />: <span data-testid={testId}>{children}</span>
    </div>
  );
}

function Signatures({ keys }: { keys: MessageKey[] }) {
  return (
    <div className="signatures" data-testid="print-signatures">
      {keys.map((k) => (
        <div key={k}>
          <L k={k} />
        </div>
      ))}
    </div>
  );
}

/**
 * /stock/pick-lists/:number/print — the printable pick list (lines in
 * walking order), or with ?shipment= the delivery note (送货单) of one of
 * its shipments: company, numbers, customer, address, lines, quantities and
 * a box for signatures; window.print prints it without the app around it.
 */
export default function PickListPrintPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const sn = params.get('shipment');
  const company = useCompanyName();
  const [{ data, fetching, error }] = useQuery({ query: PickListQuery, variables: { number } });
  const [{ data: tdata }] = useQuery({ query: ShipmentTrackingQuery, variables: { shipmentNumber: sn ?? '' }, pause: !sn });
  const pl = data?.pickList;
  if (fetching && !data) return <Spin />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!pl) return <Alert type="warning" showIcon title={<L k="dispatch.notFound" />} />;
  const sh = sn ? pl.shipments.find((s) => s.number === sn) : undefined;
  const tr = tdata?.shipmentTracking;
  const bar = (
    <Space className="no-print" style={{ marginBottom: 12 }}>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-button">
        <L k="dispatch.print" />
      </Button>
      <Link to={pickListPath(pl.number)}>
        <L k="dispatch.pickList" /> {pl.number}
      </Link>
    </Space>
  );
  if (sn && !sh) {
    return (
      <div className="dispatch-print">
        {bar}
        <Alert type="warning" showIcon title={<L k="dispatch.printNoShipment" />} />
      </div>
    );
  }
  if (sh) {
    const addr = sh.customer.defaultAddress;
    return (
      <div className="dispatch-print" data-testid="print-delivery">
        {bar}
        {company && (
          <div className="company" data-testid="print-company">
            {company}
          </div>
        )}
        <h2>
          <L k="dispatch.printTitleDelivery" />
        </h2>
        <div className="head">
          <Field k="dispatch.shipment" testId="print-shipment">
            {sh.number}
          </Field>
          <Field k="dispatch.order">{sh.order.number}</Field>
          <Field k="dispatch.customer" testId="print-customer">
            {sh.customer.code} {sh.customer.name}
          </Field>
          <Field k="dispatch.date">{formatDate(sh.postingDate)}</Field>
          <Field k="dispatch.printAddress" testId="print-address">
            {addr?.address ?? ''}
          </Field>
          <Field k="dispatch.printContact">{addr ? `${addr.contact} ${addr.phone}` : ''}</Field>
          <Field k="dispatch.carrier">{tr?.carrier ?? ''}</Field>
          <Field k="dispatch.trackingNumber" testId="print-tracking">
            {tr?.trackingNumber ?? ''}
          </Field>
          <Field k="dispatch.pickList">{pl.number}</Field>
          <Field k="dispatch.parcels">{tr ? tr.parcels.length : ''}</Field>
        </div>
        <table className="lines" data-testid="print-lines">
          <thead>
            <tr>
              <th>
                <L k="dispatch.printLineNo" />
              </th>
              <th>
                <L k="dispatch.product" />
              </th>
              <th>
                <L k="dispatch.printUnit" />
              </th>
              <th className="num">
                <L k="dispatch.printQuantity" />
              </th>
            </tr>
          </thead>
          <tbody>
            {sh.lines.map((l) => (
              <tr key={l.id} data-testid={`print-line-${l.lineNo}`}>
                <td>{l.lineNo}</td>
                <td>
                  {l.product.sku} {l.product.name}
                  {l.product.nameEn && <span className="en">{l.product.nameEn}</span>}
                </td>
                <td>{l.product.unit}</td>
                <td className="num" data-testid={`print-qty-${l.lineNo}`}>
                  {formatQty(l.quantity)}
                </td>
              </tr>
            ))}
            <tr>
              <td colSpan={3}>
                <L k="dispatch.printTotal" />
              </td>
              <td className="num" data-testid="print-total">
                {formatQty(sumDecimals(sh.lines.map((l) => l.quantity)))}
              </td>
            </tr>
          </tbody>
        </table>
        <Signatures keys={['dispatch.printSignShipper', 'dispatch.printSignCarrier', 'dispatch.printSignReceiver', 'dispatch.printSignDate']} />
      </div>
    );
  }
  const hasBatches = pl.lines.some((l) => l.batch);
  return (
    <div className="dispatch-print" data-testid="print-pick">
      {bar}
      {company && (
        <div className="company" data-testid="print-company">
          {company}
        </div>
      )}
      <h2>
        <L k="dispatch.printTitlePick" />
      </h2>
      <div className="head">
        <Field k="dispatch.number" testId="print-number">
          {pl.number}
        </Field>
        <Field k="dispatch.warehouse">
          {pl.warehouse.code} {pl.warehouse.name}
        </Field>
        <Field k="dispatch.shipments">{pl.shipments.map((s) => s.number).join(', ')}</Field>
        <Field k="dispatch.customers">{[...new Set(pl.shipments.map((s) => s.customer.name))].join(', ')}</Field>
        <Field k="dispatch.createdAt">{formatDate(pl.createdAt)}</Field>
      </div>
      <table className="lines" data-testid="print-lines">
        <thead>
          <tr>
            <th>
              <L k="dispatch.seq" />
            </th>
            <th>
              <L k="dispatch.bin" />
            </th>
            <th>
              <L k="dispatch.product" />
            </th>
            {hasBatches && (
              <th>
                <L k="dispatch.batch" />
              </th>
            )}
            <th>
              <L k="dispatch.shipment" />
            </th>
            <th className="num">
              <L k="dispatch.quantity" />
            </th>
            <th className="num">
              <L k="dispatch.picked" />
            </th>
          </tr>
        </thead>
        <tbody>
          {pl.lines.map((l) => (
            <tr key={l.id} data-testid={`print-line-${l.seq}`}>
              <td>{l.seq}</td>
              <td>{l.location?.code ?? translate('zh', 'dispatch.noBin')}</td>
              <td>
                {l.product.sku} {l.product.name}
                {l.product.nameEn && <span className="en">{l.product.nameEn}</span>}
              </td>
              {hasBatches && <td>{l.batch ? `${l.batch.number}${l.batch.expiryDate ? ` ${l.batch.expiryDate}` : ''}` : ''}</td>}
              <td>{l.shipmentNumber}</td>
              <td className="num" data-testid={`print-qty-${l.seq}`}>
                {formatQty(l.quantity)}
              </td>
              <td className="num">{formatQty(l.picked)}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={hasBatches ? 5 : 4}>
              <L k="dispatch.printTotal" />
            </td>
            <td className="num" data-testid="print-total">
              {formatQty(sumDecimals(pl.lines.map((l) => l.quantity)))}
            </td>
            <td className="num">{formatQty(sumDecimals(pl.lines.map((l) => l.picked)))}</td>
          </tr>
        </tbody>
      </table>
      <Signatures keys={['dispatch.printSignPicker', 'dispatch.printSignChecker', 'dispatch.printSignShipper', 'dispatch.printSignDate']} />
    </div>
  );
}
