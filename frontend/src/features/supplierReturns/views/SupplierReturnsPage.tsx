import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { SupplierReturnsQuery as Result, SupplierReturnOrderField, SupplierReturnStatus } from '../../../gql/graphql';
import { SupplierReturnsQuery } from '../queries';
import { useReturnMoney } from '../money';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ListFilters } from '../../../components/ListFilters';
import { useListState } from '../../../lib/listState';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useCan } from '../../../app/session';
import { enumLabel, useT } from '../../../i18n';
import { auditColumn } from '../../audit/components/AuditButton';

type Row = Result['supplierReturns']['nodes'][number];

const STATUSES: SupplierReturnStatus[] = ['DRAFT', 'POSTED', 'CANCELLED'];

/** Returns to suppliers: search, dates and statuses in the URL, each row opening its return by number. */
export default function SupplierReturnsPage() {
  const t = useT();
  const canCreate = useCan(['PURCHASING', 'WAREHOUSE']);
  const state = useListState<SupplierReturnOrderField>();
  const filter = {
    search: state.search || undefined,
    dateFrom: state.dateFrom,
    dateTo: state.dateTo,
    status: state.statuses.length ? (state.statuses as SupplierReturnStatus[]) : undefined,
  };
  const flags = useReturnMoney();
  const list = usePagedQuery({ query: SupplierReturnsQuery, variables: { filter, orderBy: state.orderBy, ...flags }, connection: (d) => d.supplierReturns });
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} searchPlaceholder={t('sret.search')} statusOptions={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'SupplierReturnStatus', s) }))} testId="sret" />
        <Space>
          {canCreate && (
            <Link to="/purchasing/supplier-returns/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="sret-new">
                {t('sret.new')}
              </Button>
            </Link>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Row>
        list={list}
        data-testid="sret-table"
        onChange={(_p, _f, sorter) => state.onSort(sorter)}
        columns={[
          { key: 'NUMBER', title: t('sret.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, r) => <DocumentLink kind="SUPPLIER_RETURN" number={r.number} testId={`sret-link-${r.number}`} /> },
          { title: t('sret.status'), render: (_, r) => <Tag color={r.status === 'POSTED' ? 'green' : r.status === 'DRAFT' ? 'blue' : 'default'}>{enumLabel(t, 'SupplierReturnStatus', r.status)}</Tag> },
          { title: t('sret.supplier'), render: (_, r) => `${r.supplierCode} ${r.supplierName}` },
          { title: t('sret.receipt'), render: (_, r) => <DocumentLink kind="PURCHASE_RECEIPT" number={r.receiptNumber} /> },
          { key: 'DATE', title: t('sret.date'), sorter: true, sortOrder: state.sortOrderOf('DATE'), render: (_, r) => r.postingDate ?? '' },
          ...(flags.costs ? [{ key: 'STOCK_VALUE', title: t('sret.stockValue'), align: 'right' as const, sorter: true, sortOrder: state.sortOrderOf('STOCK_VALUE'), render: (_: unknown, r: Row) => <Amount value={r.stockValue} /> }] : []),
          ...(flags.money ? [{ key: 'TOTAL', title: t('sret.total'), align: 'right' as const, sorter: true, sortOrder: state.sortOrderOf('TOTAL'), render: (_: unknown, r: Row) => <Amount value={r.totalAmount} /> }] : []),
          ...(flags.costs ? [{ title: t('sret.variance'), align: 'right' as const, render: (_: unknown, r: Row) => <Amount value={r.variance} /> }] : []),
          { title: t('sret.reason'), dataIndex: 'reason' },
          auditColumn<Row>(t, 'supplierReturn'),
        ]}
      />
    </Card>
  );
}
