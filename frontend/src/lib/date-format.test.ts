import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every date and time a person reads is written by lib/date.ts (formatDate,
// formatDateTime, formatTime, formatMonth), so that one format per language
// holds everywhere and times are in the company's zone. This test fails on
// the browser's own formatting anywhere else in src/.
const SRC = join(import.meta.dirname, '..');
const ALLOWED = new Set(['lib/date.ts']);
const FORBIDDEN = /\.toLocale(?:String|DateString|TimeString)\s*\(|new\s+Intl\.DateTimeFormat\b|\bIntl\.DateTimeFormat\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'gql' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('date formatting', () => {
  it('happens only in lib/date.ts', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const f of files) {
      const rel = relative(SRC, f).split('\\').join('/');
      if (ALLOWED.has(rel)) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a toLocaleString', () => {
    expect(FORBIDDEN.test('new Date(x).toLocaleString()')).toBe(true);
    expect(FORBIDDEN.test("d.toLocaleDateString('en-GB')")).toBe(true);
    expect(FORBIDDEN.test('formatDateTime(x)')).toBe(false);
  });
});
