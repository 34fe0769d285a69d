import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Card, Descriptions, Empty, Space, Spin, Table, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { SourceType } from '../../../gql/graphql';
import { DocumentJournalQuery } from '../documentQueries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { FINANCE_READ } from '../../../app/access';
import { auditTabItem } from '../../audit/components/AuditTrail';
import { useLocalName, useT } from '../../../i18n';
import type { DocumentKind } from '../../../lib/documents';

/** One related document: its kind and number (a link to its page), with a date and a note. */
export interface Related {
  kind: DocumentKind;
  number: string;
  date?: string | null;
  note?: ReactNode;
}

/**
 * The frame of a sales document's page (/sales/invoices/SI-000047): its
 * title and status, then tabs: the details with the related documents,
 * its journal entry (for the roles that read the journal) and its audit
 * trail (the status history). A number no document has says so.
 */
export function DocumentPage({
  title,
  status,
  fetching,
  error,
  found,
  recordType,
  recordId,
  journal,
  actions,
  related,
  testId,
  children,
}: {
  title: string;
  status?: ReactNode;
  fetching: boolean;
  error?: { message: string };
  found: boolean;
  recordType: string;
  recordId?: string;
  journal?: { sourceType: SourceType; sourceId: string }[];
  actions?: ReactNode;
  related?: Related[];
  testId: string;
  children?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  const canJournal = useCan(FINANCE_READ);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="doc-back">
      {t('sdoc.back')}
    </Button>
  );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!found) {
    if (fetching) return <Spin />;
    return (
      <Card>
        {back}
        <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('sdoc.notFound', { number: title })} data-testid="doc-not-found" />
      </Card>
    );
  }
  const items = [
    {
      key: 'details',
      label: t('audit.details'),
      children: (
        <>
          {children}
          <RelatedDocuments related={related ?? []} />
        </>
      ),
    },
    ...(journal && canJournal
      ? [
          {
            key: 'journal',
            label: <span data-testid="doc-journal-tab">{t('sdoc.journal')}</span>,
            children: <DocumentJournal sources={journal} />,
          },
        ]
      : []),
    ...(recordId ? [auditTabItem(t, recordType, recordId)] : []),
  ];
  return (
    <Card data-testid={testId}>
      <Space wrap style={{ marginBottom: 12 }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="doc-title">
          {title}
        </Typography.Title>
        {status}
      </Space>
      {actions && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <Tabs defaultActiveKey="details" items={items} />
    </Card>
  );
}

/** The documents related to this one, each a link to its page. */
function RelatedDocuments({ related }: { related: Related[] }) {
  const t = useT();
  return (
    <Card size="small" title={t('sdoc.related')} style={{ marginTop: 16 }} data-testid="doc-related">
      {related.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sdoc.noRelated')} />
      ) : (
        <Descriptions size="small" column={1}>
          {related.map((r) => (
            <Descriptions.Item key={`${r.kind}:${r.number}`} label={t(`sdoc.kind.${r.kind}` as 'sdoc.kind.SALES_ORDER')}>
              <Space>
                <DocumentLink kind={r.kind} number={r.number} testId={`related-${r.number}`} />
                {r.date && <Typography.Text type="secondary">{r.date}</Typography.Text>}
                {r.note}
              </Space>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

/** The journal entries the document posted: each voucher, a link to its page, with its lines. */
function DocumentJournal({ sources }: { sources: { sourceType: SourceType; sourceId: string }[] }) {
  return (
    <>
      {sources.map((s) => (
        <SourceJournal key={s.sourceType} {...s} />
      ))}
    </>
  );
}

function SourceJournal({ sourceType, sourceId }: { sourceType: SourceType; sourceId: string }) {
  const t = useT();
  const localName = useLocalName();
  const [{ data, fetching, error }] = useQuery({
    query: DocumentJournalQuery,
    variables: { filter: { sourceType, sourceId } },
    requestPolicy: 'cache-and-network',
  });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (fetching && !data) return <Spin />;
  const entries = data?.journalEntries.nodes ?? [];
  if (entries.length === 0) return sourceType.endsWith('APPLICATION') ? null : <Empty description={t('sdoc.noJournal')} data-testid="doc-journal-empty" />;
  return (
    <>
      {entries.map((e) => (
        <Card
          key={e.id}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="doc-journal-entry"
          title={
            <Space>
              <DocumentLink kind="MANUAL_ENTRY" number={e.voucherNo} testId="doc-voucher-link" />
              <span>{e.postingDate}</span>
              <Typography.Text type="secondary">{e.description}</Typography.Text>
              {e.reversedByVoucherNo && (
                <Typography.Text type="warning">
                  {t('sdoc.reversedBy')} <DocumentLink kind="REVERSAL" number={e.reversedByVoucherNo} />
                </Typography.Text>
              )}
            </Space>
          }
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={e.lines}
            columns={[
              {
                title: t('sdoc.account'),
                render: (_, l) => `${l.account.code} ${localName({ name: l.account.name, nameEn: l.account.nameEn })}`,
              },
              {
                title: t('sdoc.debit'),
                align: 'right',
                render: (_, l) => <Amount value={l.debit} />,
              },
              {
                title: t('sdoc.credit'),
                align: 'right',
                render: (_, l) => <Amount value={l.credit} />,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
