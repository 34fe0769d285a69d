import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../../i18n';
import { StatementOfAccount } from './StatementOfAccount';
import { useDomForAntd } from '../../../test/dom';

useDomForAntd();

const statement = {
  __typename: 'PartnerStatement',
  kind: 'SUPPLIER',
  code: 'S001',
  name: 'Tea Co',
  from: '2026-01-01',
  to: '2026-03-31',
  opening: '100.00',
  debit: '40.00',
  credit: '250.00',
  closing: '310.00',
  lines: [
    { __typename: 'PartnerStatementLine', date: '2026-02-03', entryId: '11', voucherNo: '记-2026-02-0007', source: { __typename: 'SourceDocument', type: 'SUPPLIER_INVOICE', id: '5' }, accountCode: '2202.01', description: 'SI-5', debit: '0.00', credit: '250.00', balance: '350.00' },
    { __typename: 'PartnerStatementLine', date: '2026-03-01', entryId: '12', voucherNo: '记-2026-03-0001', source: { __typename: 'SourceDocument', type: 'SUPPLIER_PAYMENT', id: '6' }, accountCode: '2202.01', description: 'SP-6', debit: '40.00', credit: '0.00', balance: '310.00' },
  ],
};

describe('StatementOfAccount', () => {
  it("asks for the supplier's statement only and shows the balances brought and carried forward", async () => {
    const executeQuery = vi.fn(() => fromValue({ data: { supplier: { __typename: 'Supplier', id: '9', statement } }, stale: false, hasNext: false }));
    render(
      <I18nProvider>
        <Provider value={{ executeQuery } as unknown as Client}>
          <MemoryRouter>
            <StatementOfAccount kind="supplier" id="9" />
          </MemoryRouter>
        </Provider>
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('statement-closing').textContent).toContain('310.00'));
    expect(executeQuery).toHaveBeenCalled();
    for (const call of executeQuery.mock.calls as unknown as [{ variables: { id: string } }][]) expect(call[0].variables.id).toBe('9');
    expect(screen.getByTestId('statement-opening').textContent).toContain('100.00');
    const lines = screen.getByTestId('statement-lines').textContent ?? '';
    expect(lines).toContain('SI-5');
    expect(lines).toContain('350.00');
    // The document is named by its kind and, in the description, its number; never by database id.
    expect(lines).toContain('Supplier invoice');
    expect(lines).not.toContain('#5');
    // The entry is named by its voucher number, not by its id.
    expect(lines).toContain('记-2026-02-0007');
  });
});
