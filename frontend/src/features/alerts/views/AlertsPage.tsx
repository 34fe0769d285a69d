import { useMemo, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { App, Button, Card, Select, Space, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { AlertsQuery as AlertsResult } from '../../../gql/graphql';
import type { AlertRow } from '../liveAlerts';
import { DocumentLink } from '../../../components/DocumentLink';
import { useAlertStream } from '../liveAlerts';
import { AlertsQuery } from '../queries';
import { AcknowledgeAlertMutation } from '../mutations';
import { LiveIndicator } from '../../../app/LiveIndicator';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton, connectionRows } from '../../../components/ExportButton';
import { useLiveState } from '../../../graphql/liveState';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Subject = AlertsResult['alerts']['nodes'][number]['subjectRecords'][number];

/** The records an alert is about, each a link where it has a page (an order, a supplier, a customer, a budget line). */
function SubjectLinks({ records, fallback }: { records: readonly Subject[] | undefined; fallback: string }) {
  const localName = useLocalName();
  if (!records?.length) return <Typography.Text type="secondary">{fallback}</Typography.Text>;
  return (
    <Space size={8} wrap>
      {records.map((r) => {
        switch (r.__typename) {
          case 'SalesOrder':
            return <DocumentLink key={`o${r.id}`} kind="SALES_ORDER" number={r.number} testId={`alert-subject-${r.number}`} />;
          case 'Supplier':
            return (
              <Link key={`s${r.id}`} to={`/purchasing/suppliers?supplier=${r.id}`} data-testid={`alert-subject-supplier-${r.code}`}>
                {`${r.code} ${r.name}`}
              </Link>
            );
          case 'Customer':
            return (
              <Link key={`c${r.id}`} to={`/sales/customers?customer=${r.id}`} data-testid={`alert-subject-customer-${r.code}`}>
                {`${r.code} ${r.name}`}
              </Link>
            );
          case 'BudgetLine':
            return (
              <Link key={`b${r.id}`} to="/finance/budgets" data-testid={`alert-subject-budget-${r.id}`}>
                {`${r.year}-${String(r.month).padStart(2, '0')} ${r.costCentre} ${r.accountCode}`}
              </Link>
            );
          case 'Product':
            return <span key={`p${r.id}`}>{`${r.sku} ${localName(r)}`}</span>;
          case 'Warehouse':
            return <span key={`w${r.id}`}>{`${r.code} ${r.name}`}</span>;
          default:
            return null;
        }
      })}
    </Space>
  );
}
import { formatDateTime } from '../../../lib/date';

export const ALERT_KINDS = ['LOW_STOCK', 'BUDGET_80', 'BUDGET_100', 'PRICE_RISE', 'SHORTAGE', 'CREDIT_HOLD'];
const KIND_COLOURS: Record<string, string> = { LOW_STOCK: 'orange', BUDGET_80: 'gold', BUDGET_100: 'red', PRICE_RISE: 'volcano', SHORTAGE: 'magenta', CREDIT_HOLD: 'purple' };

/** Alerts, newest first, live: a raised alert re-queries the page shown. */
export default function AlertsPage() {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const live = useLiveState();
  const canAck = useCan(['MANAGER', 'SALES', 'PURCHASING', 'WAREHOUSE', 'FINANCE']);
  const [kinds, setKinds] = useState<string[]>([]);
  const [mine, setMine] = useState(true);
  const [state, setState] = useState<'open' | 'acknowledged' | 'all'>('open');
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const variables = useMemo(() => ({ kinds: kinds.length ? kinds : null, mine, acknowledged: state === 'all' ? null : state === 'acknowledged' }), [kinds, mine, state]);
  const list = usePagedQuery({ query: AlertsQuery, variables: { ...variables }, connection: (d) => d.alerts });
  const [, acknowledge] = useMutation(AcknowledgeAlertMutation);
  const { refresh } = list;

  useAlertStream(
    { kinds, mine },
    {
      onAlert: (a) => {
        setFresh((s) => new Set(s).add(a.id));
        refresh();
      },
      onResync: refresh,
    },
  );

  async function ack(a: AlertRow) {
    const res = await acknowledge({ id: a.id });
    const errs = res.error ? [res.error.message] : (res.data?.acknowledgeAlert.userErrors ?? []).map((e) => e.message);
    if (errs.length) return message.error(errs.join('; '));
    message.success(t('alerts.acknowledged'));
    refresh();
  }

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select mode="multiple" allowClear placeholder={t('alerts.kind')} style={{ minWidth: 240 }} value={kinds} onChange={setKinds} options={ALERT_KINDS.map((k) => ({ value: k, label: enumLabel(t, 'alertKind', k) }))} />
          <Select
            style={{ width: 140 }}
            value={state}
            onChange={setState}
            options={[
              { value: 'open', label: t('alerts.open') },
              { value: 'acknowledged', label: t('alerts.acknowledgedState') },
              { value: 'all', label: t('common.all') },
            ]}
            data-testid="alerts-state"
          />
          <Space>
            <Switch checked={mine} onChange={setMine} data-testid="alerts-mine" />
            {t('alerts.mine')}
          </Space>
          <LiveIndicator state={live} />
        </Space>
        <ExportButton<AlertRow>
          fileName={t('menu.alerts')}
          fetchRows={connectionRows(client, AlertsQuery, variables, (d) => d.alerts)}
          columns={[
            { header: t('alerts.raisedAt'), value: (a) => formatDateTime(a.createdAt), width: 20 },
            { header: t('alerts.kind'), value: (a) => enumLabel(t, 'alertKind', a.kind) },
            { header: t('alerts.message'), value: (a) => a.message, width: 50 },
            { header: t('alerts.subject'), value: (a) => a.subject, width: 24 },
            { header: t('common.status'), value: (a) => (a.acknowledged ? t('alerts.acknowledgedState') : t('alerts.open')) },
          ]}
        />
      </Toolbar>
      <PagedTable<AlertRow>
        list={list}
        data-testid="alerts-table"
        rowClassName={(a) => (fresh.has(a.id) ? 'row-live-updated' : '')}
        onRow={(a) => ({ 'data-testid': `alert-row-${a.id}` }) as object}
        columns={[
          { title: t('alerts.raisedAt'), width: 180, render: (_, a) => formatDateTime(a.createdAt) },
          { title: t('alerts.kind'), width: 140, render: (_, a) => <Tag color={KIND_COLOURS[a.kind]}>{enumLabel(t, 'alertKind', a.kind)}</Tag> },
          { title: t('alerts.message'), dataIndex: 'message' },
          { title: t('alerts.subject'), render: (_, a) => <SubjectLinks records={(a as Partial<AlertsResult['alerts']['nodes'][number]>).subjectRecords} fallback={a.subject} /> },
          {
            title: t('common.status'),
            width: 160,
            render: (_, a) =>
              a.acknowledged ? (
                <Tag>{t('alerts.acknowledgedState')}</Tag>
              ) : canAck ? (
                <Button size="small" onClick={() => ack(a)} data-testid={`alert-ack-${a.id}`}>
                  {t('alerts.acknowledge')}
                </Button>
              ) : (
                <Tag color="orange">{t('alerts.open')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
