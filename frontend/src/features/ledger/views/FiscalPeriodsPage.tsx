import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { FiscalPeriodsQuery as FPResult } from '../../../gql/graphql';
import { FiscalPeriodsQuery } from '../queries';
import { CloseFiscalPeriodMutation, ReopenFiscalPeriodMutation } from '../mutations';
import { Toolbar } from '../../../components/Toolbar';
import { useCan } from '../../../app/session';
import { useT } from '../../../i18n';
import { yearMonth, companyToday, formatDateTime } from '../../../lib/date';

type Period = FPResult['fiscalPeriods'][number];

export default function FiscalPeriodsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canWrite = useCan(['FINANCE']);
  const [year, setYear] = useState(companyToday().year());
  const [reopening, setReopening] = useState<Period>();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: FiscalPeriodsQuery, variables: { year } });
  const [, close] = useMutation(CloseFiscalPeriodMutation);
  const win = data?.postingWindow;

  // Closing: periods close in order. When an earlier month is still open
  // the server says so on input.closeEarlier; the user may then close them
  // all at once.
  async function closePeriod(p: Period, closeEarlier = false) {
    const res = await close({ input: { year: p.year, month: p.month, closeEarlier } });
    const payload = res.data?.closeFiscalPeriod;
    const errs = payload?.userErrors ?? [];
    const earlier = errs.find((e) => e.field === 'input.closeEarlier');
    if (earlier && !closeEarlier) {
      modal.confirm({
        title: t('periods.closeEarlierTitle'),
        content: <span data-testid="periods-close-earlier-text">{t('periods.closeEarlierText', { message: earlier.message, period: yearMonth(p) })}</span>,
        okText: t('periods.closeEarlierOk'),
        okButtonProps: { danger: true, 'data-testid': 'periods-close-earlier-ok' } as ButtonProps,
        onOk: () => closePeriod(p, true),
      });
      return;
    }
    if (res.error || errs.length) {
      message.error(res.error?.message ?? errs.map((e) => e.message).join('; '));
      return;
    }
    message.success(t('periods.closedManyMsg', { periods: (payload?.changed ?? []).map(yearMonth).join(', ') }));
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
      {win && (
        <Alert
          type={win.lockDate ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="periods-lock-date"
          title={
            <Space wrap>
              <span>{win.lockDate ? t('periods.lockDate', { date: win.lockDate }) : t('periods.noLockDate')}</span>
              <Typography.Text type="secondary">{t('periods.window', { from: win.earliestDate, to: win.horizon })}</Typography.Text>
            </Space>
          }
        />
      )}
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
          { title: t('periods.closedAt'), render: (_, p) => formatDateTime(p.closedAt) },
          { title: t('periods.reopenReason'), dataIndex: 'reopenReason', render: (r: string) => <Typography.Text type="secondary">{r}</Typography.Text> },
          {
            title: t('periods.closingVouchers'),
            render: (_, p) => (
              <Link to={`/finance/journal?source=CLOSING&from=${p.startDate}&to=${p.endDate}`} data-testid={`period-closing-${p.month}`}>
                {t('periods.closingVouchersLink')}
              </Link>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, p: Period) =>
                    p.status === 'OPEN' ? (
                      <Popconfirm title={t('periods.closeConfirm', { period: yearMonth(p) })} onConfirm={() => closePeriod(p)}>
                        <Button size="small" danger data-testid={`period-toggle-${p.month}`}>
                          {t('periods.close')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" data-testid={`period-toggle-${p.month}`} onClick={() => setReopening(p)}>
                        {t('periods.reopen')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <ReopenModal
        period={reopening}
        onClose={() => setReopening(undefined)}
        onReopened={() => {
          setReopening(undefined);
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    </Card>
  );
}

/** Reopening asks why: the reason is kept on the period and in the audit trail. */
function ReopenModal({ period, onClose, onReopened }: { period?: Period; onClose: () => void; onReopened: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, reopen] = useMutation(ReopenFiscalPeriodMutation);

  async function submit() {
    if (!period) return;
    if (!reason.trim()) {
      setErrors([t('periods.reasonRequired')]);
      return;
    }
    const res = await reopen({ input: { year: period.year, month: period.month, reason } });
    const payload = res.data?.reopenFiscalPeriod;
    const errs = payload?.userErrors ?? [];
    if (res.error || errs.length) {
      setErrors(res.error ? [res.error.message] : errs.map((e) => e.message));
      return;
    }
    message.success(t('periods.reopenedMsg', { periods: (payload?.changed ?? []).map(yearMonth).join(', ') }));
    setReason('');
    setErrors([]);
    onReopened();
  }

  return (
    <Modal
      open={!!period}
      title={period ? t('periods.reopenTitle', { period: yearMonth(period) }) : ''}
      okText={t('periods.reopen')}
      okButtonProps={{ danger: true, loading: fetching, 'data-testid': 'period-reopen-ok' } as ButtonProps}
      onOk={submit}
      onCancel={() => {
        setErrors([]);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('periods.reopenText')}</Typography.Paragraph>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        rows={3}
        placeholder={t('periods.reason')}
        aria-label={t('periods.reason')}
        data-testid="period-reopen-reason"
      />
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginTop: 12 }} data-testid="period-reopen-errors" />}
    </Modal>
  );
}
