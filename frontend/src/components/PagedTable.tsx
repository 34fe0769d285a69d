import { Alert, Table, type TableProps } from 'antd';
import type { PagedList } from '../lib/pagedQuery';

/** A list screen's table over usePagedQuery, with the query's error above it; rows and loading come from the list unless given. */
export function PagedTable<T extends object>({
  list,
  showSizeChanger,
  sizes,
  ...props
}: { list: PagedList<T>; showSizeChanger?: boolean; sizes?: boolean } & TableProps<T>) {
  return (
    <>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<T> rowKey="id" size="middle" loading={list.fetching} dataSource={list.rows} pagination={list.pagination(showSizeChanger, sizes)} {...props} />
    </>
  );
}
