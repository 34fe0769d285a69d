import type { AgingBucketsFieldsFragment } from '../../gql/graphql';
import type { MessageKey } from '../../i18n';

/** The payables aging buckets in order, with their labels; `total` last. */
export const BUCKETS: { key: keyof Omit<AgingBucketsFieldsFragment, '__typename'>; label: MessageKey }[] = [
  { key: 'notDue', label: 'aging.notDue' },
  { key: 'days1To30', label: 'aging.days1To30' },
  { key: 'days31To60', label: 'aging.days31To60' },
  { key: 'days61To90', label: 'aging.days61To90' },
  { key: 'over90', label: 'aging.over90' },
  { key: 'total', label: 'aging.total' },
];
