import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, App, Button, Card, Input, Space, Table } from 'antd';
import type { ReturnReceiptQuery as Result } from '../../../gql/graphql';
import { CreateSupplierReturnMutation, ReturnReceiptQuery } from '../queries';
import { useReturnMoney } from '../money';
import { DecimalInput } from '../../../components/DecimalInput';
import { Amount } from '../../../components/Amount';
import { documentPath } from '../../../lib/documents';
import { dec, formatQty } from '../../../lib/decimal';
import { useT } from '../../../i18n';

type Line = NonNullable<Result['goodsReceipt']>['lines'][number];

/**
 * A new return from a goods receipt: /purchasing/supplier-returns/new?receipt=GR000012&product=SKU
 * prefills the receipt and, with a product, that product's lines with their accepted quantity.
 */
export default function NewSupplierReturnPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState(params.get('receipt') ?? '');
  const [loaded, setLoaded] = useState(params.get('receipt') ?? '');
  const product = params.get('product');
  const [{ data, fetching }] = useQuery({ query: ReturnReceiptQuery, variables: { number: loaded }, pause: !loaded });
  const [qty, setQty] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [{ fetching: saving }, create] = useMutation(CreateSupplierReturnMutation);
  const rc = data?.goodsReceipt;
  const flags = useReturnMoney();
  const quantityOf = (l: Line) => qty[l.lineNo] ?? (product && l.product.sku === product ? l.acceptedQuantity : '');

  async function save() {
    if (!rc) return;
    setErrors([]);
    const lines = rc.lines.filter((l) => dec(quantityOf(l)).gt(0)).map((l) => ({ receiptLineNo: l.lineNo, quantity: quantityOf(l).trim() }));
    const res = await create({ input: { receiptId: rc.id, reason: reason.trim() || undefined, lines, idempotencyKey: crypto.randomUUID() }, ...flags });
    if (res.error) return setErrors([res.error.message]);
    const p = res.data?.createSupplierReturn;
    if (p?.userErrors.length) return setErrors(p.userErrors.map((e) => e.message));
    if (p?.supplierReturn) {
      message.success(t('sret.created', { number: p.supplierReturn.number }));
      navigate(documentPath('SUPPLIER_RETURN', p.supplierReturn.number) ?? '/purchasing/supplier-returns');
    }
  }

  return (
    <Card title={t('sret.newTitle')}>
      <Space style={{ marginBottom: 16 }}>
        <Input style={{ width: 260 }} placeholder={t('sret.receiptNumber')} value={receipt} onChange={(e) => setReceipt(e.target.value)} data-testid="sret-receipt" onPressEnter={() => setLoaded(receipt.trim())} />
        <Button onClick={() => setLoaded(receipt.trim())} data-testid="sret-load">
          {t('sret.load')}
        </Button>
      </Space>
      {loaded && !fetching && !rc && <Alert type="warning" showIcon title={t('sret.noReceipt')} />}
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 16 }} data-testid="sret-errors" />}
      {rc && (
        <>
          <Table<Line>
            rowKey="lineNo"
            size="small"
            pagination={false}
            dataSource={rc.lines}
            data-testid="sret-new-lines"
            columns={[
              { title: t('sret.line'), dataIndex: 'lineNo' },
              { title: t('sret.product'), render: (_, l) => `${l.product.sku} ${l.product.name}` },
              { title: t('sret.accepted'), align: 'right', render: (_, l) => `${formatQty(l.acceptedQuantity)} ${l.purchaseOrderLine.unit}` },
              { title: t('units.factor', { unit: '' }), align: 'right', render: (_, l) => (dec(l.purchaseOrderLine.unitFactor).eq(1) ? '' : `× ${formatQty(l.purchaseOrderLine.unitFactor)} ${l.product.unit}`) },
              ...(flags.money ? [{ title: t('sret.unitPrice'), align: 'right' as const, render: (_: unknown, l: Line) => <Amount value={l.unitPrice} /> }] : []),
              {
                title: t('sret.quantity'),
                render: (_, l) => <DecimalInput style={{ width: 140 }} suffix={l.purchaseOrderLine.unit} value={quantityOf(l)} onChange={(e) => setQty({ ...qty, [l.lineNo]: e.target.value })} data-testid={`sret-qty-${l.lineNo}`} />,
              },
            ]}
          />
          <Space style={{ marginTop: 16 }}>
            <Input style={{ width: 360 }} placeholder={t('sret.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="sret-reason" />
            <Button type="primary" loading={saving} onClick={save} data-testid="sret-create">
              {t('sret.create')}
            </Button>
          </Space>
        </>
      )}
    </Card>
  );
}
