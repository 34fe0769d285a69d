import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { OperatingCostCategory, OperatingCostsQuery as Result, PayFrom } from '../../../gql/graphql';
import { OperatingCostsQuery } from '../queries';
import { CancelOperatingCostMutation, PostOperatingCostMutation } from '../mutations';
import { AccountsQuery } from '../../ledger/queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { accountLabel } from '../../ledger/accountLabel';
import { SupplierSelect } from '../../purchasing/components/common';
import { DecimalInput, decimalRule } from '../../../components/DecimalInput';
import { ExportButton } from '../../../components/ExportButton';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan } from '../../../app/session';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

type Cost = Result['operatingCosts']['nodes'][number];
const CATEGORIES: OperatingCostCategory[] = ['LABOUR', 'OVERHEAD', 'FREIGHT', 'RENT', 'OTHER'];

/** Operating costs booked to a cost centre, after the budget check; WARN lines passed come back as warnings. */
export default function OperatingCostsPage() {
  const t = useT();
  const canPost = useCan(['FINANCE']);
  const [year, setYear] = useState<number | null>(companyToday().year());
  const [month, setMonth] = useState<number | null>(null);
  const [posting, setPosting] = useState(false);
  const [warnings, setWarnings] = useState<{ number: string; warnings: string[] }>();
  const [cancelling, setCancelling] = useState<Cost | null>(null);
  const vars = { year, month: year ? month : null };
  const list = usePagedQuery({ query: OperatingCostsQuery, variables: vars, connection: (d) => d.operatingCosts });

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('periods.year')}</span>
          <InputNumber value={year} min={2000} max={2100} precision={0} onChange={(v) => setYear(v ?? null)} />
          <span>{t('budget.month')}</span>
          <Select allowClear style={{ width: 100 }} value={month} onChange={(v) => setMonth(v ?? null)} options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} placeholder={t('common.all')} />
        </Space>
        <Space>
          <ExportButton<Cost>
            fileName={t('menu.operatingCosts')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('opcost.number'), value: (c) => c.number },
              { header: t('common.postingDate'), value: (c) => c.postingDate },
              { header: t('opcost.category'), value: (c) => enumLabel(t, 'opcostCategory', c.category) },
              { header: t('po.costCentre'), value: (c) => c.costCentre },
              { header: t('ledger.account'), value: (c) => c.accountCode },
              { header: t('ledger.amount'), value: (c) => ({ decimal: c.amount }) },
              { header: t('landed.payFrom'), value: (c) => enumLabel(t, 'payFrom', c.payFrom) },
              { header: t('common.description'), value: (c) => c.description, width: 30 },
              { header: t('po.budgetWarnings'), value: (c) => c.budgetWarnings.join('; '), width: 40 },
            ]}
          />
          {canPost && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)} data-testid="opcost-new">
              {t('opcost.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      {warnings && warnings.warnings.length > 0 && (
        <Alert type="warning" showIcon closable={{ onClose: () => setWarnings(undefined) }} style={{ marginBottom: 16 }} data-testid="opcost-warnings" title={t('opcost.postedWithWarnings', { number: warnings.number })} description={warnings.warnings.join('; ')} />
      )}
      <Table<Cost>
        rowKey="id"
        size="middle"
        loading={list.fetching}
        dataSource={list.rows}
        data-testid="opcost-table"
        pagination={list.pagination()}
        columns={[
          { title: t('opcost.number'), render: (_, c) => <DocumentLink kind="OPERATING_COST" number={c.number} testId={`opcost-link-${c.number}`} /> },
          { title: t('common.postingDate'), dataIndex: 'postingDate' },
          { title: t('opcost.category'), render: (_, c) => enumLabel(t, 'opcostCategory', c.category) },
          { title: t('po.costCentre'), dataIndex: 'costCentre' },
          { title: t('ledger.account'), dataIndex: 'accountCode' },
          { title: t('ledger.amount'), align: 'right', render: (_, c) => <Amount value={c.amount} /> },
          { title: t('landed.payFrom'), render: (_, c) => enumLabel(t, 'payFrom', c.payFrom) },
          { title: t('common.description'), dataIndex: 'description' },
          { title: t('po.budgetWarnings'), render: (_, c) => c.budgetWarnings.map((w) => <Tag key={w} color="orange" style={{ whiteSpace: 'normal' }}>{w}</Tag>) },
          {
            title: t('common.status'),
            render: (_, c) => (
              <Tag color={c.status === 'CANCELLED' ? 'default' : 'green'} title={c.cancellationReason ?? undefined} data-testid={`opcost-status-${c.number}`}>
                {enumLabel(t, 'opcostStatus', c.status)}
                {c.cancelledOn ? ` ${c.cancelledOn}` : ''}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, c) =>
              canPost && c.status === 'POSTED' && c.payFrom === 'BANK' ? (
                <Button size="small" danger onClick={() => setCancelling(c)} data-testid={`opcost-cancel-${c.number}`}>
                  {t('opcost.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
      <CancelCostModal
        cost={cancelling}
        onClose={() => setCancelling(null)}
        onDone={() => {
          setCancelling(null);
          list.refresh();
        }}
      />
      <PostCostModal
        open={posting}
        onClose={() => setPosting(false)}
        onPosted={(number, w) => {
          setPosting(false);
          setWarnings({ number, warnings: w });
          list.refresh();
        }}
      />
    </Card>
  );
}

interface CostValues {
  category: OperatingCostCategory;
  postingDate?: Dayjs | null;
  costCentre?: string;
  accountCode?: string;
  amount?: string;
  payFrom: PayFrom;
  supplierId?: string;
  supplierInvoiceNumber?: string;
  description?: string;
}

function PostCostModal({ open, onClose, onPosted }: { open: boolean; onClose: () => void; onPosted: (number: string, warnings: string[]) => void }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const [form] = Form.useForm<CostValues>();
  const payFrom = Form.useWatch('payFrom', form);
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: { filter: { type: 'EXPENSE', active: true } }, pause: !open });
  const [{ fetching }, post] = useMutation(PostOperatingCostMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const res = await post({
      input: {
        category: v.category,
        postingDate: isoDate(v.postingDate),
        costCentre: (v.costCentre ?? '').trim(),
        accountCode: v.accountCode ?? '',
        amount: (v.amount ?? '').trim(),
        payFrom: v.payFrom,
        supplierId: v.payFrom === 'PAYABLE' ? v.supplierId : undefined,
        supplierInvoiceNumber: v.payFrom === 'PAYABLE' ? v.supplierInvoiceNumber?.trim() : undefined,
        description: (v.description ?? '').trim(),
        idempotencyKey: key,
      },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.postOperatingCost;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.operatingCost) {
      message.success(t('opcost.posted', { number: p.operatingCost.number }));
      form.resetFields();
      setKey(crypto.randomUUID());
      onPosted(p.operatingCost.number, p.warnings);
    }
  }

  return (
    <Modal open={open} onCancel={onClose} onOk={submit} confirmLoading={fetching} title={t('opcost.new')} okText={t('invoice.post')} width={720} okButtonProps={{ 'data-testid': 'opcost-form-submit' }} destroyOnHidden>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} data-testid="opcost-form-errors" />}
      <Form form={form} layout="vertical" initialValues={{ category: 'OVERHEAD', payFrom: 'BANK' }}>
        <Space wrap align="start">
          <Form.Item name="category" label={t('opcost.category')}>
            <Select style={{ width: 140 }} options={CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, 'opcostCategory', c) }))} />
          </Form.Item>
          <Form.Item name="costCentre" label={t('po.costCentre')} rules={[{ required: true, message: t('common.required') }]}>
            <Input style={{ width: 160 }} data-testid="opcost-form-cost-centre" />
          </Form.Item>
          <Form.Item name="amount" label={t('ledger.amount')} rules={[{ required: true, message: t('common.required') }, decimalRule(t('common.decimalInvalid'), 2)]}>
            <DecimalInput style={{ width: 160 }} data-testid="opcost-form-amount" />
          </Form.Item>
          <Form.Item name="postingDate" label={t('common.postingDate')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="accountCode" label={t('ledger.account')} rules={[{ required: true, message: t('common.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(accts?.accounts ?? []).filter((a) => !a.header).map((a) => ({ value: a.code, label: accountLabel(a, localName) }))} data-testid="opcost-form-account" />
        </Form.Item>
        <Form.Item name="payFrom" label={t('landed.payFrom')}>
          <Radio.Group options={(['BANK', 'PAYABLE'] as const).map((b) => ({ value: b, label: enumLabel(t, 'payFrom', b) }))} />
        </Form.Item>
        {payFrom === 'PAYABLE' && (
          <Space wrap align="start">
            <Form.Item name="supplierId" label={t('po.supplier')} rules={[{ required: true, message: t('common.required') }]}>
              <SupplierSelect style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="supplierInvoiceNumber" label={t('invoice.supplierNumber')} rules={[{ required: true, message: t('common.required') }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="description" label={t('common.description')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="opcost-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancels a cost paid from the bank: its entry reversed and its budget actual taken back, in one posting. */
function CancelCostModal({ cost, onClose, onDone }: { cost: Cost | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ postingDate?: Dayjs | null; reason?: string }>();
  const [{ fetching }, cancel] = useMutation(CancelOperatingCostMutation);
  const [general, setGeneral] = useState<string[]>([]);

  async function submit() {
    if (!cost) return;
    setGeneral([]);
    const v = await form.validateFields();
    const res = await cancel({ input: { id: cost.id, postingDate: isoDate(v.postingDate), reason: (v.reason ?? '').trim() } });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.cancelOperatingCost;
    if (p?.userErrors.length) return setGeneral(applyUserErrors(form, p.userErrors));
    if (p?.operatingCost) {
      message.success(t('opcost.cancelled', { number: p.operatingCost.number }));
      form.resetFields();
      onDone();
    }
  }

  return (
    <Modal
      open={!!cost}
      title={cost ? t('opcost.cancelTitle', { number: cost.number }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('opcost.cancel')}
      okButtonProps={{ danger: true, loading: fetching }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('opcost.cancelHelp')} style={{ marginBottom: 16 }} />
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="postingDate" label={t('common.postingDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reason" label={t('opcost.cancelReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} data-testid="opcost-cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
