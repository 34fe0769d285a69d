import { Select } from 'antd';
import type { SourceType } from '../gql/graphql';
import { enumLabel, useT } from '../i18n';

/** A filter by the kind of document that posted (journal entries, stock moves): `types` are the kinds offered. */
export function SourceTypeSelect({ types, value, onChange }: { types: SourceType[]; value?: SourceType; onChange: (v: SourceType | undefined) => void }) {
  const t = useT();
  return (
    <Select
      allowClear
      placeholder={t('stock.source')}
      style={{ width: 160 }}
      value={value}
      onChange={onChange}
      options={types.map((s) => ({ value: s, label: enumLabel(t, 'source', s) }))}
    />
  );
}
