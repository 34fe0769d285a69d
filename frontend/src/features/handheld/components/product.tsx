import { useCallback, useEffect, useState } from 'react';
import { useClient } from 'urql';
import { Select } from 'antd';
import { ProductSearchQuery } from '../../catalog/queries';
import { StockLevelsQuery } from '../../stock/queries';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import type { ProductSearchQuery as SearchResult } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { pickProduct } from '../scan';
import { BIG } from './HandheldPage';

export type FoundProduct = SearchResult['products']['nodes'][number];

/** Finds the product a scanned or typed code names (a barcode, a SKU or a name), on the server. */
export function useProductLookup() {
  const client = useClient();
  return useCallback(
    async (code: string): Promise<{ product?: FoundProduct; candidates: FoundProduct[]; error?: string }> => {
      const res = await client.query(ProductSearchQuery, { search: code }, { requestPolicy: 'network-only' }).toPromise();
      if (res.error) return { candidates: [], error: res.error.message };
      const found = res.data?.products.nodes ?? [];
      return { product: pickProduct(code, found), candidates: found };
    },
    [client],
  );
}

/** A product's stock per warehouse (one warehouse when given), fresh from the server. */
export function useLevels() {
  const client = useClient();
  return useCallback(
    async (productId: string, warehouseId?: string) => {
      const res = await client.query(StockLevelsQuery, { first: 100, filter: { productId, warehouseId } }, { requestPolicy: 'network-only' }).toPromise();
      if (res.error) throw new Error(res.error.message);
      return res.data?.stockLevels.nodes ?? [];
    },
    [client],
  );
}

const WAREHOUSE_KEY = 'jxc.handheld.warehouse';

/** The warehouse the handheld works in: remembered on this device, the first active one at first. */
export function useHandheldWarehouse() {
  const refs = useReferenceOptions();
  const active = refs.warehouses.filter((w) => w.active);
  const [id, setId] = useState<string | undefined>(() => localStorage.getItem(WAREHOUSE_KEY) ?? undefined);
  const current = active.find((w) => w.id === id) ?? active[0];
  useEffect(() => {
    if (current && current.id !== id) setId(current.id);
  }, [current, id]);
  const choose = (v: string) => {
    localStorage.setItem(WAREHOUSE_KEY, v);
    setId(v);
  };
  return { warehouse: current, options: active.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` })), choose };
}

export function WarehouseSelect({ value, options, onChange }: { value?: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <Select
      size="large"
      value={value}
      options={options}
      onChange={onChange}
      placeholder={t('stock.warehouse')}
      style={{ width: '100%', marginBottom: 12, ...BIG }}
      data-testid="hh-warehouse"
    />
  );
}
