import { useState } from 'react';
import { Button, Drawer } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { AuditTrail } from './AuditTrail';
import { useT, type TFunction } from '../../../i18n';

/** A row's "审计 / Audit" link for lists whose records have no drawer: opens the record's audit trail. */
export function AuditButton({ recordType, recordId, title }: { recordType: string; recordId: string; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setOpen(true)} data-testid={`audit-open-${recordId}`}>
        {t('audit.tab')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size={900} title={`${t('audit.tab')} · ${title}`} destroyOnHidden data-testid="audit-drawer">
        <AuditTrail recordType={recordType} recordId={recordId} />
      </Drawer>
    </>
  );
}

/** The audit column for a list of documents with an id and a number. */
export function auditColumn<T extends { id: string; number: string }>(t: TFunction, recordType: string) {
  return { title: t('audit.tab'), key: 'audit', width: 90, render: (_: unknown, r: T) => <AuditButton recordType={recordType} recordId={r.id} title={r.number} /> };
}
