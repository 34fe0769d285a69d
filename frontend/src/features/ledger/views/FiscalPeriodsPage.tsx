import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import type { FiscalPeriodsQuery as FPResult } from '../../../gql/graphql';
import { FiscalPeriodsQuery } from '../queries';
import { CloseFiscalPeriodMutation, ReopenFiscalPeriodMutation } from '../mutations';
import { Toolbar } from '../../../components/Toolbar';
import { useCan } from '../../../app/session';
import { useT } from '../../../i18n';
import { yearMonth } from '../../../lib/date';

type Period = FPResult['fiscalPeriods'][number];

export default function FiscalPeriodsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan(['FINANCE']);
  const [year, setYear] = useState(new Date().getFullYear());
  const [{ data, error, fetching }, reexecute] = useQuery({ query: FiscalPeriodsQuery, variables: { year } });
  const [, close] = useMutation(CloseFiscalPeriodMutation);
  const [, reopen] = useMutation(ReopenFiscalPeriodMutation);

  async function toggle(p: Period) {
    const input = { year: p.year, month: p.month };
    const res = p.status === 'OPEN' ? await close({ input }) : await reopen({ input });
    const payload = res.data && ('closeFiscalPeriod' in res.data ? res.data.closeFiscalPeriod : res.data.reopenFiscalPeriod);
    const errs = payload?.userErrors ?? [];
    if (res.error || errs.length) {
      message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
      return;
    }
    message.success(t(p.status === 'OPEN' ? 'periods.closedMsg' : 'periods.reopenedMsg', { period: yearMonth(p) }));
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('periods.year')}</span>
          <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => v && setYear(v)} data-testid="periods-year" />
        </Space>
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Period>
        rowKey={(p) => `${p.year}-${p.month}`}
        size="middle"
        loading={fetching && !data}
        dataSource={data?.fiscalPeriods ?? []}
        pagination={false}
        data-testid="periods-table"
        onRow={(p) => ({ 'data-testid': `period-row-${p.month}` }) as object}
        columns={[
          { title: t('periods.period'), render: (_, p) => yearMonth(p) },
          { title: t('periods.start'), dataIndex: 'startDate' },
          { title: t('periods.end'), dataIndex: 'endDate' },
          {
            title: t('common.status'),
            render: (_, p) => (p.status === 'OPEN' ? <Tag color="green">{t('periodStatus.OPEN')}</Tag> : <Tag color="red">{t('periodStatus.CLOSED')}</Tag>),
          },
          { title: t('periods.closedAt'), render: (_, p) => (p.closedAt ? new Date(p.closedAt).toLocaleString() : '') },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, p: Period) => (
                    <Popconfirm
                      title={t(p.status === 'OPEN' ? 'periods.closeConfirm' : 'periods.reopenConfirm', { period: yearMonth(p) })}
                      onConfirm={() => toggle(p)}
                    >
                      <Button size="small" danger={p.status === 'OPEN'} data-testid={`period-toggle-${p.month}`}>
                        {p.status === 'OPEN' ? t('periods.close') : t('periods.reopen')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
