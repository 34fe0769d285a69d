import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { StockLevelsQuery } from '../../stock/queries';
import type { LevelRow } from '../../stock/liveStock';
import { useInventory } from '../useInventory';
import { valueBy } from '../inventory';
import { LiveIndicator } from '../../../app/LiveIndicator';
import { useLiveState } from '../../../graphql/liveState';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { useLocalName, useLocale, useT } from '../../../i18n';
import { LIVE_REQUERY_DEBOUNCE_MS } from '../../../graphql/liveState';
import { formatTime } from '../../../lib/date';

const ValueByCategoryChart = lazy(() => import('./StockCharts').then((m) => ({ default: m.ValueByCategoryChart })));
const ValueByWarehouseChart = lazy(() => import('./StockCharts').then((m) => ({ default: m.ValueByWarehouseChart })));

const REORDER_VARS = { first: 10, filter: { belowReorderPoint: true }, orderBy: { field: 'SKU' as const, direction: 'ASC' as const } };
/** Stock events come in bursts (one per line of a document): re-query once per burst. */

/**
 * Stock on the dashboard, all live from stockLevelChanged: inventory value
 * (adjusted by each change), the count and list of levels below their
 * reorder point (re-queried after changes), value by category and warehouse.
 */
export function StockSection() {
  const t = useT();
  const localName = useLocalName();
  const [locale] = useLocale();
  const live = useLiveState();
  const [{ data: below, error: belowError }, requeryBelow] = useQuery({ query: StockLevelsQuery, variables: REORDER_VARS });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { state, error, lastChange } = useInventory(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => requeryBelow({ requestPolicy: 'network-only' }), LIVE_REQUERY_DEBOUNCE_MS);
  });

  const byCategory = useMemo(
    () => (state ? valueBy(state, (l) => ({ key: l.product.category?.id ?? '-', label: l.product.category ? localName(l.product.category) : t('dashboard.noCategory') })) : []),
    [state, localName, t],
  );
  const byWarehouse = useMemo(() => (state ? valueBy(state, (l) => ({ key: l.warehouse.id, label: `${l.warehouse.code} ${l.warehouse.name}` })) : []), [state]);
  const linesInStock = useMemo(() => (state ? [...state.levels.values()].filter((l) => dec(l.onHand).gt(0)).length : 0), [state]);

  return (
    <>
      {(error || belowError) && <Alert type="error" showIcon title={error ?? belowError?.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic
              title={t('dashboard.inventoryValue')}
              loading={!state}
              value={state ? formatMoney(state.total) : ''}
              prefix="¥"
              valueRender={(node) => <span data-testid="dashboard-inventory-value">{node}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic title={t('dashboard.linesInStock')} loading={!state} value={linesInStock} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic
              title={t('dashboard.belowReorder')}
              loading={!below}
              value={below?.stockLevels.totalCount ?? 0}
              styles={{ content: { color: (below?.stockLevels.totalCount ?? 0) > 0 ? '#d46b08' : undefined } }}
              valueRender={(node) => <span data-testid="dashboard-below-reorder-count">{node}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('dashboard.lastChange')} extra={<LiveIndicator state={live} />} styles={{ body: { paddingTop: 12 } }}>
            <LastChange change={lastChange} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.valueByCategory')}>
            <Suspense fallback={<Skeleton active />}>{state ? <ValueByCategoryChart slices={byCategory} seriesName={t('stock.value')} locale={locale === 'zh' ? 'zh-CN' : 'en'} /> : <Skeleton active />}</Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.valueByWarehouse')}>
            <Suspense fallback={<Skeleton active />}>{state ? <ValueByWarehouseChart slices={byWarehouse} seriesName={t('stock.value')} /> : <Skeleton active />}</Suspense>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('dashboard.belowReorderList')} extra={<Link to="/stock/levels">{t('dashboard.allStock')}</Link>}>
            <Table<LevelRow>
              size="small"
              rowKey={(l) => `${l.product.id}:${l.warehouse.id}`}
              pagination={false}
              loading={!below}
              dataSource={below?.stockLevels.nodes ?? []}
              data-testid="dashboard-reorder-table"
              columns={[
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('stock.warehouse'), render: (_, l) => `${l.warehouse.code} ${l.warehouse.name}` },
                { title: t('stock.available'), align: 'right', render: (_, l) => <Tag color="orange">{formatQty(l.available)}</Tag> },
                { title: t('products.reorderPoint'), align: 'right', render: (_, l) => formatQty(l.product.reorderPoint) },
                { title: t('dashboard.shortBy'), align: 'right', render: (_, l) => formatQty(dec(l.product.reorderPoint).minus(dec(l.available))) },
              ]}
            />
            {(below?.stockLevels.totalCount ?? 0) > 10 && (
              <Typography.Text type="secondary">{t('dashboard.moreBelow', { n: (below?.stockLevels.totalCount ?? 0) - 10 })}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function LastChange({ change }: { change: { level: LevelRow; at: number } | null }) {
  const t = useT();
  const localName = useLocalName();
  if (!change) return <Typography.Text type="secondary">{t('dashboard.waiting')}</Typography.Text>;
  const l = change.level;
  return (
    <div data-testid="dashboard-last-change" key={change.at} className="row-live-updated">
      <div>
        <strong>{l.product.sku}</strong> {localName(l.product)}
      </div>
      <Typography.Text type="secondary">
        {l.warehouse.code} · {t('stock.onHand')} {formatQty(l.onHand)} · {formatMoney(l.value)} · {formatTime(change.at)}
      </Typography.Text>
    </div>
  );
}
