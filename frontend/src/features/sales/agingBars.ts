import type { ReceivableAgingBucketsFieldsFragment } from '../../gql/graphql';
import type { TFunction } from '../../i18n';

export const AGING_KEYS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const;

/** The aging buckets as chart bars, labelled in the current language. */
export function agingBars(t: TFunction, b: ReceivableAgingBucketsFieldsFragment) {
  return AGING_KEYS.map((k) => ({ label: t(`ar.${k}`), amount: b[k] }));
}
