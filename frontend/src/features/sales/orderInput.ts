import Big from 'big.js';
import type { SalesChannel, SalesOrderInput } from '../../gql/graphql';
import { dec, isDecimal } from '../../lib/decimal';
import { mapUserErrors, type FieldPath, type UserErrorLike } from '../../graphql/userErrors';

/** A line as the order form holds it: rates in percent, as typed. */
export interface OrderLineValues {
  productId?: string;
  quantity?: string;
  /** The line's unit; the product's sales unit when left out. */
  unit?: string;
  unitPrice?: string;
  discountPercent?: string;
  vatPercent?: string;
}

export interface OrderValues {
  customerId?: string;
  channel?: SalesChannel;
  region?: string;
  warehouseId?: string;
  postingDate?: string;
  notes?: string;
  lines?: OrderLineValues[];
}

/** "5" (percent) -> "0.05"; empty stays undefined (the server's default). */
export function percentToFraction(v: string | undefined): string | undefined {
  const s = v?.trim();
  if (!s) return undefined;
  if (!isDecimal(s)) return s; // sent as typed: the server names what is wrong
  return new Big(s).div(100).toString();
}

/** "0.13" -> "13". */
export function fractionToPercent(v: string | null | undefined): string {
  return v == null || v === '' ? '' : dec(v).times(100).toString();
}

/**
 * The SalesOrderInput for the form's values, and for each line sent the form
 * row it came from (rows without a product are left out while being filled).
 */
export function toOrderInput(v: OrderValues, idempotencyKey?: string): { input: SalesOrderInput; rows: number[] } {
  const rows: number[] = [];
  const lines = (v.lines ?? []).flatMap((l, i) => {
    if (!l?.productId) return [];
    rows.push(i);
    return [
      {
        productId: l.productId,
        quantity: l.quantity?.trim() || '0',
        unit: l.unit || undefined,
        unitPrice: l.unitPrice?.trim() || undefined,
        discountRate: percentToFraction(l.discountPercent),
        vatRate: percentToFraction(l.vatPercent),
      },
    ];
  });
  return {
    input: {
      customerId: v.customerId ?? '',
      channel: v.channel || undefined,
      region: v.region?.trim() || undefined,
      warehouseId: v.warehouseId || undefined,
      postingDate: v.postingDate || undefined,
      notes: v.notes?.trim() || undefined,
      lines,
      idempotencyKey,
    },
    rows,
  };
}

/** Server field names of a line -> the form's names (rates are percent fields on the form). */
const LINE_FIELD: Record<string, string> = { discountRate: 'discountPercent', vatRate: 'vatPercent' };

/** The form fields errors can land on. */
export function orderFormFields(lineCount: number): FieldPath[] {
  const f: FieldPath[] = [['customerId'], ['channel'], ['region'], ['warehouseId'], ['postingDate'], ['notes']];
  for (let i = 0; i < lineCount; i++) {
    f.push(['lines', i]);
    for (const n of ['productId', 'quantity', 'unitPrice', 'discountPercent', 'vatPercent']) f.push(['lines', i, n]);
  }
  return f;
}

export interface FieldIssue {
  messages: string[];
  /** Only conflicts (credit, stock): shown as warnings, the order can still be saved as a draft. */
  warning: boolean;
}

/**
 * Splits violations (or userErrors) of a request into issues per form field
 * ("lines.2.quantity") and general messages, mapping sent line indexes back
 * to form rows.
 */
export function mapOrderIssues(errors: readonly UserErrorLike[], rows: readonly number[], lineCount: number): { fields: Map<string, FieldIssue>; general: string[] } {
  const remapped = errors.map((e) => ({
    ...e,
    field: e.field
      ?.replace(/^input\.lines\.(\d+)/, (_m, n: string) => `input.lines.${rows[Number(n)] ?? n}`)
      .replace(/^(input\.lines\.\d+\.)(\w+)$/, (_m, p: string, name: string) => p + (LINE_FIELD[name] ?? name)),
  }));
  const fields = new Map<string, FieldIssue>();
  const general: string[] = [];
  const formFields = orderFormFields(lineCount);
  for (const e of remapped) {
    const { fields: f, general: g } = mapUserErrors([e], formFields);
    general.push(...g);
    for (const x of f) {
      const k = x.name.join('.');
      const cur = fields.get(k) ?? { messages: [], warning: true };
      cur.messages.push(...x.errors);
      cur.warning = cur.warning && e.code === 'CONFLICT';
      fields.set(k, cur);
    }
  }
  return { fields, general };
}

/** Whether a discount typed in percent is allowed: empty, or at least 0 and below 100 (the server's fraction below 1). */
export function discountInRange(v: string | null | undefined): boolean {
  const s = (v ?? '').trim();
  if (s === '') return true;
  try {
    const d = new Big(s);
    return d.gte(0) && d.lt(100);
  } catch {
    return true; // not a number: the decimal rule says so
  }
}

/** A line's net amount as the server computes it: qty x price x (1 - discount), half-up to the cent; a discount out of range counts as none (the form shows its error). */
export function lineNet(l: OrderLineValues): Big {
  const d = discountInRange(l.discountPercent) ? percentToFraction(l.discountPercent) : undefined;
  return dec(l.quantity).times(dec(l.unitPrice)).times(new Big(1).minus(dec(d))).round(2, Big.roundHalfUp);
}
