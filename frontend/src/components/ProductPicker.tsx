import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Select, type SelectProps } from 'antd';
import { ProductSearchQuery } from '../features/catalog/queries';
import { useLocalName } from '../i18n';

export interface PickedProduct {
  id: string;
  sku: string;
  name: string;
  nameEn: string;
  unit: string;
}

/**
 * A Select that searches products on the server as you type (SKU, name or
 * barcode). `known` supplies labels for ids chosen elsewhere (a scan).
 */
export function ProductPicker({
  known = [],
  onPicked,
  onChange,
  ...props
}: Omit<SelectProps<string>, 'options' | 'onSearch' | 'filterOption' | 'showSearch'> & {
  known?: PickedProduct[];
  onPicked?: (p: PickedProduct | undefined) => void;
}) {
  const localName = useLocalName();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setSearch(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const [{ data, fetching }] = useQuery({ query: ProductSearchQuery, variables: { search: search || null } });
  const found = data?.products.nodes ?? [];
  const all = new Map<string, PickedProduct>();
  for (const p of [...known, ...found]) all.set(p.id, p);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setInput }}
      loading={fetching}
      options={[...all.values()].map((p) => ({ value: p.id, label: `${p.sku} ${localName(p)}` }))}
      {...props}
      onChange={(v, o) => {
        onChange?.(v, o);
        onPicked?.(v ? all.get(v) : undefined);
      }}
    />
  );
}
