import { describe, expect, it, vi } from 'vitest';
import type { FormInstance } from 'antd';
import { applyUserErrors, mapUserErrors, userErrorFieldPath } from './userErrors';

describe('userErrorFieldPath', () => {
  it('drops the input prefix', () => {
    expect(userErrorFieldPath('input.username')).toEqual(['username']);
  });
  it('turns numeric segments into list indexes', () => {
    expect(userErrorFieldPath('input.lines.0.quantity')).toEqual(['lines', 0, 'quantity']);
  });
  it('keeps bare argument names', () => {
    expect(userErrorFieldPath('name')).toEqual(['name']);
  });
  it('returns null for errors about the whole input', () => {
    expect(userErrorFieldPath(null)).toBeNull();
    expect(userErrorFieldPath(undefined)).toBeNull();
    expect(userErrorFieldPath('')).toBeNull();
    expect(userErrorFieldPath('input')).toBeNull();
  });
});

describe('mapUserErrors', () => {
  const fields = [['username'], ['password'], ['roles'], ['lines', 0, 'quantity']];

  it('puts errors on the matching form fields, several per field', () => {
    const r = mapUserErrors(
      [
        { code: 'INVALID', field: 'input.username', message: 'username is taken' },
        { code: 'INVALID', field: 'input.username', message: 'username is too short' },
        { code: 'INVALID', field: 'input.password', message: 'password must be at least 4 characters' },
      ],
      fields,
    );
    expect(r.fields).toEqual([
      { name: ['username'], errors: ['username is taken', 'username is too short'] },
      { name: ['password'], errors: ['password must be at least 4 characters'] },
    ]);
    expect(r.general).toEqual([]);
  });

  it('matches list items', () => {
    const r = mapUserErrors([{ code: 'INVALID', field: 'input.lines.0.quantity', message: 'quantity must be > 0' }], fields);
    expect(r.fields).toEqual([{ name: ['lines', 0, 'quantity'], errors: ['quantity must be > 0'] }]);
  });

  it('falls back to the nearest parent field on the form', () => {
    const r = mapUserErrors([{ code: 'INVALID', field: 'input.roles.2', message: 'unknown role' }], fields);
    expect(r.fields).toEqual([{ name: ['roles'], errors: ['unknown role'] }]);
  });

  it('keeps errors without a form field as general messages', () => {
    const r = mapUserErrors(
      [
        { code: 'CONFLICT', field: null, message: 'the user changed meanwhile' },
        { code: 'INVALID', field: 'input.email', message: 'email is not allowed' },
      ],
      fields,
    );
    expect(r.fields).toEqual([]);
    expect(r.general).toEqual(['the user changed meanwhile', 'email is not allowed']);
  });
});

describe('applyUserErrors', () => {
  it('sets field errors on the antd form and returns the rest', () => {
    const setFields = vi.fn();
    const form = {
      getFieldsError: () => [
        { name: ['username'], errors: [], warnings: [] },
        { name: ['password'], errors: [], warnings: [] },
      ],
      setFields,
    } as unknown as FormInstance;
    const general = applyUserErrors(form, [
      { code: 'INVALID', field: 'input.username', message: 'username is taken' },
      { code: 'FORBIDDEN', field: null, message: 'not allowed' },
    ]);
    expect(setFields).toHaveBeenCalledWith([{ name: ['username'], errors: ['username is taken'] }]);
    expect(general).toEqual(['not allowed']);
  });
});
