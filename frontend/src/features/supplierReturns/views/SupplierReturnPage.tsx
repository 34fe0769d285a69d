import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Tag } from 'antd';
import type { SupplierReturnQuery as Result } from '../../../gql/graphql';
import { useReturnMoney } from '../money';
import { ApplyDebitNoteMutation, CancelSupplierReturnMutation, PostSupplierReturnMutation, RefundDebitNoteMutation, SupplierReturnQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { useCan } from '../../../app/session';
import { dec, formatQty } from '../../../lib/decimal';
import { enumLabel, useT } from '../../../i18n';

type Ret = NonNullable<Result['supplierReturn']>;
type Line = Ret['lines'][number];
type Payload = { userErrors: { message: string }[] } | undefined;

/** One supplier return by its number: lines, values, variance, voucher, and what can be done next. */
export default function SupplierReturnPage() {
  const t = useT();
  const { message } = App.useApp();
  const { number = '' } = useParams();
  const flags = useReturnMoney();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SupplierReturnQuery, variables: { number, ...flags } });
  const canPost = useCan(['WAREHOUSE', 'PURCHASING']);
  const canSettle = useCan(['FINANCE']);
  const [, post] = useMutation(PostSupplierReturnMutation);
  const [, cancel] = useMutation(CancelSupplierReturnMutation);
  const [, apply] = useMutation(ApplyDebitNoteMutation);
  const [, refund] = useMutation(RefundDebitNoteMutation);
  const [invoice, setInvoice] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const r = data?.supplierReturn;

  async function run(p: Promise<{ error?: { message: string }; data?: Record<string, Payload> | null }>, key: string) {
    setErrors([]);
    const res = await p;
    if (res.error) return setErrors([res.error.message]);
    const ues = res.data?.[key]?.userErrors ?? [];
    if (ues.length) return setErrors(ues.map((e) => e.message));
    message.success(t('sret.posted', { number }));
    refetch({ requestPolicy: 'network-only' });
  }

  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!r) return <Card loading={fetching}>{!fetching && t('sret.notFound')}</Card>;
  return (
    <Card title={`${t('menu.supplierReturns')} ${r.number}`} extra={<Tag data-testid="sret-status">{enumLabel(t, 'SupplierReturnStatus', r.status)}</Tag>}>
      <WithAuditTab recordType="supplierReturn" recordId={r.id}>
        {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="sret-errors" />}
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('sret.supplier')}>{`${r.supplierCode} ${r.supplierName}`}</Descriptions.Item>
          <Descriptions.Item label={t('sret.receipt')}>
            <DocumentLink kind="PURCHASE_RECEIPT" number={r.receiptNumber} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sret.date')}>{r.postingDate ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('sret.reason')}>{r.reason}</Descriptions.Item>
          {flags.costs && (
            <Descriptions.Item label={t('sret.stockValue')}>
              <Amount value={r.stockValue} testId="sret-stock-value" />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.grni')}>
              <Amount value={r.grniAmount} testId="sret-grni" />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.total')}>
              <Amount value={r.totalAmount} testId="sret-total" />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.vat')}>
              <Amount value={r.vatAmount} />
            </Descriptions.Item>
          )}
          {flags.costs && (
            <Descriptions.Item label={t('sret.variance')}>
              <Amount value={r.variance} testId="sret-variance" />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.applied')}>
              <Amount value={r.appliedAmount} />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.refunded')}>
              <Amount value={r.refundedAmount} />
            </Descriptions.Item>
          )}
          {flags.money && (
            <Descriptions.Item label={t('sret.open')}>
              <Amount value={r.openCredit} testId="sret-open" />
            </Descriptions.Item>
          )}
          {flags.ledger && <Descriptions.Item label={t('sret.voucher')}>{r.journalEntry && <DocumentLink kind="MANUAL_ENTRY" number={r.journalEntry.voucherNo} testId="sret-voucher" />}</Descriptions.Item>}
        </Descriptions>
        <Table<Line>
          style={{ marginTop: 16 }}
          rowKey="lineNo"
          size="small"
          pagination={false}
          dataSource={r.lines}
          data-testid="sret-lines"
          columns={[
            { title: t('sret.line'), dataIndex: 'receiptLineNo' },
            { title: t('sret.product'), render: (_, l) => `${l.sku} ${l.productName}` },
            { title: t('sret.quantity'), align: 'right', render: (_, l) => <span data-testid={`sret-qty-${l.lineNo}`}>{`${formatQty(l.quantity)} ${l.unit}`}</span> },
            { title: t('sret.stockQuantity'), align: 'right', render: (_, l) => <span data-testid={`sret-stock-qty-${l.lineNo}`}>{dec(l.unitFactor).eq(1) ? formatQty(l.stockQuantity) : `${formatQty(l.stockQuantity)} (× ${formatQty(l.unitFactor)})`}</span> },
            ...(flags.money ? [{ title: t('sret.unitPrice'), align: 'right' as const, render: (_: unknown, l: Line) => <Amount value={l.unitPrice} /> }] : []),
            { title: t('sret.grniQty'), align: 'right', render: (_, l) => formatQty(l.grniQty) },
            { title: t('sret.invoicedQty'), align: 'right', render: (_, l) => formatQty(l.invoicedQty) },
            ...(flags.costs ? [{ title: t('sret.stockValue'), align: 'right' as const, render: (_: unknown, l: Line) => <Amount value={l.stockValue} /> }] : []),
            ...(flags.money
              ? [
                  { title: t('sret.grni'), align: 'right' as const, render: (_: unknown, l: Line) => <Amount value={l.grniAmount} /> },
                  { title: t('sret.net'), align: 'right' as const, render: (_: unknown, l: Line) => <Amount value={l.netAmount} /> },
                ]
              : []),
          ]}
        />
        <Space style={{ marginTop: 16 }} wrap>
          {r.status === 'DRAFT' && canPost && (
            <>
              <Button type="primary" data-testid="sret-post" onClick={() => run(post({ number: r.number , ...flags }), 'postSupplierReturn')}>
                {t('sret.post')}
              </Button>
              <Button danger data-testid="sret-cancel" onClick={() => run(cancel({ number: r.number , ...flags }), 'cancelSupplierReturn')}>
                {t('sret.cancel')}
              </Button>
            </>
          )}
          {r.status === 'POSTED' && canSettle && flags.money && dec(r.openCredit).gt(0) && (
            <>
              <Input style={{ width: 220 }} placeholder={t('sret.invoiceNumber')} value={invoice} onChange={(e) => setInvoice(e.target.value)} data-testid="sret-invoice" />
              <Button data-testid="sret-apply" disabled={!invoice.trim()} onClick={() => run(apply({ number: r.number, invoiceNumber: invoice.trim() , ...flags }), 'applyDebitNote')}>
                {t('sret.apply')}
              </Button>
              <Input style={{ width: 140 }} placeholder={t('sret.amount')} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="sret-refund-amount" />
              <Button data-testid="sret-refund" disabled={!amount.trim()} onClick={() => run(refund({ number: r.number, amount: amount.trim() , ...flags }), 'refundDebitNote')}>
                {t('sret.refund')}
              </Button>
            </>
          )}
        </Space>
      </WithAuditTab>
    </Card>
  );
}
