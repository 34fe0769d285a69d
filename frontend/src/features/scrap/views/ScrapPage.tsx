import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Table } from 'antd';
import type { ScrapQuery as Result } from '../../../gql/graphql';
import { ApproveScrapMutation, RejectScrapMutation, ScrapQuery, SubmitScrapMutation } from '../queries';
import { DocumentFrame, Section } from '../../purchasing/components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { useCan } from '../../../app/session';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { ScrapStatusTag } from './ScrapsPage';

type Line = NonNullable<Result['scrap']>['lines'][number];

/** /stock/scraps/:number — one scrap: its lines, value, approval state, voucher and audit trail; submit, approve or reject. */
export default function ScrapPage() {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const { number = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: ScrapQuery, variables: { number }, requestPolicy: 'cache-and-network' });
  const [, submit] = useMutation(SubmitScrapMutation);
  const [, approve] = useMutation(ApproveScrapMutation);
  const [, reject] = useMutation(RejectScrapMutation);
  const canDecide = useCan(['MANAGER', 'FINANCE']);
  const canWrite = useCan(['WAREHOUSE', 'MANAGER']);
  const [errors, setErrors] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const s = data?.scrap;
  const threshold = formatMoney(data?.scrapSettings.approvalThreshold ?? '0');
  async function run(p: Promise<{ error?: { message: string }; data?: unknown }>, key: 'scrap.posted' | 'scrap.rejected') {
    setErrors([]);
    const res = await p;
    if (res.error) return setErrors([res.error.message]);
    const payload = Object.values((res.data ?? {}) as Record<string, { scrap?: { number: string; status: string } | null; userErrors: { message: string }[] }>)[0];
    if (payload?.userErrors?.length) return setErrors(payload.userErrors.map((e) => e.message));
    if (payload?.scrap) message.success(t(payload.scrap.status === 'PENDING_APPROVAL' ? 'scrap.pending' : key, { number: payload.scrap.number, threshold }));
    refetch({ requestPolicy: 'network-only' });
  }
  const actions = s && (
    <Space>
      {s.status === 'DRAFT' && canWrite && <Button type="primary" data-testid="scrap-submit" onClick={() => run(submit({ number: s.number }), 'scrap.posted')}>{t('scrap.submit')}</Button>}
      {s.status === 'PENDING_APPROVAL' && canDecide && (
        <>
          <Button type="primary" data-testid="scrap-approve" onClick={() => run(approve({ number: s.number }), 'scrap.posted')}>{t('scrap.approve')}</Button>
          <Button danger data-testid="scrap-reject" onClick={() => setRejecting(true)}>{t('scrap.reject')}</Button>
        </>
      )}
    </Space>
  );
  return (
    <DocumentFrame title={t('menu.scrap')} number={number} back="/stock/scraps" fetching={fetching} error={error} found={!!s} recordType="scrap" recordId={s?.id} actions={actions}>
      {s && (
        <>
          {errors.length > 0 && <Alert type="error" showIcon data-testid="scrap-errors" title={errors.join('；')} />}
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('scrap.number')}>{s.number}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.status')}><ScrapStatusTag status={s.status} /></Descriptions.Item>
            <Descriptions.Item label={t('scrap.value')}><span data-testid="scrap-value"><Amount value={s.value} /></span></Descriptions.Item>
            <Descriptions.Item label={t('scrap.date')}>{s.date}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.createdBy')}>{s.createdByName ?? '—'} {formatDateTime(s.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.decidedBy')}>{s.decidedByName ? `${s.decidedByName} ${formatDateTime(s.decidedAt)}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.receipt')}>{s.receiptNumber ? <DocumentLink kind="PURCHASE_RECEIPT" number={s.receiptNumber} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.count')}>{s.countNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.stockDocument')}>{s.stockDocumentNumber ? <DocumentLink kind="STOCK_ADJUSTMENT" number={s.stockDocumentNumber} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('scrap.voucher')}><span data-testid="scrap-voucher">{s.voucherNo ? <DocumentLink kind="MANUAL_ENTRY" number={s.voucherNo} /> : '—'}</span></Descriptions.Item>
            {s.rejectReason && <Descriptions.Item label={t('scrap.rejectReason')} span={2}>{s.rejectReason}</Descriptions.Item>}
            {s.note && <Descriptions.Item label={t('scrap.note')} span={3}>{s.note}</Descriptions.Item>}
          </Descriptions>
          <Section title={t('scrap.lines')}>
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={s.lines}
              data-testid="document-lines"
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 40 },
                { title: t('scrap.product'), render: (_, l) => `${l.product.sku} ${localName(l.product)}` },
                { title: t('scrap.warehouse'), render: (_, l) => `${l.warehouse.code} ${l.warehouse.name}` },
                { title: t('scrap.location'), render: (_, l) => l.location?.code ?? '' },
                { title: t('scrap.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
                { title: t('scrap.reason'), render: (_, l) => enumLabel(t, 'ScrapReason', l.reason) },
                { title: t('scrap.lineNote'), dataIndex: 'note' },
                { title: t('scrap.value'), align: 'right', render: (_, l) => <Amount value={l.value} /> },
              ]}
            />
          </Section>
          <Modal
            open={rejecting}
            title={t('scrap.reject')}
            okButtonProps={{ danger: true, disabled: !reason.trim(), ...({ 'data-testid': 'scrap-reject-ok' } as Record<string, string>) }}
            onCancel={() => setRejecting(false)}
            onOk={async () => {
              setRejecting(false);
              await run(reject({ number: s.number, reason }), 'scrap.rejected');
            }}
          >
            <Input.TextArea data-testid="scrap-reject-reason" placeholder={t('scrap.rejectPrompt')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </Modal>
        </>
      )}
    </DocumentFrame>
  );
}
