import { describe, expect, it } from 'vitest';
import { safeNext } from './LoginPage';

describe('safeNext', () => {
  it('allows local paths', () => {
    expect(safeNext('/admin/users')).toBe('/admin/users');
    expect(safeNext('/graphiql')).toBe('/graphiql');
  });
  it('refuses other origins and loops', () => {
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
