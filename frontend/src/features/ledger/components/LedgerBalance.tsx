import dayjs, { type Dayjs } from 'dayjs';
import { Tag } from 'antd';
import type { BalanceDirection } from '../../../gql/graphql';
import { useT } from '../../../i18n';

/** 借/贷/平 as Kingdee shows a balance's side. */
export function BalanceDirectionTag({ direction }: { direction: BalanceDirection }) {
  const t = useT();
  return <Tag color={direction === 'DEBIT' ? 'blue' : direction === 'CREDIT' ? 'orange' : undefined}>{t(`books.dir.${direction}`)}</Tag>;
}

/** A month as the ledger's URL names it: YYYY-MM. */
export function monthParam(d: Dayjs): string {
  return d.format('YYYY-MM');
}

/** A YYYY-MM search param as the first day of its month; fallback when missing or malformed. */
export function parseMonthParam(s: string | null, fallback: Dayjs): Dayjs {
  const d = s && /^\d{4}-\d{2}$/.test(s) ? dayjs(`${s}-01`) : null;
  return d?.isValid() ? d : fallback;
}

/** The ledger page of an account for a range of months (YYYY-MM). */
export function ledgerPath(account: string, from: string, to: string): string {
  return `/finance/ledger?${new URLSearchParams({ account, from, to }).toString()}`;
}

/** The voucher page of a journal entry. */
export function voucherPath(entryId: string): string {
  return `/finance/vouchers/${encodeURIComponent(entryId)}`;
}
