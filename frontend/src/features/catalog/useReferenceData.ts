import { useMemo } from 'react';
import { useQuery } from 'urql';
import { CategoriesQuery, WarehousesQuery } from './queries';
import { useLocalName } from '../../i18n';

/** Categories, warehouses and regions as Select options for list filters. */
export function useReferenceOptions() {
  const localName = useLocalName();
  const [{ data: cats }] = useQuery({ query: CategoriesQuery, variables: { includeInactive: true } });
  const [{ data: whs }] = useQuery({ query: WarehousesQuery, variables: { first: 200 } });
  return useMemo(() => {
    const warehouses = whs?.warehouses.nodes ?? [];
    return {
      warehouses,
      categoryOptions: (cats?.categories ?? []).map((c) => ({ value: c.id, label: localName(c) })),
      warehouseOptions: warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` })),
      regionOptions: [...new Set(warehouses.map((w) => w.region).filter(Boolean))].sort().map((r) => ({ value: r, label: r })),
    };
  }, [cats, whs, localName]);
}
