import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { JournalEntryFieldsFragment, SourceType } from '../../../gql/graphql';
import { JournalEntryQuery } from '../queries';
import { ReverseJournalEntryMutation, ReviewVouchersMutation, UnreviewVouchersMutation } from '../mutations';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { accountLabel } from '../accountLabel';
import { applyUserErrors } from '../../../graphql/userErrors';
import { useCan } from '../../../app/session';
import { useLocalName, enumLabel, useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';
import { WithAuditTab } from '../../audit/components/AuditTrail';

type Line = JournalEntryFieldsFragment['lines'][number];

/** Lines of an entry with their totals. */
export function JournalLinesTable({ entry }: { entry: JournalEntryFieldsFragment }) {
  const t = useT();
  const localName = useLocalName();
  return (
    <Table<Line>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={entry.lines}
      data-testid={`journal-lines-${entry.id}`}
      columns={[
        { title: '#', dataIndex: 'lineNo', width: 40 },
        { title: t('ledger.account'), render: (_, l) => accountLabel(l.account, localName) },
        { title: t('ledger.debit'), align: 'right', render: (_, l) => (l.debit !== '0' ? <Amount value={l.debit} /> : '') },
        { title: t('ledger.credit'), align: 'right', render: (_, l) => (l.credit !== '0' ? <Amount value={l.credit} /> : '') },
        { title: t('ledger.costCentre'), render: (_, l) => l.costCentre ?? '' },
        { title: t('ledger.partner'), render: (_, l) => l.partner ?? '' },
        { title: t('stock.product'), render: (_, l) => (l.product ? `${l.product.sku} ${l.product.name}` : '') },
        {
          title: t('accounts.dimensions'),
          render: (_, l) => (
            <span data-testid={`journal-line-dimensions-${l.lineNo}`}>
              {[
                l.department && `${t('dimension.DEPARTMENT')} ${l.department}`,
                l.salesperson && `${t('dimension.SALESPERSON')} ${l.salesperson}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          ),
        },
        { title: t('common.description'), dataIndex: 'description' },
      ]}
      summary={() => (
        <TotalsRow label={t('ledger.total')} span={2} cells={[<Amount value={entry.totalDebit} strong />, <Amount value={entry.totalDebit} strong />]} afterSpan={5} />
      )}
    />
  );
}

/** The document that posted an entry: its kind and number (GR000012, SH-000037, a voucher number). */
export function SourceLabel({ source }: { source: { type: SourceType; number?: string | null } }) {
  const t = useT();
  return (
    <>
      {enumLabel(t, 'source', source.type)}
      {source.number ? ` ${source.number}` : ''}
    </>
  );
}

/** Status tags: reversed, a reversal, moved stock. */
export function EntryTags({ entry }: { entry: JournalEntryFieldsFragment }) {
  const t = useT();
  return (
    <Space size={4}>
      {entry.reversedById && <Tag color="red">{t('journal.reversedBy', { no: entry.reversedByVoucherNo ?? '' })}</Tag>}
      {entry.reversesId && <Tag color="orange">{t('journal.reverses', { no: entry.reversesVoucherNo ?? '' })}</Tag>}
      {entry.hasStockMoves && <Tag color="blue">{t('journal.stock')}</Tag>}
    </Space>
  );
}

/** One journal entry with its lines; finance may reverse it. */
export function JournalEntryDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const canWrite = useCan(['FINANCE']);
  const [reversing, setReversing] = useState(false);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: JournalEntryQuery, variables: { id: id ?? '' }, pause: !id });
  const entry = data?.journalEntry;
  // Only manual entries (and their reversals) reverse here: a document's
  // entry is undone through its document, and the server refuses it.
  const ownEntry = entry && (entry.source.type === 'MANUAL_ENTRY' || entry.source.type === 'REVERSAL');
  const canReverse = canWrite && entry && ownEntry && !entry.reversedById && !entry.hasStockMoves;
  const { message } = App.useApp();
  const [{ fetching: reviewing }, review] = useMutation(ReviewVouchersMutation);
  const [{ fetching: unreviewing }, unreview] = useMutation(UnreviewVouchersMutation);
  // 审核 here, or take it back; the server refuses a maker's own voucher and a closed period.
  const toggleReview = async () => {
    if (!entry) return;
    const res = entry.reviewedAt ? await unreview({ input: { ids: [entry.id] } }) : await review({ input: { ids: [entry.id] } });
    if (res.error) return message.error(res.error.message);
    const p = res.data && ('reviewVouchers' in res.data ? res.data.reviewVouchers : res.data.unreviewVouchers);
    if (p?.userErrors.length) return message.error(p.userErrors.map((e) => e.message).join('; '));
    reexecute({ requestPolicy: 'network-only' });
    onChanged();
  };
  return (
    <Drawer
      open={!!id}
      size={900}
      title={t('journal.entryTitle', { no: entry?.voucherNo ?? '' })}
      onClose={onClose}
      loading={fetching && !data}
      extra={
        <Space>
          {entry && (
            <Link to={`/finance/vouchers/${entry.id}`} data-testid="journal-voucher-open">
              <Button>{t('voucher.open')}</Button>
            </Link>
          )}
          {canWrite && entry && (
            <Button loading={reviewing || unreviewing} onClick={toggleReview} data-testid="journal-review-toggle">
              {entry.reviewedAt ? t('journal.unreview') : t('journal.review')}
            </Button>
          )}
          {canReverse && (
            <Button danger onClick={() => setReversing(true)} data-testid="journal-reverse-open">
              {t('journal.reverse')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {id && data && !entry && <Alert type="warning" showIcon title={t('journal.notFound')} />}
      {entry && (
        <WithAuditTab recordType="journalEntry" recordId={entry.id}>
          <>
            <Descriptions column={2} size="small" style={{ marginBottom: 16 }} data-testid="journal-entry-detail">
              <Descriptions.Item label={t('common.postingDate')}>{entry.postingDate}</Descriptions.Item>
              <Descriptions.Item label={t('stock.source')}>
                <SourceLabel source={entry.source} />
              </Descriptions.Item>
              <Descriptions.Item label={t('common.description')} span={2}>
                {entry.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('common.status')} span={2}>
                <EntryTags entry={entry} />
                {entry.reviewedAt && <Tag color="green">{t('journal.reviewed')}</Tag>}
              </Descriptions.Item>
            </Descriptions>
            <JournalLinesTable entry={entry} />
            <ReverseModal
              entry={reversing ? entry : null}
              onClose={() => setReversing(false)}
              onDone={() => {
                setReversing(false);
                reexecute({ requestPolicy: 'network-only' });
                onChanged();
              }}
            />
          </>
        </WithAuditTab>
      )}
    </Drawer>
  );
}

function ReverseModal({ entry, onClose, onDone }: { entry: JournalEntryFieldsFragment | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ postingDate?: Dayjs | null; description?: string }>();
  const [general, setGeneral] = useState<string[]>([]);
  const [{ fetching }, reverse] = useMutation(ReverseJournalEntryMutation);

  async function submit() {
    if (!entry) return;
    const v = await form.validateFields();
    const res = await reverse({
      input: { id: entry.id, postingDate: isoDate(v.postingDate), description: v.description?.trim() || undefined },
    });
    if (res.error) return setGeneral([res.error.message]);
    const p = res.data?.reverseJournalEntry;
    if (p?.entry) {
      message.success(t('journal.reversed', { no: entry.voucherNo, newNo: p.entry.voucherNo }));
      onDone();
      return;
    }
    setGeneral(applyUserErrors(form, p?.userErrors ?? []));
  }

  return (
    <Modal
      open={!!entry}
      title={t('journal.reverseTitle', { no: entry?.voucherNo ?? '' })}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ danger: true, 'data-testid': 'journal-reverse-submit' }}
      okText={t('journal.reverse')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      destroyOnHidden
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join('; ')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ postingDate: companyToday() }}>
        <Form.Item name="postingDate" label={t('common.postingDate')} extra={t('journal.reverseDateHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="description" label={t('common.description')}>
          <Input autoComplete="off" placeholder={t('journal.reverseDescriptionHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
