import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Descriptions, Drawer, Popconfirm, Space, Table, Typography } from 'antd';
import type { PurchaseOrderQuery as Result } from '../../../gql/graphql';
import { PurchaseOrderQuery } from '../queries';
import { ApprovePurchaseOrderMutation, CancelPurchaseOrderMutation, ClosePurchaseOrderMutation, SubmitPurchaseOrderMutation } from '../mutations';
import { PoStatusTag } from './common';
import { Amount } from '../../../components/Amount';
import { useCan, useCanRead } from '../../../app/session';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { WithAuditTab } from '../../audit/components/AuditTrail';
import { DocumentFrame, RelatedDocuments } from './DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { PURCHASING_READ } from '../../../app/access';


type Order = NonNullable<Result['purchaseOrder']>;
type Action = 'submit' | 'approve' | 'cancel' | 'close';

/**
 * One purchase order with what its status and the user's roles allow:
 * submit, cancel, close (purchasing), approve (manager). The budget's WARN
 * lines come back as warnings, its BLOCK as userErrors: both shown here.
 */
export function PurchaseOrderDrawer({ id, number, asPage, onClose, onChanged }: { id: string | null; number?: string; asPage?: boolean; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const localName = useLocalName();
  const { message } = App.useApp();
  const isPurchasing = useCan(['PURCHASING']);
  const isManager = useCan(['MANAGER']);
  const withBudgets = useCanRead('BUDGETS');
  const withInvoices = useCan(PURCHASING_READ);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PurchaseOrderQuery,
    variables: id ? { id, withBudgets, withInvoices } : { number, withBudgets, withInvoices },
    pause: !id && !number,
    requestPolicy: 'cache-and-network',
  });
  const [, submit] = useMutation(SubmitPurchaseOrderMutation);
  const [, approve] = useMutation(ApprovePurchaseOrderMutation);
  const [, cancel] = useMutation(CancelPurchaseOrderMutation);
  const [, close] = useMutation(ClosePurchaseOrderMutation);
  const [busy, setBusy] = useState<Action>();
  const [result, setResult] = useState<{ id: string; errors: string[]; warnings: string[] }>();
  const o = data?.purchaseOrder;
  const shown = result && result.id === o?.id ? result : undefined;

  async function run(action: Action) {
    if (!o) return;
    setBusy(action);
    try {
      const fn = { submit, approve, cancel, close }[action];
      const res = await fn({ id: o.id });
      const d = res.data as Record<string, { userErrors: { message: string }[]; warnings: string[]; purchaseOrder: unknown } | undefined> | undefined;
      const p = d && Object.values(d)[0];
      const errors = res.error ? [res.error.message] : (p?.userErrors ?? []).map((e) => e.message);
      setResult({ id: o.id, errors, warnings: p?.warnings ?? [] });
      if (errors.length === 0) {
        message.success(t(`po.done.${action}`, { number: o.number }));
        onChanged();
        reexecute({ requestPolicy: 'network-only' });
      }
    } finally {
      setBusy(undefined);
    }
  }

  const actions: { action: Action; show: boolean; danger?: boolean; primary?: boolean; confirm?: boolean }[] = o
    ? [
        { action: 'submit', show: isPurchasing && o.status === 'DRAFT', primary: true },
        { action: 'approve', show: isManager && o.status === 'SUBMITTED', primary: true },
        { action: 'close', show: isPurchasing && ['PARTIALLY_RECEIVED', 'RECEIVED', 'APPROVED'].includes(o.status), confirm: true },
        { action: 'cancel', show: isPurchasing && ['DRAFT', 'SUBMITTED', 'APPROVED'].includes(o.status), danger: true, confirm: true },
      ]
    : [];

  const buttons = (
    <Space>
      {actions
        .filter((a) => a.show)
        .map((a) => {
          const button = (
            <Button key={a.action} type={a.primary ? 'primary' : 'default'} danger={a.danger} loading={busy === a.action} onClick={a.confirm ? undefined : () => run(a.action)} data-testid={`po-${a.action}`}>
              {t(`po.action.${a.action}`)}
            </Button>
          );
          return a.confirm ? (
            <Popconfirm key={a.action} title={t(`po.confirm.${a.action}`)} onConfirm={() => run(a.action)} okButtonProps={{ 'data-testid': `po-${a.action}-confirm` }}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        })}
    </Space>
  );
  const alerts = (
    <>
      {shown && shown.errors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="po-errors" title={t('po.refused')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{shown.errors.map((e) => <li key={e}>{e}</li>)}</ul>} />
      )}
      {shown && shown.warnings.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="po-warnings" title={t('po.budgetWarnings')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{shown.warnings.map((e) => <li key={e}>{e}</li>)}</ul>} />
      )}
    </>
  );
  if (asPage) {
    return (
      <DocumentFrame
        title={t('pdoc.kind.PURCHASE_ORDER')}
        number={number ?? o?.number ?? ''}
        status={o && <PoStatusTag status={o.status} />}
        actions={buttons}
        back="/purchasing/orders"
        fetching={fetching}
        error={error}
        found={!!o}
        recordType="purchaseOrder"
        recordId={o?.id}
      >
        {alerts}
        {o && <OrderBody o={o} localName={localName} showWarnings={!shown?.warnings.length} />}
      </DocumentFrame>
    );
  }
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={960}
      loading={fetching && !o}
      data-testid="po-drawer"
      title={
        o && (
          <Space>
            {o.number} <PoStatusTag status={o.status} />
          </Space>
        )
      }
      extra={buttons}
    >
      {error && <Alert type="error" showIcon title={error.message} />}
      {alerts}
      {o && (
        <WithAuditTab recordType="purchaseOrder" recordId={o.id}>
          <OrderBody o={o} localName={localName} showWarnings={!shown?.warnings.length} />
        </WithAuditTab>
      )}
    </Drawer>
  );
}

function OrderBody({ o, localName, showWarnings }: { o: Order; localName: ReturnType<typeof useLocalName>; showWarnings: boolean }) {
  const t = useT();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {showWarnings && (o.budgetWarnings ?? []).length > 0 && <Alert type="warning" showIcon title={t('po.budgetWarnings')} description={(o.budgetWarnings ?? []).join('; ')} />}
      <Descriptions size="small" column={3} bordered data-testid="document-header">
        <Descriptions.Item label={t('po.supplier')}>{`${o.supplier.code} ${o.supplier.name}`}</Descriptions.Item>
        <Descriptions.Item label={t('stock.warehouse')}>{`${o.warehouse.code} ${o.warehouse.name}`}</Descriptions.Item>
        <Descriptions.Item label={t('po.costCentre')}>{o.costCentre || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('po.orderDate')}>{o.orderDate}</Descriptions.Item>
        <Descriptions.Item label={t('po.expectedDate')}>{o.expectedDate}</Descriptions.Item>
        <Descriptions.Item label={t('po.total')}>
          <Amount value={o.totalAmount} strong /> <Typography.Text type="secondary">({t('po.net')} {formatMoney(o.netAmount)} + {t('po.tax')} {formatMoney(o.taxAmount)})</Typography.Text>
        </Descriptions.Item>
        {o.notes && <Descriptions.Item label={t('po.notes')} span={3}>{o.notes}</Descriptions.Item>}
      </Descriptions>
      <Table<Order['lines'][number]>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={o.lines}
        data-testid="po-lines"
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 40 },
          { title: t('products.sku'), render: (_, l) => l.product.sku },
          { title: t('products.name'), render: (_, l) => localName(l.product) },
          { title: t('po.quantity'), align: 'right', render: (_, l) => <span data-testid={`po-line-qty-${l.lineNo}`}>{`${formatQty(l.quantity)} ${l.unit}`}</span> },
          { title: t('units.stockQuantity'), align: 'right', render: (_, l) => <span data-testid={`po-line-stock-qty-${l.lineNo}`}>{`${formatQty(l.stockQuantity)} ${l.product.unit}`}</span> },
          { title: t('po.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
          { title: t('po.net'), align: 'right', render: (_, l) => formatMoney(l.netAmount) },
          { title: t('po.received'), align: 'right', render: (_, l) => formatQty(l.receivedQuantity) },
          { title: t('po.rejected'), align: 'right', render: (_, l) => formatQty(l.rejectedQuantity) },
          { title: t('po.invoiced'), align: 'right', render: (_, l) => formatQty(l.invoicedQuantity) },
          { title: t('po.open'), align: 'right', render: (_, l) => formatQty(l.openQuantity) },
        ]}
      />
      {o.receipts.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('po.receipts')}</Typography.Title>
          <Table<Order['receipts'][number]>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={o.receipts}
            columns={[
              { title: t('receipt.number'), render: (_, r) => <DocumentLink kind="PURCHASE_RECEIPT" number={r.number} testId={`po-receipt-${r.number}`} /> },
              { title: t('receipt.date'), dataIndex: 'receiptDate' },
              {
                title: t('receipt.lines'),
                render: (_, r) =>
                  r.lines.map((l) => (
                    <div key={l.lineNo}>
                      {l.product.sku}: {t('receipt.accepted')} {formatQty(l.acceptedQuantity)}
                      {dec(l.rejectedQuantity).gt(0) && `, ${t('receipt.rejected')} ${formatQty(l.rejectedQuantity)} (${l.rejectionReason})`}
                    </div>
                  )),
              },
            ]}
          />
        </div>
      )}
      <RelatedDocuments
        items={[
          { label: t('po.receipts'), kind: 'PURCHASE_RECEIPT', docs: o.receipts.map((r) => ({ number: r.number })) },
          { label: t('menu.supplierInvoices'), kind: 'SUPPLIER_INVOICE', docs: (o.supplierInvoices ?? []).map((i) => ({ number: i.number, extra: enumLabel(t, 'invoiceStatus', i.status) })) },
        ]}
      />
    </Space>
  );
}
