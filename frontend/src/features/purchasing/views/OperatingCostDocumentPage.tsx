import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Tag } from 'antd';
import { OperatingCostDocumentQuery as Query } from '../documentQueries';
import { DocumentFrame, JournalSection, RelatedDocuments } from '../components/DocumentFrame';
import { Amount } from '../../../components/Amount';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useT } from '../../../i18n';

/** /finance/operating-costs/:number — one operating cost with its journal entry. */
export default function OperatingCostDocumentPage() {
  const t = useT();
  const { number = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: Query, variables: { number } });
  const c = data?.operatingCost;
  return (
    <DocumentFrame
      title={t('pdoc.kind.OPERATING_COST')}
      number={number}
      status={c && <Tag data-testid="opcost-status">{enumLabel(t, 'OperatingCostStatus', c.status)}</Tag>}
      back="/finance/operating-costs"
      fetching={fetching}
      error={error}
      found={!!c}
      recordType="operatingCost"
      recordId={c?.id}
    >
      {c && (
        <>
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('opcost.category')}>{enumLabel(t, 'OperatingCostCategory', c.category)}</Descriptions.Item>
            <Descriptions.Item label={t('common.postingDate')}>{c.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('po.costCentre')}>{c.costCentre}</Descriptions.Item>
            <Descriptions.Item label={t('ledger.account')}>{c.accountCode}</Descriptions.Item>
            <Descriptions.Item label={t('po.total')}>
              <Amount value={c.amount} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('landed.payFrom')}>{enumLabel(t, 'PayFrom', c.payFrom)}</Descriptions.Item>
            <Descriptions.Item label={t('po.supplier')}>{c.supplier ? `${c.supplier.code} ${c.supplier.name}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.description')}>{c.description || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
            {c.cancelledOn && <Descriptions.Item label={t('opcost.cancelReason')} span={3}>{`${c.cancelledOn} ${c.cancellationReason ?? ''}`}</Descriptions.Item>}
          </Descriptions>
          <RelatedDocuments items={[{ label: t('menu.supplierInvoices'), kind: 'SUPPLIER_INVOICE', docs: c.supplierInvoice ? [{ number: c.supplierInvoice.number }] : [] }]} />
          <JournalSection entry={c.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
