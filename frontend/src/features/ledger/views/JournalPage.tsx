import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { App, Button, Card, DatePicker, Select, Space, Tag } from 'antd';
import { AuditOutlined, EyeOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { JournalEntryFieldsFragment, JournalEntryFilter, SourceType } from '../../../gql/graphql';
import { AccountsQuery, JournalEntriesQuery } from '../queries';
import { ReviewVouchersMutation } from '../mutations';
import { Amount } from '../../../components/Amount';
import { DocumentLink } from '../../../components/DocumentLink';
import { Toolbar } from '../../../components/Toolbar';
import { SourceTypeSelect } from '../../../components/SourceTypeSelect';
import { PagedTable } from '../../../components/PagedTable';
import { accountLabel } from '../accountLabel';
import { EntryTags, JournalEntryDrawer, JournalLinesTable } from '../components/JournalEntryDetail';
import { JournalEntryForm } from '../components/JournalEntryForm';
import { ExportButton, connectionRows } from '../../../components/ExportButton';
import { BulkExportButton } from '../../export/components/BulkExportButton';
import { JOURNAL_LINES_EXPORT } from '../../export/mutations';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useCan } from '../../../app/session';
import { useLocalName, enumLabel, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';

type Entry = JournalEntryFieldsFragment;
const SOURCE_TYPES: SourceType[] = ['OPENING_STOCK', 'STOCK_ADJUSTMENT', 'PURCHASE_RECEIPT', 'LANDED_COST', 'SUPPLIER_INVOICE', 'SUPPLIER_PAYMENT', 'OPERATING_COST', 'MANUAL_ENTRY', 'REVERSAL', 'CLOSING'];
const fmt = (d: Dayjs | null | undefined) => (isoDate(d));

export default function JournalPage() {
  const t = useT();
  const localName = useLocalName();
  const client = useClient();
  const canWrite = useCan(['FINANCE']);
  const [params, setParams] = useSearchParams();
  const openId = params.get('entry');
  // The filters live in the URL (?account=6001&from=2026-01-01&to=2026-11-30&source=...),
  // so KPI drill-downs and shared links open the journal already filtered.
  const accountCode = params.get('account') ?? undefined;
  const sourceType = (params.get('source') as SourceType | null) ?? undefined;
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const range = useMemo<[Dayjs | null, Dayjs | null] | null>(
    () => (fromParam || toParam ? [fromParam ? dayjs(fromParam) : null, toParam ? dayjs(toParam) : null] : null),
    [fromParam, toParam],
  );
  const setFilterParams = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        next.delete('entry');
        return next;
      },
      { replace: true },
    );
  const setAccountCode = (v: string | undefined) => setFilterParams({ account: v });
  const setSourceType = (v: SourceType | undefined) => setFilterParams({ source: v });
  const setRange = (v: [Dayjs | null, Dayjs | null] | null) => setFilterParams({ from: fmt(v?.[0]), to: fmt(v?.[1]) });
  const reviewedParam = params.get('reviewed');
  const reviewed = reviewedParam === 'true' ? true : reviewedParam === 'false' ? false : undefined;
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [{ fetching: reviewing }, review] = useMutation(ReviewVouchersMutation);

  const filter = useMemo<JournalEntryFilter>(
    () => ({ accountCode, sourceType, dateFrom: fmt(range?.[0]), dateTo: fmt(range?.[1]), reviewed }),
    [accountCode, sourceType, range, reviewed],
  );
  const list = usePagedQuery({ query: JournalEntriesQuery, variables: { filter }, connection: (d) => d.journalEntries });
  const [{ data: accts }] = useQuery({ query: AccountsQuery, variables: {} });
  const { refresh } = list;
  const open = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('entry', id);
        else next.delete('entry');
        return next;
      },
      { replace: !id },
    );

  // 审核 of the selected vouchers, all or none (the server says why not).
  const reviewSelected = async () => {
    const res = await review({ input: { ids: selected } });
    const p = res.data?.reviewVouchers;
    if (res.error) return message.error(res.error.message);
    if (p?.userErrors.length) return message.error(p.userErrors.map((e) => e.message).join('; '));
    message.success(t('journal.reviewDone', { n: String(p?.entries?.length ?? 0) }));
    setSelected([]);
    refresh();
  };

  // One row per line in the export: what accountants filter and pivot.
  const exportRows = async () => {
    const r = await connectionRows(client, JournalEntriesQuery, { filter }, (d) => d.journalEntries)();
    return { ...r, rows: r.rows.flatMap((e) => e.lines.map((l) => ({ e, l }))) };
  };

  return (
    <Card>
      <Toolbar>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('ledger.account')}
            style={{ width: 240 }}
            value={accountCode}
            onChange={setAccountCode}
            options={(accts?.accounts ?? []).map((a) => ({ value: a.code, label: accountLabel(a, localName) }))}
            data-testid="journal-filter-account"
          />
          <SourceTypeSelect types={SOURCE_TYPES} value={sourceType} onChange={setSourceType} />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
          <Select
            allowClear
            placeholder={t('journal.reviewFilter')}
            style={{ width: 140 }}
            value={reviewedParam ?? undefined}
            onChange={(v: string | undefined) => setFilterParams({ reviewed: v })}
            options={[
              { value: 'false', label: t('journal.unreviewed') },
              { value: 'true', label: t('journal.reviewed') },
            ]}
            data-testid="journal-filter-reviewed"
          />
        </Space>
        <Space>
          <BulkExportButton query={JOURNAL_LINES_EXPORT} variables={{ filter }} testId="journal-bulk-export" />
          <ExportButton<{ e: Entry; l: Entry['lines'][number] }>
            fileName={t('menu.journal')}
            fetchRows={exportRows}
            columns={[
              { header: t('journal.entry'), value: (r) => r.e.voucherNo },
              { header: t('common.postingDate'), value: (r) => r.e.postingDate, width: 12 },
              { header: t('common.description'), value: (r) => r.e.description, width: 30 },
              { header: t('stock.source'), value: (r) => enumLabel(t, 'source', r.e.source.type) },
              { header: '#', value: (r) => r.l.lineNo },
              { header: t('ledger.code'), value: (r) => r.l.account.code },
              { header: t('ledger.account'), value: (r) => localName(r.l.account), width: 24 },
              { header: t('ledger.debit'), value: (r) => ({ decimal: r.l.debit }) },
              { header: t('ledger.credit'), value: (r) => ({ decimal: r.l.credit }) },
              { header: t('ledger.costCentre'), value: (r) => r.l.costCentre },
              { header: t('ledger.partner'), value: (r) => r.l.partner },
              { header: t('journal.lineNote'), value: (r) => r.l.description, width: 24 },
            ]}
          />
          <Button icon={<PrinterOutlined />} disabled={selected.length === 0} onClick={() => navigate(`/finance/vouchers/${selected.join(',')}`)} data-testid="journal-print-selected">
            {t('voucher.printSelected')}
          </Button>
          {canWrite && (
            <Button icon={<AuditOutlined />} disabled={selected.length === 0} loading={reviewing} onClick={reviewSelected} data-testid="journal-review-selected">
              {t('journal.reviewSelected', { n: String(selected.length) })}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="journal-new">
              {t('journal.new')}
            </Button>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Entry>
        list={list}
        data-testid="journal-table"
        onRow={(e) => ({ 'data-testid': `journal-row-${e.id}` }) as object}
        expandable={{ expandedRowRender: (e) => <JournalLinesTable entry={e} /> }}
        showSizeChanger
        sizes
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        columns={[
          {
            title: t('journal.entry'),
            render: (_, e) => (
              <Space size={4}>
                <Link to={`/finance/vouchers/${e.id}`} data-testid={`journal-voucher-${e.id}`}>
                  {e.voucherNo}
                </Link>
                <Button type="text" size="small" icon={<EyeOutlined />} onClick={() => open(e.id)} aria-label={t('journal.entryTitle', { no: e.voucherNo })} data-testid={`journal-open-${e.id}`} />
              </Space>
            ),
          },
          { title: t('common.postingDate'), dataIndex: 'postingDate' },
          { title: t('common.description'), dataIndex: 'description' },
          {
            title: t('stock.source'),
            render: (_, e) => (
              <>
                {enumLabel(t, 'source', e.source.type)}{' '}
                {e.source.type !== 'MANUAL_ENTRY' && <DocumentLink kind={e.source.type} number={e.source.number} testId={`journal-source-${e.id}`} />}
              </>
            ),
          },
          { title: t('ledger.amount'), align: 'right', render: (_, e) => <Amount value={e.totalDebit} /> },
          { title: t('common.status'), render: (_, e) => <EntryTags entry={e} /> },
          {
            title: t('journal.review'),
            render: (_, e) =>
              e.reviewedAt ? (
                <Tag color="green" data-testid={`journal-reviewed-${e.id}`}>
                  {t('journal.reviewed')}
                </Tag>
              ) : (
                <Tag data-testid={`journal-unreviewed-${e.id}`}>{t('journal.unreviewed')}</Tag>
              ),
          },
        ]}
      />
      <JournalEntryDrawer id={openId} onClose={() => open(null)} onChanged={refresh} />
      <JournalEntryForm
        open={creating}
        onClose={() => setCreating(false)}
        onPosted={(id) => {
          setCreating(false);
          refresh();
          open(id);
        }}
      />
    </Card>
  );
}
