import { Select, Tag, type SelectProps } from 'antd';
import { useQuery } from 'urql';
import type { ReplenishmentStatus, SalesChannel, SalesInvoiceStatus, SalesOrderStatus, ShipmentStatus } from '../../../gql/graphql';
import { CustomerOptionsQuery } from '../queries';
import { enumLabel, useT } from '../../../i18n';
import { partnerOptions } from '../../partner/options';

export const SO_STATUSES: SalesOrderStatus[] = ['DRAFT', 'ON_HOLD', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED'];
export const CHANNELS: SalesChannel[] = ['ONLINE', 'STORE', 'DISTRIBUTOR', 'DIRECT'];
export const SHIPMENT_STATUSES: ShipmentStatus[] = ['PENDING', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
export const SINV_STATUSES: SalesInvoiceStatus[] = ['OPEN', 'PARTIALLY_PAID', 'PAID'];

const SO_COLOURS: Record<SalesOrderStatus, string> = {
  DRAFT: 'default',
  ON_HOLD: 'red',
  CONFIRMED: 'blue',
  PARTIALLY_SHIPPED: 'cyan',
  SHIPPED: 'green',
  CLOSED: 'default',
  CANCELLED: 'volcano',
};
const SHIP_COLOURS: Record<ShipmentStatus, string> = { PENDING: 'gold', SHIPPED: 'blue', DELIVERED: 'green', CANCELLED: 'default' };
const SINV_COLOURS: Record<SalesInvoiceStatus, string> = { OPEN: 'blue', PARTIALLY_PAID: 'gold', PAID: 'green' };
const REPL_COLOURS: Record<ReplenishmentStatus, string> = { OPEN: 'orange', COVERED: 'green', CANCELLED: 'default' };

export function SoStatusTag({ status }: { status: SalesOrderStatus }) {
  const t = useT();
  return (
    <Tag color={SO_COLOURS[status]} data-testid="so-status" data-status={status}>
      {enumLabel(t, 'soStatus', status)}
    </Tag>
  );
}

export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const t = useT();
  return (
    <Tag color={SHIP_COLOURS[status]} data-testid="shipment-status" data-status={status}>
      {enumLabel(t, 'shipStatus', status)}
    </Tag>
  );
}

export function SalesInvoiceStatusTag({ status }: { status: SalesInvoiceStatus }) {
  const t = useT();
  return (
    <Tag color={SINV_COLOURS[status]} data-testid="sinv-status" data-status={status}>
      {enumLabel(t, 'sinvStatus', status)}
    </Tag>
  );
}

export function ReplenishmentStatusTag({ status }: { status: ReplenishmentStatus }) {
  const t = useT();
  return <Tag color={REPL_COLOURS[status]}>{enumLabel(t, 'replStatus', status)}</Tag>;
}

/** A Select of customers ("code name"); inactive ones are disabled unless includeInactive. */
export function CustomerSelect({ includeInactive, ...props }: Omit<SelectProps<string>, 'options'> & { includeInactive?: boolean }) {
  const [{ data, fetching }] = useQuery({ query: CustomerOptionsQuery });
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={fetching}
      options={partnerOptions(data?.customers.nodes ?? [], includeInactive)}
      {...props}
    />
  );
}

/** Maps `input.<list>.N...` of a request that sent only some rows back to the form rows they came from. */
export function remapRows<E extends { field?: string | null }>(errors: readonly E[], list: string, rows: readonly number[]): E[] {
  const re = new RegExp(`^input\\.${list}\\.(\\d+)`);
  return errors.map((e) => ({ ...e, field: e.field?.replace(re, (_m, n: string) => `input.${list}.${rows[Number(n)] ?? n}`) }));
}
