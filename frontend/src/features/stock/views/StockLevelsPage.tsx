import { useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Checkbox, Select, Space, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { StockLevelFilter, StockLevelOrder, StockLevelOrderField } from '../../../gql/graphql';
import { StockLevelsQuery } from '../queries';
import { levelKey, useStockLevelChanges, type LevelRow } from '../liveStock';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { ExportButton } from '../../../components/ExportButton';
import { LiveIndicator } from '../../../app/LiveIndicator';
import { useLiveState } from '../../../graphql/liveState';
import { PagedTable } from '../../../components/PagedTable';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { compareDecimals, formatMoney, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

const SORTABLE: Record<string, StockLevelOrderField> = { sku: 'SKU', warehouse: 'WAREHOUSE', onHand: 'ON_HAND', value: 'VALUE' };

export default function StockLevelsPage() {
  const t = useT();
  const localName = useLocalName();
  const live = useLiveState();
  const refs = useReferenceOptions();
  const [warehouseId, setWarehouseId] = useState<string>();
  const [categoryId, setCategoryId] = useState<string>();
  const [region, setRegion] = useState<string>();
  const [belowReorderPoint, setBelow] = useState(false);
  const [inStock, setInStock] = useState(false);
  const [orderBy, setOrderBy] = useState<StockLevelOrder>({ field: 'SKU', direction: 'ASC' });

  const filter = useMemo<StockLevelFilter>(
    () => ({ warehouseId, categoryId, region, belowReorderPoint: belowReorderPoint || undefined, inStock: inStock || undefined }),
    [warehouseId, categoryId, region, belowReorderPoint, inStock],
  );

  const list = usePagedQuery({ query: StockLevelsQuery, variables: { filter, orderBy }, connection: (d) => d.stockLevels, pageSize: 50 });

  // Live: changes pushed for the same filter replace the rows shown, in place.
  const [updates, setUpdates] = useState<Record<string, { level: LevelRow; at: number }>>({});
  useEffect(() => setUpdates({}), [list.data]);
  useStockLevelChanges(filter, {
    onLevel: (level) => setUpdates((u) => ({ ...u, [levelKey(level)]: { level, at: Date.now() } })),
    onResync: () => list.refresh(),
  });

  const rows = useMemo(
    () => list.rows.map((n) => updates[levelKey(n)]?.level ?? n),
    [list.rows, updates],
  );
  const rowClass = useCallback((r: LevelRow) => (updates[levelKey(r)] ? 'row-live-updated' : ''), [updates]);

  const sortOrder = (f: StockLevelOrderField) =>
    orderBy.field !== f ? null : orderBy.direction === 'DESC' ? ('descend' as const) : ('ascend' as const);

  return (
    <Card
      title={
        <Space>
          {t('menu.stockLevels')}
          <LiveIndicator state={live} />
        </Space>
      }
      extra={
        <ExportButton
          fileName={t('menu.stockLevels')}
          fetchRows={list.exportRows}
          columns={[
            { header: t('products.sku'), value: (r: LevelRow) => r.product.sku, width: 16 },
            { header: t('products.name'), value: (r: LevelRow) => localName(r.product), width: 28 },
            { header: t('products.category'), value: (r: LevelRow) => localName(r.product.category) },
            { header: t('stock.warehouse'), value: (r: LevelRow) => r.warehouse.code },
            { header: t('warehouses.region'), value: (r: LevelRow) => r.warehouse.region },
            { header: t('stock.onHand'), value: (r: LevelRow) => ({ decimal: r.onHand }) },
            { header: t('stock.reserved'), value: (r: LevelRow) => ({ decimal: r.reserved }) },
            { header: t('stock.available'), value: (r: LevelRow) => ({ decimal: r.available }) },
            { header: t('products.reorderPoint'), value: (r: LevelRow) => ({ decimal: r.product.reorderPoint }) },
            { header: t('stock.averageCost'), value: (r: LevelRow) => ({ decimal: r.averageCost }) },
            { header: t('stock.value'), value: (r: LevelRow) => ({ decimal: r.value }) },
          ]}
        />
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('stock.warehouse')} style={{ width: 200 }} value={warehouseId} onChange={setWarehouseId} options={refs.warehouseOptions} data-testid="stock-filter-warehouse" />
        <Select allowClear placeholder={t('products.category')} style={{ width: 160 }} value={categoryId} onChange={setCategoryId} options={refs.categoryOptions} />
        <Select allowClear placeholder={t('warehouses.region')} style={{ width: 120 }} value={region} onChange={setRegion} options={refs.regionOptions} />
        <Checkbox checked={inStock} onChange={(e) => setInStock(e.target.checked)}>
          {t('stock.inStockOnly')}
        </Checkbox>
        <Checkbox checked={belowReorderPoint} onChange={(e) => setBelow(e.target.checked)} data-testid="stock-filter-below">
          {t('stock.belowReorderOnly')}
        </Checkbox>
      </Space>
      <PagedTable<LevelRow>
        list={list}
        rowKey={levelKey}
        loading={list.fetching && !list.data}
        dataSource={rows}
        rowClassName={rowClass}
        data-testid="stock-levels-table"
        onRow={(r) => ({ 'data-testid': `stock-row-${r.product.sku}-${r.warehouse.code}` }) as object}
        showSizeChanger
        sizes
        onChange={(_p, _f, s) => {
          const sorter = s as SorterResult<LevelRow>;
          const field = SORTABLE[String(sorter.columnKey ?? '')];
          setOrderBy(field && sorter.order ? { field, direction: sorter.order === 'descend' ? 'DESC' : 'ASC' } : { field: 'SKU', direction: 'ASC' });
        }}
        columns={[
          { key: 'sku', title: t('products.sku'), sorter: true, sortOrder: sortOrder('SKU'), render: (_, r) => r.product.sku },
          { key: 'name', title: t('products.name'), render: (_, r) => localName(r.product) },
          { key: 'category', title: t('products.category'), render: (_, r) => localName(r.product.category) },
          {
            key: 'warehouse',
            title: t('stock.warehouse'),
            sorter: true,
            sortOrder: sortOrder('WAREHOUSE'),
            render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}`,
          },
          { key: 'region', title: t('warehouses.region'), render: (_, r) => r.warehouse.region },
          {
            key: 'onHand',
            title: t('stock.onHand'),
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('ON_HAND'),
            render: (_, r) => <span data-testid="stock-onhand">{`${formatQty(r.onHand)} ${r.product.unit}`}</span>,
          },
          { key: 'reserved', title: t('stock.reserved'), align: 'right', render: (_, r) => formatQty(r.reserved) },
          {
            key: 'available',
            title: t('stock.available'),
            align: 'right',
            render: (_, r) =>
              compareDecimals(r.available, r.product.reorderPoint) < 0 ? (
                <Tag color="orange" style={{ marginInlineEnd: 0 }} title={t('stock.belowReorderTip', { n: formatQty(r.product.reorderPoint) })}>
                  {formatQty(r.available)}
                </Tag>
              ) : (
                formatQty(r.available)
              ),
          },
          {
            key: 'inTransitIn',
            title: t('stock.inTransitIn'),
            align: 'right',
            render: (_, r) => <span data-testid="stock-intransit">{compareDecimals(r.inTransitIn, '0') === 0 ? '' : formatQty(r.inTransitIn)}</span>,
          },
          {
            key: 'value',
            title: t('stock.value'),
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('VALUE'),
            render: (_, r) => <span data-testid="stock-value">{formatMoney(r.value)}</span>,
          },
        ]}
      />
    </Card>
  );
}
