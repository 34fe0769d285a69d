import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { Alert, Card, Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { FiscalPeriodsQuery } from '../../ledger/queries';
import { PeriodSummaryQuery } from '../queries';
import { formatKpi, KPI_ROWS, type KpiDef, type KpiSet } from '../kpi';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useT } from '../../../i18n';
import { yearMonth, companyToday } from '../../../lib/date';

interface Summary {
  label: string;
  computedAt: string;
  stale: boolean;
  kpis: KpiSet;
}

/**
 * Month-end summaries: the KPIs stored when each fiscal period of a year was
 * closed, one column per closed month. Open months have none, except a
 * reopened month: its summary is shown marked stale until it closes again.
 */
export default function MonthEndPage() {
  const t = useT();
  const client = useClient();
  const [year, setYear] = useState(companyToday().year());
  const [{ data, error }] = useQuery({ query: FiscalPeriodsQuery, variables: { year } });
  const [summaries, setSummaries] = useState<Summary[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const closed = (data?.fiscalPeriods ?? []).filter((p) => p.status === 'CLOSED' || p.reopenedAt);
  const closedKey = closed.map((p) => p.month).join(',');

  useEffect(() => {
    if (!data) return;
    let live = true;
    setSummaries(null);
    const months = closedKey ? closedKey.split(',').map(Number) : [];
    Promise.all(months.map((month) => client.query(PeriodSummaryQuery, { year, month }, { requestPolicy: 'network-only' }).toPromise()))
      .then((results) => {
        if (!live) return;
        const failed = results.find((r) => r.error);
        setLoadError(failed?.error?.message);
        setSummaries(
          results.flatMap((r) => {
            const s = r.data?.periodSummary;
            return s ? [{ label: yearMonth(s), computedAt: s.computedAt, stale: s.stale, kpis: s.kpis }] : [];
          }),
        );
      })
      .catch((e: unknown) => live && setLoadError(String(e)));
    return () => {
      live = false;
    };
  }, [client, year, closedKey, data]);

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('periods.year')}</span>
          <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => v && setYear(v)} data-testid="month-end-year" />
        </Space>
        <ExportButton<KpiDef>
          fileName={`${t('menu.monthEnd')} ${year}`}
          fetchRows={loadedRows(KPI_ROWS)}
          columns={[
            { header: t('kpi.figure'), value: (r) => t(`kpi.${r.key}`), width: 24 },
            ...(summaries ?? []).map((s) => ({
              header: s.label,
              value: (r: KpiDef) => (r.kind === 'money' && s.kpis[r.key] != null ? { decimal: s.kpis[r.key] as string } : formatKpi(s.kpis[r.key], r.kind)),
            })),
          ]}
        />
      </Toolbar>
      {(error || loadError) && <Alert type="error" showIcon title={error?.message ?? loadError} style={{ marginBottom: 16 }} />}
      {summaries && summaries.length === 0 ? (
        <Empty description={t('monthEnd.none', { year })} data-testid="month-end-empty" />
      ) : (
        <Table<KpiDef>
          size="small"
          rowKey="key"
          loading={!summaries}
          pagination={false}
          scroll={{ x: true }}
          dataSource={[...KPI_ROWS]}
          data-testid="month-end-table"
          columns={[
            { title: t('kpi.figure'), fixed: 'left', render: (_, r) => t(`kpi.${r.key}`) },
            ...(summaries ?? []).map((s) => ({
              title: (
                <span title={s.computedAt}>
                  {s.label}
                  {s.stale && (
                    <Tag color="orange" style={{ marginInlineStart: 6 }} title={t('monthEnd.staleHint')} data-testid={`month-end-stale-${s.label}`}>
                      {t('monthEnd.stale')}
                    </Tag>
                  )}
                </span>
              ),
              align: 'right' as const,
              render: (_: unknown, r: KpiDef) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatKpi(s.kpis[r.key], r.kind)}</span>,
            })),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('monthEnd.note')}
      </Typography.Paragraph>
    </Card>
  );
}
