import { Link } from 'react-router';
import { Space, Table, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { formatChange, formatKpi, kpiChange, KPI_ROWS, type KpiDef, type KpiSet } from '../kpi';
import { useT } from '../../../i18n';

const COLOURS = { better: '#389e0d', worse: '#cf1322', same: undefined, neutral: undefined } as const;

/**
 * The KPI table: one row per figure, the period, the comparison period, the
 * change with an arrow coloured by whether it is better or worse, and links
 * to the postings behind the figure.
 */
export function KpiTable({ current, comparison, drill = true }: { current: KpiSet; comparison?: KpiSet | null; drill?: boolean }) {
  const t = useT();
  const pp = t('kpi.pp');
  return (
    <Table<KpiDef>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={[...KPI_ROWS]}
      data-testid="kpi-table"
      onRow={(r) => ({ 'data-testid': `kpi-row-${r.key}` }) as object}
      columns={[
        {
          title: t('kpi.figure'),
          render: (_, r) => (
            <span data-testid={`kpi-label-${r.key}`}>
              {t(`kpi.${r.key}`)}
              {r.kind === 'days' && <Typography.Text type="secondary"> ({t('kpi.days')})</Typography.Text>}
              {r.kind === 'turns' && <Typography.Text type="secondary"> ({t('kpi.perYear')})</Typography.Text>}
              {r.key === 'customerSatisfaction' && <Typography.Text type="secondary"> ({t('kpi.ratedN', { n: current.ratedDeliveries })})</Typography.Text>}
              {r.key === 'fulfilmentRate' && <Typography.Text type="secondary"> ({t('kpi.linesDueN', { n: current.linesDue })})</Typography.Text>}
            </span>
          ),
        },
        {
          title: `${current.from} ~ ${current.to}`,
          align: 'right',
          render: (_, r) => (
            <span data-testid={`kpi-current-${r.key}`} style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>
              {formatKpi(current[r.key], r.kind)}
            </span>
          ),
        },
        ...(comparison
          ? [
              {
                title: `${comparison.from} ~ ${comparison.to}`,
                align: 'right' as const,
                render: (_: unknown, r: KpiDef) => (
                  <span data-testid={`kpi-comparison-${r.key}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatKpi(comparison[r.key], r.kind)}
                  </span>
                ),
              },
              {
                title: t('kpi.change'),
                align: 'right' as const,
                render: (_: unknown, r: KpiDef) => {
                  const ch = kpiChange(current[r.key], comparison[r.key], r);
                  const Icon = !ch || ch.delta.eq(0) ? MinusOutlined : ch.delta.gt(0) ? ArrowUpOutlined : ArrowDownOutlined;
                  return (
                    <span
                      data-testid={`kpi-change-${r.key}`}
                      data-verdict={ch?.verdict ?? 'none'}
                      title={ch ? t(`kpi.verdict.${ch.verdict}`) : undefined}
                      style={{ color: ch ? COLOURS[ch.verdict] : undefined, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
                    >
                      {ch && <Icon />} {formatChange(ch, r.kind, pp)}
                    </span>
                  );
                },
              },
            ]
          : []),
        ...(drill
          ? [
              {
                title: t('kpi.behind'),
                render: (_: unknown, r: KpiDef) => (
                  <Space size="small" wrap>
                    {r.drill(current.from, current.to).map((d) => (
                      <Link key={d.to} to={d.to} data-testid={`kpi-drill-${r.key}`}>
                        {t(d.labelKey)}
                        {d.to.includes('account=') ? ` ${new URLSearchParams(d.to.split('?')[1]).get('account')}` : ''}
                      </Link>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
