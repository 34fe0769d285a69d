import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { BinStockQuery as StockResult } from '../../../gql/graphql';
import { BinStockQuery, BinWarehousesQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { formatQty, sumDecimals } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

type Held = StockResult['binStock'][number];
interface BinRow {
  key: string;
  code: string;
  zone: string;
  held: Held[];
}

/** /stock/bins — the bins of a warehouse with what each holds (quantity and value at the moving average); a bin's row opens its products. */
export default function BinsPage() {
  const t = useT();
  const localName = useLocalName();
  const [{ data: wd }] = useQuery({ query: BinWarehousesQuery });
  const warehouses = (wd?.warehouses.nodes ?? []).filter((w) => w.active);
  const [chosen, setChosen] = useState<string>();
  const warehouse = warehouses.find((w) => w.id === chosen) ?? warehouses[0];
  const [{ data, fetching }] = useQuery({ query: BinStockQuery, variables: { warehouseId: warehouse?.id }, pause: !warehouse });
  const rows = useMemo((): BinRow[] => {
    if (!warehouse) return [];
    const stock = data?.binStock ?? [];
    const out: BinRow[] = [];
    const unplaced = stock.filter((s) => s.locationId == null);
    if (unplaced.length) out.push({ key: 'none', code: t('bins.notPutAway'), zone: '', held: unplaced });
    for (const l of warehouse.locations.filter((x) => x.active)) out.push({ key: l.id, code: l.code, zone: l.zone, held: stock.filter((s) => s.locationId === l.id) });
    return out;
  }, [warehouse, data, t]);
  return (
    <Card>
      <Toolbar>
        <Space>
          <Select
            style={{ minWidth: 220 }}
            value={warehouse?.id}
            onChange={setChosen}
            options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
            data-testid="bins-warehouse"
          />
        </Space>
      </Toolbar>
      <Table<BinRow>
        rowKey="key"
        loading={fetching}
        pagination={false}
        dataSource={rows}
        data-testid="bins-table"
        onRow={(r) => ({ 'data-testid': `bin-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (r) => r.held.length > 0,
          expandedRowRender: (r) => (
            <div data-testid={`bin-detail-${r.code}`}>
              <Typography.Text strong>{t('bins.holds', { bin: r.code })}</Typography.Text>
              <Table<Held>
                size="small"
                rowKey={(h) => h.product.id}
                pagination={false}
                dataSource={r.held}
                columns={[
                  { key: 'sku', title: t('stock.product'), render: (_, h) => `${h.product.sku} ${localName(h.product)}` },
                  { key: 'qty', title: t('stock.quantity'), align: 'right', render: (_, h) => <span data-testid={`bin-qty-${r.code}-${h.product.sku}`}>{formatQty(h.quantity)} {h.product.unit}</span> },
                  { key: 'value', title: t('stock.value'), align: 'right', render: (_, h) => <Amount value={h.value} /> },
                ]}
              />
            </div>
          ),
        }}
        columns={[
          { key: 'code', title: t('bins.bin'), render: (_, r) => <b>{r.code}</b> },
          { key: 'zone', title: t('bins.zone'), render: (_, r) => (r.zone ? <Tag>{r.zone}</Tag> : '—') },
          { key: 'products', title: t('bins.products'), align: 'right', render: (_, r) => (r.held.length ? r.held.length : <Typography.Text type="secondary">{t('bins.empty')}</Typography.Text>) },
          { key: 'qty', title: t('stock.quantity'), align: 'right', render: (_, r) => formatQty(sumDecimals(r.held.map((h) => h.quantity))) },
          { key: 'value', title: t('stock.value'), align: 'right', render: (_, r) => <Amount value={sumDecimals(r.held.map((h) => h.value)).toString()} /> },
        ]}
      />
    </Card>
  );
}
