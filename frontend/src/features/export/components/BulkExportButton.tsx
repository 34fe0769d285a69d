import { useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import type { ExportFormat, ExportJobFieldsFragment } from '../../../gql/graphql';
import { BulkExportMutation, CancelExportMutation } from '../mutations';
import { ExportJobChangedSubscription } from '../queries';
import { ExportJobStatus } from './ExportJobStatus';
import { enumLabel, useT } from '../../../i18n';

const FORMATS: ExportFormat[] = ['CSV', 'XLSX', 'JSONL'];

/**
 * Starts a bulk export of a list's current filter: the server pages
 * through the whole list in the background; progress is pushed live and
 * the file is offered when written (it also stays in My exports).
 */
export function BulkExportButton({ query, variables, testId = 'bulk-export' }: { query: string; variables: Record<string, unknown>; testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('CSV');
  const [job, setJob] = useState<ExportJobFieldsFragment | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching }, start] = useMutation(BulkExportMutation);
  const [, cancel] = useMutation(CancelExportMutation);
  // The job's live state: the subscription pushes each change.
  const [{ data: live }] = useSubscription({
    query: ExportJobChangedSubscription,
    variables: { id: job?.id ?? '' },
    pause: !job,
  });
  const current = live?.exportJobChanged && live.exportJobChanged.id === job?.id ? live.exportJobChanged : job;

  async function run() {
    setErrors([]);
    const r = await start({ input: { query, variables, format } });
    if (r.error) {
      message.error(r.error.message);
      return;
    }
    const p = r.data?.bulkExport;
    if (p?.userErrors.length) setErrors(p.userErrors.map((e) => e.message));
    else if (p?.job) setJob(p.job);
  }

  const close = () => {
    setOpen(false);
    setJob(null);
    setErrors([]);
  };

  return (
    <>
      <Button icon={<CloudDownloadOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t('bulkExport.button')}
      </Button>
      <Modal
        open={open}
        title={t('bulkExport.title')}
        onCancel={close}
        destroyOnHidden
        footer={
          <Space>
            {current && (current.status === 'QUEUED' || current.status === 'RUNNING') && (
              <Button onClick={() => void cancel({ id: current.id })} data-testid="bulk-export-cancel">
                {t('bulkExport.cancel')}
              </Button>
            )}
            {!job && (
              <Button type="primary" loading={fetching} onClick={() => void run()} data-testid="bulk-export-start">
                {t('bulkExport.start')}
              </Button>
            )}
            <Button onClick={close}>{t('bulkExport.close')}</Button>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('bulkExport.hint')}</Typography.Paragraph>
          <Space>
            <span style={{ whiteSpace: 'nowrap' }}>{t('bulkExport.format')}</span>
            <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} disabled={!!job} data-testid="bulk-export-format">
              {FORMATS.map((f) => (
                <Radio key={f} value={f} data-testid={`bulk-export-format-${f}`}>
                  {enumLabel(t, 'exportFormat', f)}
                </Radio>
              ))}
            </Radio.Group>
          </Space>
          {errors.length > 0 && <Alert type="error" message={errors.join('; ')} />}
          {current && <ExportJobStatus job={current} />}
        </Space>
      </Modal>
    </>
  );
}
