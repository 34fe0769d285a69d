import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { JournalEntryFieldsFragment } from '../../../gql/graphql';
import { JournalLinesTable } from '../../ledger/components/JournalEntryDetail';
import { DocumentLink } from '../../../components/DocumentLink';
import type { DocumentKind } from '../../../lib/documents';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { useT } from '../../../i18n';

/**
 * The frame of a document's detail page: a back button, the title (kind,
 * number, status) with the actions its status allows, then the details
 * with the audit trail in a tab beside them; a message when the number
 * names no document.
 */
export function DocumentFrame({
  title,
  number,
  status,
  actions,
  back,
  fetching,
  error,
  found,
  recordType,
  recordId,
  children,
}: {
  title: string;
  number: string;
  status?: ReactNode;
  actions?: ReactNode;
  back: string;
  fetching: boolean;
  error?: { message: string };
  found: boolean;
  recordType: string;
  recordId?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Card data-testid="document-page">
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(back))} data-testid="document-back">
            {t('pdoc.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="document-title">
            {title} {number}
          </Typography.Title>
          {status}
        </Space>
        <Space>
          {actions}
          <Link to={back}>{t('pdoc.list')}</Link>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={error.message} />}
      {fetching && !found && <Spin />}
      {!fetching && !error && !found && <Empty description={t('pdoc.notFound', { number })} data-testid="document-not-found" />}
      {found && (
        <WithAuditTab recordType={recordType} recordId={recordId}>
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {children}
          </Space>
        </WithAuditTab>
      )}
    </Card>
  );
}

/** A section of a document page with its heading. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </div>
  );
}

/** The journal entry a document posted: its voucher number (a link) and lines. */
export function JournalSection({ entry }: { entry: JournalEntryFieldsFragment | null | undefined }) {
  const t = useT();
  if (!entry) return null;
  return (
    <Section title={t('pdoc.journal')} testId="document-journal">
      <div style={{ marginBottom: 8 }}>
        {t('pdoc.voucher')}: <DocumentLink kind="MANUAL_ENTRY" number={entry.voucherNo} testId="document-voucher-link" />
      </div>
      <JournalLinesTable entry={entry} />
    </Section>
  );
}

/** Related documents, each a link by its number. */
export function RelatedDocuments({ items }: { items: { label: string; kind: DocumentKind; docs: { number: string; extra?: ReactNode }[] }[] }) {
  const t = useT();
  const shown = items.filter((i) => i.docs.length > 0);
  return (
    <Section title={t('pdoc.related')} testId="document-related">
      {shown.length === 0 && <Typography.Text type="secondary">{t('pdoc.noRelated')}</Typography.Text>}
      {shown.map((i) => (
        <div key={i.label} style={{ marginBottom: 4 }} data-testid={`related-${i.kind}`}>
          <Typography.Text type="secondary">{i.label}: </Typography.Text>
          <Space size="middle" wrap>
            {i.docs.map((d) => (
              <span key={d.number}>
                <DocumentLink kind={i.kind} number={d.number} testId={`related-link-${d.number}`} /> {d.extra}
              </span>
            ))}
          </Space>
        </div>
      ))}
    </Section>
  );
}
