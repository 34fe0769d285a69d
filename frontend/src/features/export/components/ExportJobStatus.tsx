import { Button, Progress, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ExportJobFieldsFragment } from '../../../gql/graphql';
import { enumLabel, useT } from '../../../i18n';

const STATUS_COLOR: Record<string, string> = {
  QUEUED: 'default',
  RUNNING: 'processing',
  COMPLETED: 'success',
  FAILED: 'error',
  CANCELLED: 'warning',
};

/** A job's status tag, its progress while it runs, and the download once written. */
export function ExportJobStatus({ job, compact = false }: { job: ExportJobFieldsFragment; compact?: boolean }) {
  const t = useT();
  const running = job.status === 'QUEUED' || job.status === 'RUNNING';
  const percent = job.totalCount ? Math.min(100, Math.floor((job.rowsWritten * 100) / Math.max(job.totalCount, 1))) : undefined;
  return (
    <Space direction={compact ? 'horizontal' : 'vertical'} style={{ width: '100%' }} data-testid={`export-job-${job.id}`} data-status={job.status}>
      <Space>
        <Tag color={STATUS_COLOR[job.status]} data-testid="export-status">
          {enumLabel(t, 'exportStatus', job.status)}
        </Tag>
        <Typography.Text type="secondary" data-testid="export-progress">
          {job.totalCount != null
            ? t('bulkExport.progress', {
                rows: job.rowsWritten,
                total: job.totalCount,
              })
            : t('bulkExport.progressUnknown', { rows: job.rowsWritten })}
        </Typography.Text>
      </Space>
      {running && !compact && <Progress percent={percent ?? 0} status="active" />}
      {job.status === 'FAILED' && job.errorMessage && (
        <Typography.Text type="danger" data-testid="export-error">
          {t('bulkExport.failed', { error: job.errorMessage })}
        </Typography.Text>
      )}
      {job.downloadUrl && (
        <Button type="primary" icon={<DownloadOutlined />} href={job.downloadUrl} download={job.fileName} data-testid="export-download">
          {t('bulkExport.download')}
        </Button>
      )}
    </Space>
  );
}
