import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zh } from './zh';
import { translate } from '.';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty messages', () => {
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
    }
  });

  it('have a label for every role', () => {
    for (const r of ['ADMIN', 'MANAGER', 'SALES', 'PURCHASING', 'WAREHOUSE', 'FINANCE', 'ANALYST']) {
      expect(Object.keys(zh)).toContain(`role.${r}`);
    }
  });
});

describe('translate', () => {
  it('picks the language and fills placeholders', () => {
    expect(translate('en', 'home.welcome', { name: 'Ann' })).toBe('Welcome, Ann');
    expect(translate('zh', 'home.welcome', { name: 'Ann' })).toBe('欢迎，Ann');
  });
  it('leaves unknown placeholders visible', () => {
    expect(translate('en', 'home.welcome')).toBe('Welcome, {name}');
  });
});
