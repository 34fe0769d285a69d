import { type HTMLAttributes, type ReactNode } from 'react';
import { Alert, Table, Tabs, Tag, Typography, type TabsProps } from 'antd';
import type { AuditTrailQuery as Result } from '../../../gql/graphql';
import { AuditTrailQuery } from '../queries';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { enumLabel, useT, type TFunction } from '../../../i18n';
import { formatDateTime } from '../../../lib/date';

type Entry = Result['auditTrail']['nodes'][number];
type Change = Entry['changes'][number];

/** One changed field as "field: before → after"; an empty side reads "(empty)". */
function ChangeLine({ c, t }: { c: Change; t: TFunction }) {
  const side = (v: string | null | undefined) => (v == null || v === '' ? <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text> : <Typography.Text code>{v}</Typography.Text>);
  return (
    <div data-testid="audit-change" data-field={c.field}>
      <strong>{c.field}</strong>: {side(c.before)} → {side(c.after)}
    </div>
  );
}

/**
 * The audit trail of one record, newest first: when, who (and through what),
 * the operation, the action and the changed fields before and after. The
 * server shows admins and managers every change, others their own.
 */
export function AuditTrail({ recordType, recordId }: { recordType: string; recordId: string }) {
  const t = useT();
  const list = usePagedQuery({
    query: AuditTrailQuery,
    variables: { filter: { recordType, recordId } },
    connection: (d) => d.auditTrail,
    // The trail grows with every write; always ask the server when the tab opens.
    requestPolicy: 'network-only',
  });
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  return (
    <Table<Entry>
      rowKey="id"
      size="small"
      loading={list.fetching}
      dataSource={list.rows}
      data-testid="audit-trail"
      onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('audit.none') }}
      pagination={list.pagination()}
      columns={[
        { title: t('audit.at'), width: 170, render: (_, e) => formatDateTime(e.at, undefined, { seconds: true }) },
        {
          title: t('audit.user'),
          width: 170,
          render: (_, e) => (
            <>
              {e.user ? `${e.user.displayName} (${e.user.username})` : t('audit.system')} {e.via && <Tag>{enumLabel(t, 'auditVia', e.via)}</Tag>}
            </>
          ),
        },
        { title: t('audit.operation'), width: 190, render: (_, e) => <Typography.Text code>{e.operation}</Typography.Text> },
        { title: t('audit.action'), width: 100, render: (_, e) => <span data-testid="audit-action" data-action={e.action}>{enumLabel(t, 'auditAction', e.action)}</span> },
        { title: t('audit.changes'), render: (_, e) => e.changes.map((c) => <ChangeLine key={c.field} c={c} t={t} />) },
      ]}
    />
  );
}

/** The "审计 / Audit" entry for a drawer's Tabs; its list loads when the tab is opened. */
export function auditTabItem(t: TFunction, recordType: string, recordId: string) {
  return { key: 'audit', label: <span data-testid="audit-tab">{t('audit.tab')}</span>, destroyOnHidden: true, children: <AuditTrail recordType={recordType} recordId={recordId} /> };
}

/**
 * A record drawer's body with an audit tab beside it: the details first (and
 * shown when the drawer opens), then any other tabs, the audit trail last.
 */
export function WithAuditTab({ recordType, recordId, tabs = [], children }: { recordType: string; recordId: string | null | undefined; tabs?: TabsProps['items']; children: ReactNode }) {
  const t = useT();
  // Always Tabs, so the details keep their state when a new record gets its id; without an id there is nothing to audit yet.
  const items = [{ key: 'details', label: t('audit.details'), children }, ...(tabs ?? []), ...(recordId ? [auditTabItem(t, recordType, recordId)] : [])];
  return <Tabs defaultActiveKey="details" items={items} renderTabBar={recordId ? undefined : () => <></>} />;
}
