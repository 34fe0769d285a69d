import { Card, Typography } from 'antd';
import type { ExportJobFieldsFragment } from '../../../gql/graphql';
import { ExportJobsQuery } from '../queries';
import { ExportJobStatus } from '../components/ExportJobStatus';
import { PagedTable } from '../../../components/PagedTable';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { enumLabel, useT } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** 我的导出: the caller's bulk exports, newest first, with their files. */
export default function MyExportsPage() {
  const t = useT();
  const list = usePagedQuery({
    query: ExportJobsQuery,
    variables: { orderBy: { field: 'CREATED_AT', direction: 'DESC' } },
    connection: (d) => d.exportJobs,
  });
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('bulkExport.myExports')}
        </Typography.Title>
      }
    >
      <PagedTable<ExportJobFieldsFragment>
        list={list}
        data-testid="exports-table"
        onRow={(j) => ({ 'data-testid': `exports-row-${j.id}` }) as object}
        locale={{ emptyText: t('bulkExport.empty') }}
        columns={[
          { title: t('bulkExport.file'), dataIndex: 'fileName' },
          {
            title: t('bulkExport.format'),
            render: (_, j) => enumLabel(t, 'exportFormat', j.format),
          },
          {
            title: t('bulkExport.size'),
            align: 'right',
            render: (_, j) => size(j.byteSize),
          },
          {
            title: t('bulkExport.createdAt'),
            render: (_, j) => formatDateTime(j.createdAt),
          },
          {
            title: t('bulkExport.expiresAt'),
            render: (_, j) => (j.expiresAt ? formatDateTime(j.expiresAt) : '—'),
          },
          {
            title: t('common.status'),
            render: (_, j) => <ExportJobStatus job={j} compact />,
          },
        ]}
      />
    </Card>
  );
}
