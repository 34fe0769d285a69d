import { Tag } from 'antd';
import { useQuery } from 'urql';
import { Select, type SelectProps } from 'antd';
import type { PurchaseOrderStatus, SupplierInvoiceStatus } from '../../../gql/graphql';
import { SupplierOptionsQuery } from '../queries';
import { enumLabel, useT } from '../../../i18n';
import { dec, formatDecimal } from '../../../lib/decimal';
import { partnerOptions } from '../../partner/options';

export const PO_STATUSES: PurchaseOrderStatus[] = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'];
const PO_COLOURS: Record<PurchaseOrderStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'gold',
  APPROVED: 'blue',
  PARTIALLY_RECEIVED: 'cyan',
  RECEIVED: 'green',
  CLOSED: 'default',
  CANCELLED: 'red',
};

export function PoStatusTag({ status }: { status: PurchaseOrderStatus }) {
  const t = useT();
  return (
    <Tag color={PO_COLOURS[status]} data-testid="po-status" data-status={status}>
      {enumLabel(t, 'poStatus', status)}
    </Tag>
  );
}

const SI_COLOURS: Record<SupplierInvoiceStatus, string> = { OPEN: 'blue', ON_HOLD: 'red', PAID: 'green' };

export function InvoiceStatusTag({ status }: { status: SupplierInvoiceStatus }) {
  const t = useT();
  return (
    <Tag color={SI_COLOURS[status]} data-testid="invoice-status" data-status={status}>
      {enumLabel(t, 'invoiceStatus', status)}
    </Tag>
  );
}

/** A Select of suppliers ("code name"); inactive ones are listed but disabled unless includeInactive. */
export function SupplierSelect({ includeInactive, ...props }: Omit<SelectProps<string>, 'options'> & { includeInactive?: boolean }) {
  const [{ data, fetching }] = useQuery({ query: SupplierOptionsQuery });
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={fetching}
      options={partnerOptions(data?.suppliers.nodes ?? [], includeInactive)}
      {...props}
    />
  );
}

/** A fraction such as 0.8500 as "85.0%"; null as a dash. */
export function fractionPercent(v: string | null | undefined, dp = 1): string {
  return v == null ? '—' : `${formatDecimal(dec(v).times(100), dp)}%`;
}

/** The messages of a payload's userErrors, or a transport error, for an Alert. */
export function failureMessages(res: { error?: { message: string } }, userErrors: readonly { message: string }[] | undefined): string[] {
  if (res.error) return [res.error.message];
  return (userErrors ?? []).map((e) => e.message);
}
