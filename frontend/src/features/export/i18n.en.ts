import type { exportZh } from './i18n.zh';

// English for bulk exports; the same keys as i18n.zh.ts.
export const exportEn: Record<keyof typeof exportZh, string> = {
  'menu.myExports': 'My exports',
  'bulkExport.button': 'Export',
  'bulkExport.title': 'Export to a file',
  'bulkExport.hint':
    'Every record of the current filter is exported in the background; download the file here or from My exports once done. Files are kept for 7 days.',
  'bulkExport.format': 'Format',
  'bulkExport.start': 'Start export',
  'bulkExport.download': 'Download',
  'bulkExport.cancel': 'Cancel export',
  'bulkExport.close': 'Close',
  'bulkExport.progress': '{rows} of {total} rows written',
  'bulkExport.progressUnknown': '{rows} rows written',
  'bulkExport.failed': 'The export failed: {error}',
  'bulkExport.myExports': 'My exports',
  'bulkExport.file': 'File',
  'bulkExport.rows': 'Rows',
  'bulkExport.size': 'Size',
  'bulkExport.createdAt': 'Asked for',
  'bulkExport.expiresAt': 'Expires',
  'bulkExport.empty': 'No exports yet',
  'exportStatus.QUEUED': 'Queued',
  'exportStatus.RUNNING': 'Running',
  'exportStatus.COMPLETED': 'Completed',
  'exportStatus.FAILED': 'Failed',
  'exportStatus.CANCELLED': 'Cancelled',
  'exportFormat.JSONL': 'JSON Lines (.jsonl)',
  'exportFormat.CSV': 'CSV (opens in Excel)',
  'exportFormat.XLSX': 'Excel (.xlsx)',
};
