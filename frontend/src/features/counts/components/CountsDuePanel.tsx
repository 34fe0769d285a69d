import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Col, InputNumber, Row, Space, Table, Typography } from 'antd';
import type { AbcClass, CountsDueQuery as Result } from '../../../gql/graphql';
import { CountsDueQuery } from '../queries';
import { CreateDueCountsMutation, SetCountScheduleMutation } from '../mutations';
import { DocumentLink } from '../../../components/DocumentLink';
import { formatDate } from '../../../lib/date';
import { useCan } from '../../../app/session';
import { enumLabel, useT } from '../../../i18n';
import { COUNT_SCHEDULE, COUNT_WRITE } from '../routes';

type Due = Result['countsDue'][number];
const CLASSES: AbcClass[] = ['A', 'B', 'C'];

/** The cycle counts due by the schedule (a sheet can be made for each), and the schedule itself (months per ABC class). */
export function CountsDuePanel({ onCreated }: { onCreated?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan(COUNT_WRITE);
  const canSchedule = useCan(COUNT_SCHEDULE);
  const [{ data, error }, reload] = useQuery({ query: CountsDueQuery, requestPolicy: 'cache-and-network' });
  const [{ fetching: making }, makeDue] = useMutation(CreateDueCountsMutation);
  const [{ fetching: saving }, setSchedule] = useMutation(SetCountScheduleMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const [months, setMonths] = useState<Partial<Record<AbcClass, number>>>({});
  useEffect(() => {
    if (data) setMonths(Object.fromEntries(data.countSchedule.map((e) => [e.abcClass, e.intervalMonths])));
  }, [data]);
  const due = data?.countsDue ?? [];

  async function createDue() {
    setErrors([]);
    const res = await makeDue({});
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.createDueCounts;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    message.success(t('count.createdDue', { n: p?.stockCounts.length ?? 0 }));
    reload({ requestPolicy: 'network-only' });
    onCreated?.();
  }

  async function save() {
    setErrors([]);
    const current = Object.fromEntries((data?.countSchedule ?? []).map((e) => [e.abcClass, e.intervalMonths]));
    for (const c of CLASSES) {
      const n = months[c];
      if (n == null || n === current[c]) continue;
      const res = await setSchedule({ abcClass: c, intervalMonths: n });
      if (res.error) return setErrors([res.error.message]);
      const ues = res.data?.setCountSchedule.userErrors ?? [];
      if (ues.length) return setErrors(ues.map((e) => e.message));
    }
    message.success(t('count.scheduleSaved'));
    reload({ requestPolicy: 'network-only' });
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          title={t('count.due')}
          data-testid="counts-due"
          extra={
            canWrite && (
              <Button type="primary" disabled={!due.some((d) => !d.openNumber)} loading={making} onClick={() => void createDue()} data-testid="counts-create-due">
                {t('count.createDue')}
              </Button>
            )
          }
        >
          {error && <Alert type="error" showIcon title={error.message} />}
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="counts-due-errors" />}
          <Table<Due>
            size="small"
            pagination={false}
            rowKey={(d) => `${d.warehouse.id}-${d.abcClass}`}
            dataSource={due}
            locale={{ emptyText: t('count.dueNone') }}
            columns={[
              { key: 'warehouse', title: t('count.warehouse'), render: (_, d) => `${d.warehouse.code} ${d.warehouse.name}` },
              { key: 'class', title: t('count.abcClass'), render: (_, d) => enumLabel(t, 'ABCClass', d.abcClass) },
              { key: 'interval', title: t('count.interval'), render: (_, d) => t('count.months', { n: d.intervalMonths }) },
              { key: 'last', title: t('count.lastCounted'), render: (_, d) => (d.lastCounted ? formatDate(d.lastCounted) : t('count.never')) },
              { key: 'products', title: t('count.products'), align: 'right', dataIndex: 'products' },
              { key: 'open', title: t('count.openSheet'), render: (_, d) => (d.openNumber ? <DocumentLink kind="STOCK_COUNT" number={d.openNumber} /> : '—') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('count.schedule')} data-testid="count-schedule">
          <Space direction="vertical" style={{ width: '100%' }}>
            {CLASSES.map((c) => (
              <Space key={c}>
                <Typography.Text style={{ display: 'inline-block', minWidth: 64 }}>{enumLabel(t, 'ABCClass', c)}</Typography.Text>
                <InputNumber<number>
                  min={1}
                  max={60}
                  precision={0}
                  disabled={!canSchedule}
                  value={months[c]}
                  onChange={(v) => setMonths((m) => ({ ...m, [c]: v ?? undefined }))}
                  data-testid={`count-schedule-${c}`}
                />
                <Typography.Text type="secondary">{t('count.monthsUnit')}</Typography.Text>
              </Space>
            ))}
            {canSchedule && (
              <Button onClick={() => void save()} loading={saving} data-testid="count-schedule-save">
                {t('count.scheduleSave')}
              </Button>
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
