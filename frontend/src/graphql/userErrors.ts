import type { FormInstance } from 'antd';

/** What every mutation payload's userErrors entries look like. */
export interface UserErrorLike {
  code: string;
  field?: string | null;
  message: string;
}

export type FieldPath = (string | number)[];

/**
 * Turns a server field path into an antd form field name: the leading
 * "input." is dropped and numeric segments become indexes, so
 * "input.username" -> ["username"] and "input.lines.0.quantity" ->
 * ["lines", 0, "quantity"]. A bare argument ("name") stays as it is.
 * Returns null when the error concerns the whole input.
 */
export function userErrorFieldPath(field: string | null | undefined): FieldPath | null {
  if (!field) return null;
  const parts = field.split('.').filter((p) => p !== '');
  if (parts[0] === 'input') parts.shift();
  if (parts.length === 0) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
}

export interface MappedUserErrors {
  /** Errors for fields the form has, grouped per field in antd's setFields shape. */
  fields: { name: FieldPath; errors: string[] }[];
  /** Messages with no field on the form: show them above the form. */
  general: string[];
}

/**
 * Splits userErrors into per-field errors for the given form field names and
 * the rest. A field error whose path is not on the form is kept (at the
 * longest matching parent field if there is one, else as a general message),
 * so no message is ever lost.
 */
export function mapUserErrors(errors: readonly UserErrorLike[], formFields: readonly FieldPath[]): MappedUserErrors {
  const fields: { name: FieldPath; errors: string[] }[] = [];
  const general: string[] = [];
  for (const e of errors) {
    const path = userErrorFieldPath(e.field);
    let target: FieldPath | undefined;
    if (path) {
      for (let n = path.length; n > 0 && !target; n--) {
        const prefix = path.slice(0, n);
        target = formFields.find((f) => samePath(f, prefix));
      }
    }
    if (!target) {
      general.push(e.message);
      continue;
    }
    const existing = fields.find((f) => samePath(f.name, target));
    if (existing) existing.errors.push(e.message);
    else fields.push({ name: target, errors: [e.message] });
  }
  return { fields, general };
}

/**
 * Shows userErrors on an antd form's fields and returns the messages that
 * belong to no field (the caller shows those in an Alert or a toast).
 */
export function applyUserErrors(form: FormInstance, errors: readonly UserErrorLike[]): string[] {
  const formFields = form.getFieldsError().map((f) => f.name as FieldPath);
  const { fields, general } = mapUserErrors(errors, formFields);
  form.setFields(fields);
  return general;
}
