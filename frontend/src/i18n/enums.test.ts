import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type EnumTypeDefinitionNode, type EnumTypeExtensionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENUM_LABEL_PREFIX } from './enums';
import { enumLabel, hasMessage, translate } from '.';
import { en } from './en';
import { zh } from './zh';

/**
 * GraphQL enums no person reads, so without labels. Besides these, every
 * enum named *OrderField (a connection's sort key: a table sorts by its
 * column headers, the value is never shown) is for machines.
 */
const ENUM_LABEL_EXEMPT: Record<string, string> = {
  SortDirection: 'a table sorts by clicking its header; the direction is never written out',
  DataClass: "the @dataClass directive's argument, read by the server only",
  UserErrorReason: 'a program matches on it; a person reads the error message, which the server writes in their language',
};

const machineOnly = (name: string) => name in ENUM_LABEL_EXEMPT || name.endsWith('OrderField');

/** Every enum of the server's schema (its root schema and graph/schema/*.graphqls) with its values, extensions included. */
function schemaEnums(): Map<string, string[]> {
  const root = join(import.meta.dirname, '..', '..', '..');
  const files = [join(root, 'schema.graphqls'), ...readdirSync(join(root, 'graph', 'schema')).filter((f) => f.endsWith('.graphqls')).map((f) => join(root, 'graph', 'schema', f))];
  const out = new Map<string, string[]>();
  for (const f of files) {
    for (const d of parse(readFileSync(f, 'utf8')).definitions) {
      if (d.kind !== Kind.ENUM_TYPE_DEFINITION && d.kind !== Kind.ENUM_TYPE_EXTENSION) continue;
      const e = d as EnumTypeDefinitionNode | EnumTypeExtensionNode;
      out.set(e.name.value, [...(out.get(e.name.value) ?? []), ...(e.values ?? []).map((v) => v.name.value)]);
    }
  }
  return out;
}

describe('enum labels', () => {
  const enums = schemaEnums();

  it('reads the schema', () => {
    expect(enums.size).toBeGreaterThan(40);
    expect(enums.get('SourceType')).toContain('SALES_RETURN');
  });

  it('has a zh and an en label for every value of every enum a person reads', () => {
    const missing: string[] = [];
    for (const [name, values] of enums) {
      if (machineOnly(name)) continue;
      const prefix = ENUM_LABEL_PREFIX[name];
      if (!prefix) {
        missing.push(`${name}: no prefix in ENUM_LABEL_PREFIX (i18n/enums.ts)`);
        continue;
      }
      for (const v of values) {
        const key = `${prefix}.${v}`;
        if (!hasMessage(key)) missing.push(`${name}.${v}: no zh label ${key}`);
        else if (!(key in en) || !en[key as keyof typeof en].trim()) missing.push(`${name}.${v}: no en label ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists no enum the schema does not have, nor exempts one that is labelled', () => {
    for (const name of Object.keys(ENUM_LABEL_PREFIX)) expect(enums.has(name), name).toBe(true);
    for (const name of Object.keys(ENUM_LABEL_EXEMPT)) {
      expect(enums.has(name), name).toBe(true);
      expect(ENUM_LABEL_PREFIX[name], name).toBeUndefined();
    }
  });

  it('enumLabel reads a value by its enum name in either language', () => {
    const t = (k: Parameters<typeof translate>[1]) => translate('zh', k);
    expect(enumLabel(t, 'SourceType', 'SALES_RETURN')).toBe(zh['source.SALES_RETURN']);
    expect(enumLabel((k) => translate('en', k), 'VatInvoiceKind', 'SPECIAL')).toBe('Special VAT invoice');
    expect(enumLabel(t, 'source', 'SALES_RETURN')).toBe(zh['source.SALES_RETURN']);
    expect(enumLabel(t, 'SourceType', 'NO_SUCH_VALUE')).toBe('NO_SUCH_VALUE');
  });
});
