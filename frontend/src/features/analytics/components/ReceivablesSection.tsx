import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import Big from 'big.js';
import { InvoicedTotalsQuery, ReceivablesAgingQuery } from '../../sales/queries';
import { useLiveReceivables } from '../../sales/useLiveReceivables';
import { holdCount, type ReceivableChange } from '../../sales/liveReceivables';
import { agingBars } from '../../partner/aging';
import { LiveIndicator } from '../../../app/LiveIndicator';

import { useLiveState } from '../../../graphql/liveState';
import { fetchAllPages } from '../../../lib/paging';
import { dec, formatMoney, sumDecimals } from '../../../lib/decimal';
import { useLocale, useT } from '../../../i18n';
import { todayISO, formatTime } from '../../../lib/date';
import { LIVE_REQUERY_DEBOUNCE_MS } from '../../../graphql/liveState';

const AgingChart = lazy(() => import('../../partner/components/AgingChart'));

/** Receivable changes come in bursts (one per customer of a payment run): re-query once per burst. */

/** Today's invoiced sales: every invoice dated today, summed exactly. */
function useSalesToday() {
  const client = useClient();
  const [today, setToday] = useState<{ net: Big; total: Big; count: number } | null>(null);
  const load = useCallback(async () => {
    const d = todayISO();
    const { rows } = await fetchAllPages(async (after, first) => {
      const res = await client.query(InvoicedTotalsQuery, { after, filter: { dateFrom: d, dateTo: d } }, { requestPolicy: 'network-only' }).toPromise();
      if (res.error || !res.data) throw res.error ?? new Error('no data');
      return { ...res.data.salesInvoices, nodes: res.data.salesInvoices.nodes.slice(0, first) };
    });
    setToday({ net: sumDecimals(rows.map((r) => r.netAmount)), total: sumDecimals(rows.map((r) => r.totalAmount)), count: rows.length });
  }, [client]);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  return { today, reload: load };
}

/**
 * Receivables and sales on the dashboard, live from receivableChanged: open
 * and overdue receivables moved per customer by (new - old); today's sales and
 * the aging chart re-queried (debounced) when a change arrives.
 */
export function ReceivablesSection() {
  const t = useT();
  const [locale] = useLocale();
  const live = useLiveState();
  const { today, reload: reloadToday } = useSalesToday();
  const [{ data: aging, error: agingError }, requeryAging] = useQuery({ query: ReceivablesAgingQuery, variables: {} });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const { state, error, lastChange } = useLiveReceivables(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void reloadToday().catch(() => undefined);
      requeryAging({ requestPolicy: 'network-only' });
    }, LIVE_REQUERY_DEBOUNCE_MS);
  });

  return (
    <>
      {(error || agingError) && <Alert type="error" showIcon title={error ?? agingError?.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic
              title={t('dashboard.openReceivables')}
              loading={!state}
              value={state ? formatMoney(state.open) : ''}
              prefix="¥"
              valueRender={(node) => <span data-testid="dashboard-open-receivables">{node}</span>}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic
              title={t('dashboard.overdueReceivables')}
              loading={!state}
              value={state ? formatMoney(state.overdue) : ''}
              prefix="¥"
              styles={{ content: { color: state && state.overdue.gt(0) ? '#cf1322' : undefined } }}
              valueRender={(node) => <span data-testid="dashboard-overdue-receivables">{node}</span>}
            />
            {state && (
              <Typography.Text type="secondary">
                <Link to="/sales/credit-holds">{t('dashboard.customersOnHold', { n: holdCount(state) })}</Link>
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card>
            <Statistic
              title={t('dashboard.salesToday')}
              loading={!today}
              value={today ? formatMoney(today.net) : ''}
              prefix="¥"
              valueRender={(node) => <span data-testid="dashboard-sales-today">{node}</span>}
            />
            {today && <Typography.Text type="secondary">{t('dashboard.salesTodayNote', { n: today.count, total: formatMoney(today.total) })}</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Card title={t('dashboard.lastReceivableChange')} extra={<LiveIndicator state={live} />} styles={{ body: { paddingTop: 12 } }}>
            <LastChange change={lastChange} />
          </Card>
        </Col>
        <Col span={24}>
          {/* Laid out as the payables aging below: the same chart, the same width, the top five beside it. */}
          <Card title={t('dashboard.receivablesAging')} extra={<Link to="/finance/receivables-aging">{t('dashboard.allReceivables')}</Link>} data-testid="dashboard-receivables-aging">
            <Row gutter={24}>
              <Col xs={24} xl={14}>
                <Suspense fallback={<Skeleton active />}>{aging ? <AgingChart bars={agingBars(t, aging.receivablesAging.total)} locale={locale} /> : <Skeleton active />}</Suspense>
              </Col>
              <Col xs={24} xl={10}>
                <Table
                  size="small"
                  title={() => t('dashboard.topCustomers')}
                  rowKey={(r) => r.customer.id}
                  pagination={false}
                  dataSource={[...(aging?.receivablesAging.customers ?? [])].sort((a, b) => dec(b.buckets.total).cmp(dec(a.buckets.total))).slice(0, 5)}
                  columns={[
                    { title: t('so.customer'), render: (_, r) => r.customer.name },
                    { title: t('aging.total'), align: 'right', render: (_, r) => formatMoney(r.buckets.total) },
                    { title: t('dashboard.overdue'), align: 'right', render: (_, r) => formatMoney(dec(r.buckets.total).minus(dec(r.buckets.notDue))) },
                  ]}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function LastChange({ change }: { change: { change: ReceivableChange; at: number } | null }) {
  const t = useT();
  if (!change) return <Typography.Text type="secondary" data-testid="dashboard-receivable-waiting">{t('dashboard.waitingReceivables')}</Typography.Text>;
  const c = change.change;
  return (
    <div data-testid="dashboard-last-receivable" key={change.at} className="row-live-updated">
      <div>
        <strong>{c.customer?.code}</strong> {c.customer?.name}
      </div>
      <Typography.Text type="secondary">
        {t('cust.openBalance')} {formatMoney(c.openBalance)}
        {dec(c.overdueAmount).gt(0) ? ` · ${t('cust.overdue')} ${formatMoney(c.overdueAmount)}` : ''} · {formatTime(change.at)}
      </Typography.Text>
    </div>
  );
}
