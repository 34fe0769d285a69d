import { Link } from 'react-router';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnType } from 'antd/es/table';
import type { ScrapOrder, ScrapStatus, ScrapsQuery as Result } from '../../../gql/graphql';
import { ScrapsQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Scrap = Result['scraps']['nodes'][number];
const STATUSES: ScrapStatus[] = ['DRAFT', 'PENDING_APPROVAL', 'POSTED', 'REJECTED'];
const COLORS: Record<ScrapStatus, string> = { DRAFT: 'default', PENDING_APPROVAL: 'orange', POSTED: 'green', REJECTED: 'red' };

export function ScrapStatusTag({ status }: { status: ScrapStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]} data-testid="scrap-status">{enumLabel(t, 'ScrapStatus', status)}</Tag>;
}

/** /stock/scraps — scraps (报废单) by number: search, dates, statuses and sorting in the URL. */
export default function ScrapsPage() {
  const t = useT();
  const localName = useLocalName();
  const state = useListState();
  const filter = { search: state.search || undefined, dateFrom: state.dateFrom, dateTo: state.dateTo, statuses: state.statuses.length ? (state.statuses as ScrapStatus[]) : undefined };
  const list = usePagedQuery({ query: ScrapsQuery, variables: { filter, orderBy: state.orderBy as ScrapOrder | undefined }, connection: (d) => d.scraps });
  const all: ColumnType<Scrap>[] = [
    { key: 'NUMBER', title: t('scrap.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, s) => <Link to={`/stock/scraps/${encodeURIComponent(s.number)}`} data-testid={`scrap-link-${s.number}`}>{s.number}</Link> },
    { key: 'DATE', title: t('scrap.date'), sorter: true, sortOrder: state.sortOrderOf('DATE'), dataIndex: 'date' },
    { key: 'status', title: t('scrap.status'), render: (_, s) => <ScrapStatusTag status={s.status} /> },
    { key: 'products', title: t('scrap.product'), render: (_, s) => s.lines.map((l) => `${l.product.sku} ${localName(l.product)}`).join('、') },
    { key: 'note', title: t('scrap.note'), dataIndex: 'note' },
    { key: 'VALUE', title: t('scrap.value'), sorter: true, sortOrder: state.sortOrderOf('VALUE'), align: 'right', render: (_, s) => <Amount value={s.value} /> },
    { key: 'voucher', title: t('scrap.voucher'), render: (_, s) => s.voucherNo ?? '—' },
  ];
  const { columns, chooser } = useColumnChooser('scraps', all);
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} testId="scraps" statusOptions={STATUSES.map((k) => ({ value: k, label: enumLabel(t, 'ScrapStatus', k) }))} />
        <Space>
          {chooser}
          <Link to="/stock/scraps/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="scrap-new">{t('scrap.new')}</Button>
          </Link>
        </Space>
      </Toolbar>
      <PagedTable<Scrap> list={list} data-testid="scraps-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
    </Card>
  );
}
