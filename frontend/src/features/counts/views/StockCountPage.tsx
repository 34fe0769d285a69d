import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Statistic, Table, Tag, type ButtonProps } from 'antd';
import type { StockCountQuery as Result, UserErrorFieldsFragment } from '../../../gql/graphql';
import { StockCountMovesQuery, StockCountQuery } from '../queries';
import { CancelStockCountMutation, PostStockCountMutation, RequestRecountMutation, StartStockCountMutation, SubmitStockCountMutation } from '../mutations';
import { DocumentFrame, Section } from '../../purchasing/components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { COUNT_POST, COUNT_READ, COUNT_WRITE } from '../routes';
import { formatVariance, scrapLink, sheetTotals, varianceTone } from '../variance';
import { scopeText } from './StockCountsPage';

type Sheet = NonNullable<Result['stockCount']>;
type Line = Sheet['lines'][number];
type Entry = Line['countEntries'][number];

const TONE_COLOR = { none: undefined, ok: undefined, short: '#cf1322', over: '#389e0d' } as const;

/** /stock/counts/:number — a count sheet: its lines (book, counted, variance and value), who counted what, and start / submit / recount / post / cancel. */
export default function StockCountPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const { number = '' } = useParams();
  const canWrite = useCan(COUNT_WRITE);
  const canRecount = useCan(COUNT_READ);
  const canPost = useCan(COUNT_POST);
  const [{ data, error, fetching }, reload] = useQuery({ query: StockCountQuery, variables: { number }, requestPolicy: 'cache-and-network' });
  const c = data?.stockCount;
  const [{ data: moves }, reloadMoves] = useQuery({ query: StockCountMovesQuery, variables: { sourceId: c?.id ?? '' }, pause: c?.status !== 'POSTED' });
  const [{ fetching: starting }, start] = useMutation(StartStockCountMutation);
  const [{ fetching: submitting }, submit] = useMutation(SubmitStockCountMutation);
  const [{ fetching: recounting }, recount] = useMutation(RequestRecountMutation);
  const [{ fetching: posting }, post] = useMutation(PostStockCountMutation);
  const [, cancel] = useMutation(CancelStockCountMutation);
  const [errors, setErrors] = useState<string[]>([]);
  const [selected, setSelected] = useState<number[]>([]);

  async function run(p: Promise<{ error?: { message: string }; data?: unknown }>, pick: (d: never) => { userErrors: UserErrorFieldsFragment[] } | undefined) {
    setErrors([]);
    const res = await p;
    if (res.error) return setErrors([res.error.message]);
    const ues = pick(res.data as never)?.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('count.done'));
    setSelected([]);
    reload({ requestPolicy: 'network-only' });
    reloadMoves({ requestPolicy: 'network-only' });
  }

  type P<K extends string> = { [k in K]: { userErrors: UserErrorFieldsFragment[] } };
  const open = c && c.status !== 'POSTED' && c.status !== 'CANCELLED';
  const actions = c && (
    <Space wrap>
      {c.status === 'DRAFT' && canWrite && (
        <Popconfirm title={t('count.startConfirm')} onConfirm={() => void run(start({ number }), (d: P<'startStockCount'>) => d?.startStockCount)}>
          <Button type="primary" loading={starting} data-testid="count-start">
            {t('count.start')}
          </Button>
        </Popconfirm>
      )}
      {c.status === 'COUNTING' && canWrite && (
        <Button type="primary" loading={submitting} data-testid="count-submit-review" onClick={() => void run(submit({ number }), (d: P<'submitStockCount'>) => d?.submitStockCount)}>
          {t('count.submit')}
        </Button>
      )}
      {c.status === 'REVIEW' && canRecount && (
        <>
          <Button disabled={selected.length === 0} loading={recounting} data-testid="count-recount" onClick={() => void run(recount({ number, lineNos: selected }), (d: P<'requestRecount'>) => d?.requestRecount)}>
            {t('count.recount')}
          </Button>
          <Button disabled={!c.lines.some((l) => l.overTolerance)} loading={recounting} data-testid="count-recount-flagged" onClick={() => void run(recount({ number }), (d: P<'requestRecount'>) => d?.requestRecount)}>
            {t('count.recountFlagged')}
          </Button>
        </>
      )}
      {c.status === 'REVIEW' && canPost && (
        <Popconfirm title={t('count.postConfirm')} onConfirm={() => void run(post({ number }), (d: P<'postStockCount'>) => d?.postStockCount)} okButtonProps={{ 'data-testid': 'count-post-ok' } as ButtonProps}>
          <Button type="primary" loading={posting} data-testid="count-post">
            {t('count.post')}
          </Button>
        </Popconfirm>
      )}
      {open && canWrite && (
        <Popconfirm title={t('count.cancelConfirm')} onConfirm={() => void run(cancel({ number }), (d: P<'cancelStockCount'>) => d?.cancelStockCount)}>
          <Button danger data-testid="count-cancel">
            {t('count.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const totals = c ? sheetTotals(c.lines) : undefined;
  return (
    <DocumentFrame
      title={t('pdoc.kind.STOCK_COUNT')}
      number={number}
      status={
        c && (
          <Space size={4}>
            <Tag data-testid="count-status" data-status={c.status}>
              {enumLabel(t, 'StockCountStatus', c.status)}
            </Tag>
            {c.blind && <Tag color="purple">{t('count.blind')}</Tag>}
          </Space>
        )
      }
      actions={actions}
      back="/stock/counts"
      fetching={fetching}
      error={error}
      found={!!c}
      recordType="stockCount"
      recordId={c?.id}
    >
      {c && totals && (
        <>
          {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="count-errors" />}
          {c.bookHidden && <Alert type="info" showIcon title={t('count.bookHidden')} data-testid="count-book-hidden" />}
          <Descriptions column={3} size="small" bordered data-testid="document-header">
            <Descriptions.Item label={t('count.warehouse')}>{`${c.warehouse.code} ${c.warehouse.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('count.scope')}>{scopeText(t, c, localName)}</Descriptions.Item>
            <Descriptions.Item label={t('count.tolerance')}>{t('count.toleranceText', { percent: formatQty(c.tolerancePercent), value: formatMoney(c.toleranceValue) })}</Descriptions.Item>
            <Descriptions.Item label={t('count.created')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('count.started')}>{c.startedAt ? formatDateTime(c.startedAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('count.submitted')}>{c.submittedAt ? formatDateTime(c.submittedAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('count.postingDate')}>{c.postingDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('count.voucher')}>
              {c.voucherNo ? (
                <DocumentLink kind="MANUAL_ENTRY" number={c.voucherNo} testId="count-voucher">
                  {c.voucherNo}
                </DocumentLink>
              ) : c.status === 'POSTED' ? (
                t('count.noVoucher')
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('count.description')}>{c.description || '—'}</Descriptions.Item>
          </Descriptions>
          <Space size="large" wrap data-testid="count-summary" data-net={totals.net} data-flagged={totals.flagged} data-counted={totals.counted}>
            <Statistic title={t('count.lines')} value={t('count.summary', { counted: totals.counted, lines: totals.lines, flagged: totals.flagged })} valueStyle={{ fontSize: 16 }} />
            {!c.bookHidden && (
              <>
                <Statistic title={t('count.netValue')} value={formatMoney(totals.net)} valueStyle={{ fontSize: 16, color: TONE_COLOR[varianceTone(totals.net)] }} />
                <Statistic title={t('count.gains')} value={formatMoney(totals.gains)} valueStyle={{ fontSize: 16 }} />
                <Statistic title={t('count.losses')} value={formatMoney(totals.losses)} valueStyle={{ fontSize: 16 }} />
              </>
            )}
          </Space>
          <Section title={t('count.lines')} testId="count-lines">
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={c.lines}
              scroll={{ x: 'max-content' }}
              rowSelection={c.status === 'REVIEW' && canRecount ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
              onRow={(l) => ({ 'data-testid': `count-line-${l.lineNo}`, 'data-sku': l.product.sku }) as React.HTMLAttributes<HTMLElement>}
              expandable={{
                rowExpandable: (l) => l.countEntries.length > 0,
                expandedRowRender: (l) => <EntriesTable entries={l.countEntries} />,
              }}
              columns={[
                { key: 'lineNo', title: '#', dataIndex: 'lineNo' },
                { key: 'product', title: t('count.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
                { key: 'location', title: t('count.location'), render: (_, l) => l.location?.code ?? '—' },
                { key: 'round', title: t('count.round'), align: 'right', dataIndex: 'round' },
                { key: 'book', title: t('count.book'), align: 'right', render: (_, l) => <span data-testid={`count-book-${l.lineNo}`}>{l.book == null ? '—' : formatQty(l.book)}</span> },
                { key: 'moved', title: t('count.movedSince'), align: 'right', render: (_, l) => (l.movedSince == null ? '—' : formatQty(l.movedSince)) },
                { key: 'expected', title: t('count.expected'), align: 'right', render: (_, l) => (l.expected == null ? '—' : formatQty(l.expected)) },
                { key: 'counted', title: t('count.counted'), align: 'right', render: (_, l) => <span data-testid={`count-counted-${l.lineNo}`}>{l.counted == null ? '—' : formatQty(l.counted)}</span> },
                { key: 'entries', title: t('count.entries'), align: 'right', dataIndex: 'entries' },
                {
                  key: 'variance',
                  title: t('count.variance'),
                  align: 'right',
                  render: (_, l) => (
                    <span style={{ color: TONE_COLOR[varianceTone(l.variance)] }} data-testid={`count-variance-${l.lineNo}`}>
                      {formatVariance(l.variance)}
                    </span>
                  ),
                },
                {
                  key: 'value',
                  title: t('count.varianceValue'),
                  align: 'right',
                  render: (_, l) => <span data-testid={`count-value-${l.lineNo}`}>{l.varianceValue == null ? '—' : <Amount value={l.varianceValue} />}</span>,
                },
                {
                  key: 'flags',
                  title: '',
                  render: (_, l) => (
                    <Space size={4}>
                      {l.overTolerance && (
                        <Tag color="red" data-testid={`count-over-${l.lineNo}`}>
                          {t('count.overTolerance')}
                        </Tag>
                      )}
                      {l.recount && <Tag color="orange">{t('count.recountTag')}</Tag>}
                    </Space>
                  ),
                },
                {
                  key: 'damaged',
                  title: t('count.damaged'),
                  align: 'right',
                  render: (_, l) =>
                    dec(l.damaged).gt(0) ? (
                      <Space size={4}>
                        {formatQty(l.damaged)}
                        {canWrite && (
                          <Link to={scrapLink(c.warehouse.code, l.product.sku, dec(l.damaged).toString(), c.number)} data-testid={`count-scrap-${l.lineNo}`}>
                            {t('count.scrapDamaged')}
                          </Link>
                        )}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          </Section>
          {c.status === 'POSTED' && moves && (
            <Section title={t('count.moves')} testId="count-moves">
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={moves.stockMoves.nodes}
                columns={[
                  { key: 'date', title: t('count.date'), dataIndex: 'postingDate' },
                  { key: 'product', title: t('count.product'), render: (_, m) => `${m.product.sku} ${localName(m.product)}` },
                  { key: 'warehouse', title: t('count.warehouse'), render: (_, m) => m.warehouse.code },
                  { key: 'qty', title: t('count.moveQty'), align: 'right', render: (_, m) => <span data-testid={`count-move-qty-${m.product.sku}`}>{formatQty(m.quantity)}</span> },
                  { key: 'value', title: t('count.moveValue'), align: 'right', render: (_, m) => <Amount value={m.value} /> },
                  { key: 'voucher', title: t('count.voucher'), render: (_, m) => (m.voucherNo ? <DocumentLink kind="MANUAL_ENTRY" number={m.voucherNo}>{m.voucherNo}</DocumentLink> : '—') },
                ]}
              />
            </Section>
          )}
        </>
      )}
    </DocumentFrame>
  );
}

/** Who counted how many on a line (several counters' entries add up). */
function EntriesTable({ entries }: { entries: readonly Entry[] }) {
  const t = useT();
  return (
    <Table<Entry>
      size="small"
      pagination={false}
      rowKey={(e, i) => `${e.countedAt}-${i}`}
      dataSource={entries as Entry[]}
      data-testid="count-entries"
      columns={[
        { key: 'counter', title: t('count.counter'), dataIndex: 'counter' },
        { key: 'qty', title: t('count.counted'), align: 'right', render: (_, e) => formatQty(e.quantity) },
        { key: 'at', title: t('count.countedAt'), render: (_, e) => formatDateTime(e.countedAt, 'zh', { seconds: true }) },
      ]}
    />
  );
}
