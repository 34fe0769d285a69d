import { useEffect } from 'react';
import { useQuery } from 'urql';
import { Form, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { ProductUnitsQuery } from '../queries';
import { useT } from '../../../i18n';
import { dec, formatQty, isDecimal } from '../../../lib/decimal';

/** The units a line of the product may be in: the stock unit (factor 1) first, then the product's others. */
export function unitChoices(p: { unit: string; units: readonly { code: string; factor: string }[] } | null | undefined): { code: string; factor: string }[] {
  if (!p) return [];
  return [{ code: p.unit, factor: '1' }, ...p.units.map((u) => ({ code: u.code, factor: u.factor }))];
}

/** The quantity in the stock unit of a quantity in a unit of the factor; null while the quantity is not a decimal. */
export function stockQuantity(quantity: string | undefined, factor: string | undefined): string | null {
  const q = (quantity ?? '').trim();
  if (!isDecimal(q) || !factor) return null;
  return dec(q).times(dec(factor)).toString();
}

/**
 * The unit select of an order line in a Form.List named "lines" (a field
 * "unit" beside "productId" and "quantity"): the product's units, set to its
 * default purchase or sales unit when the product is chosen, and the
 * line's quantity in the stock unit beside it.
 */
export function LineUnit({
  form,
  line,
  kind,
  testPrefix,
  onUnit,
  width = 110,
}: {
  form: FormInstance;
  line: number;
  kind: 'purchase' | 'sales';
  testPrefix: string;
  /** Called when the line's unit is set (by default or by hand) with its factor and the product's sell price per stock unit. */
  onUnit?: (factor: string, sellPrice: string | null | undefined) => void;
  width?: number;
}) {
  const t = useT();
  const productId = Form.useWatch(['lines', line, 'productId'], form) as string | undefined;
  const quantity = Form.useWatch(['lines', line, 'quantity'], form) as string | undefined;
  const unit = Form.useWatch(['lines', line, 'unit'], form) as string | undefined;
  const [{ data }] = useQuery({ query: ProductUnitsQuery, variables: { id: productId ?? '' }, pause: !productId });
  const p = data?.product && data.product.id === productId ? data.product : undefined;
  const choices = unitChoices(p);
  const fallback = p ? (kind === 'purchase' ? p.purchaseUnit : p.salesUnit) || p.unit : undefined;
  useEffect(() => {
    if (!p) return;
    // A product chosen (or changed): its default unit, and the price for it.
    form.setFieldValue(['lines', line, 'unit'], fallback);
    onUnit?.(choices.find((c) => c.code === fallback)?.factor ?? '1', p.sellPrice);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p?.id, fallback]);
  const factor = choices.find((c) => c.code === unit)?.factor;
  const sq = stockQuantity(quantity, factor);
  return (
    <>
      <Form.Item name={[line, 'unit']}>
        <Select
          style={{ width }}
          onChange={(v: string) => onUnit?.(choices.find((c) => c.code === v)?.factor ?? '1', p?.sellPrice)}
          placeholder={t('units.code')}
          disabled={!p}
          options={choices.map((c) => ({ value: c.code, label: dec(c.factor).eq(1) ? c.code : `${c.code} (${formatQty(c.factor)} ${p?.unit ?? ''})` }))}
          popupMatchSelectWidth={false}
          data-testid={`${testPrefix}-unit-${line}`}
        />
      </Form.Item>
      {p && factor && !dec(factor).eq(1) && (
        <Typography.Text type="secondary" style={{ lineHeight: '32px', whiteSpace: 'nowrap' }} data-testid={`${testPrefix}-stock-qty-${line}`}>
          = {sq === null ? '—' : formatQty(sq)} {p.unit}
        </Typography.Text>
      )}
    </>
  );
}
