import { describe, expect, it } from 'vitest';
import { addressesInput, invoicingInput } from './CustomerForm';

describe('invoicingInput', () => {
  it('sends nothing on create when no field is typed, and clears on edit', () => {
    expect(invoicingInput({ title: '  ', taxId: '' }, false)).toBeUndefined();
    expect(invoicingInput(undefined, true)).toEqual({ title: '', taxId: '', addressPhone: '', bankAccount: '' });
  });
  it('trims what is typed', () => {
    expect(invoicingInput({ title: ' 某公司 ', taxId: ' 91310115MA1H8PLX0H', addressPhone: '上海 021', bankAccount: '' }, false)).toEqual({
      title: '某公司',
      taxId: '91310115MA1H8PLX0H',
      addressPhone: '上海 021',
      bankAccount: '',
    });
  });
});

describe('addressesInput', () => {
  it('keeps one default, the first marked', () => {
    const out = addressesInput([
      { address: ' 一 ', isDefault: false },
      { address: '二', isDefault: true, contact: ' 李四 ' },
      { address: '三', isDefault: true },
    ]);
    expect(out.map((a) => a.isDefault)).toEqual([false, true, false]);
    expect(out[0].address).toBe('一');
    expect(out[1].contact).toBe('李四');
    expect(out[0].label).toBeUndefined();
  });
});
