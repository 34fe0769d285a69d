import { Typography } from 'antd';
import { WorkbenchSections } from './WorkbenchSections';
import { APPROVAL_SECTIONS } from '../workbench';
import { useT } from '../../../i18n';

/** The manager's to-do list on top of the dashboard: what waits on their approval. */
export function ApprovalsSection() {
  const t = useT();
  return (
    <div data-testid="dashboard-approvals">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('wb.approvals')}
      </Typography.Title>
      <WorkbenchSections only={APPROVAL_SECTIONS} limit={6} />
    </div>
  );
}
