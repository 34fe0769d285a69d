import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { BudgetLineFieldsFragment, BudgetPolicy, BudgetRollupBy, BudgetRollupQuery as RollupResult } from '../../../gql/graphql';
import { BudgetLinesQuery, BudgetRollupQuery } from '../queries';
import { CreateBudgetLineMutation, UpdateBudgetLineMutation } from '../mutations';
import { BudgetProgress } from '../components/BudgetProgress';
import { AccountsQuery } from '../../ledger/queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { accountLabel } from '../../ledger/accountLabel';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan, useMe } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useLocalName, useT } from '../../../i18n';
import { yearMonth, companyToday } from '../../../lib/date';

type Line = BudgetLineFieldsFragment;
type RollupRow = RollupResult['budgetRollup'][number];

/** Budget lines with consumption (actual + committed), and roll-ups by department and by period. */
export default function BudgetsPage() {
  const t = useT();
  const [year, setYear] = useState(companyToday().year());
  const [month, setMonth] = useState<number | null>(null);
  return (
    <Card>
      <Space style={{ marginBottom: 8 }}>
        <span>{t('periods.year')}</span>
        <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => v && setYear(v)} />
        <span>{t('budget.month')}</span>
        <Select allowClear style={{ width: 100 }} value={month} onChange={(v) => setMonth(v ?? null)} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} placeholder={t('common.all')} />
      </Space>
      <Tabs
        items={[
          { key: 'lines', label: t('budget.lines'), children: <BudgetLines year={year} month={month} /> },
          { key: 'department', label: t('budget.byDepartment'), children: <Rollup year={year} month={month} by="DEPARTMENT" /> },
          { key: 'period', label: t('budget.byPeriod'), children: <Rollup year={year} month={month} by="PERIOD" /> },
        ]}
      />
    </Card>
  );
}

function BudgetLines({ year, month }: { year: number; month: number | null }) {
  const t = useT();
  const localName = useLocalName();
  const canWrite = useCan(['FINANCE']);
  const [costCentre, setCostCentre] = useState('');
  const [editing, setEditing] = useState<Line | 'new' | null>(null);
  const filter = useMemo(() => ({ year, month: month ?? undefined, costCentre: costCentre.trim() || undefined }), [year, month, costCentre]);
  const list = usePagedQuery({ query: BudgetLinesQuery, variables: { filter }, connection: (d) => d.budgetLines, pageSize: 50 });
  const owners = useMemo(() => new Map(list.rows.flatMap((l) => (l.owner ? [[l.owner.id, l.owner] as const] : []))), [list.data]);

  return (
    <>
      <Toolbar>
        <Input.Search allowClear placeholder={t('po.costCentre')} style={{ width: 200 }} onSearch={setCostCentre} />
        <Space>
          <ExportButton<Line>
            fileName={`${t('menu.budgets')} ${year}`}
            fetchRows={list.exportRows}
            columns={[
              { header: t('budget.period'), value: yearMonth },
              { header: t('po.costCentre'), value: (l) => l.costCentre },
              { header: t('ledger.account'), value: (l) => l.accountCode },
              { header: t('budget.category'), value: (l) => (l.category ? localName(l.category) : '') },
              { header: t('budget.amount'), value: (l) => ({ decimal: l.amount, format: 'money' as const }), total: true },
              { header: t('budget.actual'), value: (l) => ({ decimal: l.actual, format: 'money' as const }), total: true },
              { header: t('budget.committed'), value: (l) => ({ decimal: l.committed, format: 'money' as const }), total: true },
              { header: t('budget.consumed'), value: (l) => ({ decimal: l.consumed, format: 'money' as const }), total: true },
              { header: t('budget.remaining'), value: (l) => ({ decimal: l.remaining, format: 'money' as const }), total: true },
              { header: t('budget.percent'), value: (l) => ({ decimal: l.percent }) },
              { header: t('budget.policy'), value: (l) => t(`budget.policy.${l.policy}`) },
              { header: t('budget.owner'), value: (l) => l.owner?.displayName ?? '' },
            ]}
          />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="budget-new">
              {t('budget.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Line>
        list={list}
        size="small"
        data-testid="budget-table"
        columns={[
          { title: t('budget.period'), render: (_, l) => yearMonth(l) },
          { title: t('po.costCentre'), dataIndex: 'costCentre' },
          { title: t('ledger.account'), render: (_, l) => l.accountCode + (l.category ? ` · ${localName(l.category)}` : '') },
          { title: t('budget.amount'), align: 'right', render: (_, l) => <Amount value={l.amount} /> },
          { title: t('budget.actual'), align: 'right', render: (_, l) => <Amount value={l.actual} /> },
          { title: t('budget.committed'), align: 'right', render: (_, l) => <Amount value={l.committed} /> },
          { title: t('budget.consumed'), align: 'right', render: (_, l) => <Amount value={l.consumed} strong /> },
          { title: t('budget.used'), width: 180, render: (_, l) => <BudgetProgress percent={l.percent} /> },
          { title: t('budget.policy'), render: (_, l) => <Tag color={l.policy === 'BLOCK' ? 'red' : 'orange'}>{t(`budget.policy.${l.policy}`)}</Tag> },
          { title: t('budget.owner'), render: (_, l) => l.owner?.displayName ?? '—' },
          { title: t('common.description'), dataIndex: 'description' },
          ...(canWrite ? [{ title: '', render: (_: unknown, l: Line) => <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(l)} aria-label={t('common.edit')} /> }] : []),
        ]}
      />
      <BudgetLineModal
        line={editing}
        owners={[...owners.values()]}
        defaultYear={year}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.refresh();
        }}
      />
    </>
  );
}

interface LineValues {
  year?: number;
  month?: number;
  costCentre?: string;
  accountCode?: string;
  amount?: string;
  ownerId?: string;
  policy: BudgetPolicy;
  description?: string;
}

function BudgetLineModal({ line, owners, defaultYear, onClose, onSaved }: { line: Line | 'new' | null; owners: { id: string; displayName: string }[]; defaultYear: number; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineValues>();
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: {}, pause: !line });
  const [{ fetching: creating }, create] = useMutation(CreateBudgetLineMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateBudgetLineMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const isNew = line === 'new';
  const ownerOptions = new Map([[me.id, me.displayName || me.username], ...owners.map((o) => [o.id, o.displayName] as const)]);

  useEffect(() => {
    setGeneral([]);
    if (line === 'new') form.setFieldsValue({ year: defaultYear, month: companyToday().month() + 1, policy: 'WARN', ownerId: me.id, costCentre: '', accountCode: undefined, amount: '', description: '' });
    else if (line) form.setFieldsValue({ year: line.year, month: line.month, costCentre: line.costCentre, accountCode: line.accountCode, amount: line.amount, ownerId: line.owner?.id, policy: line.policy, description: line.description });
  }, [line, form, defaultYear, me.id]);

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    if (isNew) {
      const res = await create({ input: { year: v.year ?? defaultYear, month: v.month ?? 1, costCentre: (v.costCentre ?? '').trim(), accountCode: v.accountCode ?? '', amount: (v.amount ?? '').trim(), ownerId: v.ownerId || undefined, policy: v.policy, description: v.description?.trim() || undefined } });
      if (res.error) return setGeneral([res.error.message]);
      const errs = res.data?.createBudgetLine.userErrors ?? [];
      if (errs.length) return setGeneral(applyUserErrors(form, errs));
    } else if (line) {
      const res = await update({ input: { id: line.id, amount: (v.amount ?? '').trim(), ownerId: v.ownerId || undefined, policy: v.policy, description: v.description ?? '' } });
      if (res.error) return setGeneral([res.error.message]);
      const errs = res.data?.updateBudgetLine.userErrors ?? [];
      if (errs.length) return setGeneral(applyUserErrors(form, errs));
    }
    message.success(t('budget.saved'));
    onSaved();
  }

  return (
    <Modal open={!!line} onCancel={onClose} onOk={submit} confirmLoading={creating || updating} title={isNew ? t('budget.new') : t('budget.edit')} okText={t('common.save')} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Space wrap align="start">
          <Form.Item name="year" label={t('periods.year')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={!isNew} />
          </Form.Item>
          <Form.Item name="month" label={t('budget.month')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={12} precision={0} disabled={!isNew} />
          </Form.Item>
          <Form.Item name="costCentre" label={t('po.costCentre')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 160 }} disabled={!isNew} />
          </Form.Item>
        </Space>
        <Form.Item name="accountCode" label={t('ledger.account')} rules={[{ required: true, message: t('common.required') }]} extra={t('budget.accountHint')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!isNew}
            options={(accts?.accounts ?? []).filter((a) => !a.header && (a.type === 'EXPENSE' || a.code === '1405')).map((a) => ({ value: a.code, label: accountLabel(a, localName) }))}
          />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="amount" label={t('budget.amount')} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 2)]}>
            <DecimalInput style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="policy" label={t('budget.policy')}>
            <Select style={{ width: 160 }} options={(['WARN', 'BLOCK'] as const).map((p) => ({ value: p, label: t(`budget.policy.${p}`) }))} />
          </Form.Item>
          <Form.Item name="ownerId" label={t('budget.owner')}>
            <Select allowClear style={{ width: 180 }} options={[...ownerOptions].map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('common.description')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Rollup({ year, month, by }: { year: number; month: number | null; by: BudgetRollupBy }) {
  const t = useT();
  const [{ data, error, fetching }] = useQuery({ query: BudgetRollupQuery, variables: { year, month, by } });
  const rows = data?.budgetRollup ?? [];
  return (
    <>
      <Toolbar>
        <Typography.Text type="secondary">{t('budget.rollupNote')}</Typography.Text>
        <ExportButton<RollupRow>
          fileName={`${t('menu.budgets')} ${year} ${by === 'DEPARTMENT' ? t('budget.byDepartment') : t('budget.byPeriod')}`}
          fetchRows={loadedRows(rows)}
          columns={[
            { header: by === 'DEPARTMENT' ? t('po.costCentre') : t('budget.period'), value: (r) => r.key },
            { header: t('budget.amount'), value: (r) => ({ decimal: r.amount, format: 'money' as const }), total: true },
            { header: t('budget.actual'), value: (r) => ({ decimal: r.actual, format: 'money' as const }), total: true },
            { header: t('budget.committed'), value: (r) => ({ decimal: r.committed, format: 'money' as const }), total: true },
            { header: t('budget.consumed'), value: (r) => ({ decimal: r.consumed, format: 'money' as const }), total: true },
            { header: t('budget.percent'), value: (r) => ({ decimal: r.percent }) },
          ]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<RollupRow>
        rowKey="key"
        size="small"
        loading={fetching}
        pagination={false}
        dataSource={rows}
        data-testid={`budget-rollup-${by}`}
        columns={[
          { title: by === 'DEPARTMENT' ? t('po.costCentre') : t('budget.period'), dataIndex: 'key' },
          { title: t('budget.lineCount'), dataIndex: 'lines', align: 'right' },
          { title: t('budget.amount'), align: 'right', render: (_, r) => <Amount value={r.amount} /> },
          { title: t('budget.actual'), align: 'right', render: (_, r) => <Amount value={r.actual} /> },
          { title: t('budget.committed'), align: 'right', render: (_, r) => <Amount value={r.committed} /> },
          { title: t('budget.consumed'), align: 'right', render: (_, r) => <Amount value={r.consumed} strong /> },
          { title: t('budget.used'), width: 200, render: (_, r) => <BudgetProgress percent={r.percent} /> },
        ]}
      />
    </>
  );
}
