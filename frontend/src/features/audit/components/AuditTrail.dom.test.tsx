import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { I18nProvider } from '../../../i18n';
import { AuditTrail } from './AuditTrail';
import { useDomForAntd } from '../../../test/dom';

useDomForAntd();

const trail = {
  auditTrail: {
    __typename: 'AuditEntryConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
    nodes: [
      {
        __typename: 'AuditEntry',
        id: '7',
        at: '2026-03-07T09:30:00Z',
        user: { __typename: 'User', id: '2', username: 'manager', displayName: 'Mia Manager' },
        via: 'SESSION',
        operation: 'updateProduct',
        action: 'update',
        recordNumber: 'SKU-1',
        changes: [
          { __typename: 'AuditChange', field: 'sell_price', before: '10.00', after: '12.50' },
          { __typename: 'AuditChange', field: 'name_en', before: null, after: 'Tea' },
        ],
      },
      { __typename: 'AuditEntry', id: '3', at: '2026-03-01T08:00:00Z', user: null, via: null, operation: 'createProduct', action: 'create', recordNumber: 'SKU-1', changes: [] },
    ],
  },
};

describe('AuditTrail', () => {
  it('asks for the record it is given and lists who changed what, before and after', async () => {
    const executeQuery = vi.fn(() => fromValue({ data: trail, stale: false, hasNext: false }));
    render(
      <I18nProvider>
        <Provider value={{ executeQuery } as unknown as Client}>
          <AuditTrail recordType="product" recordId="42" />
        </Provider>
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('audit-row-7')).toBeTruthy());
    const asked = (executeQuery.mock.calls[0] as unknown as [{ variables: { filter: unknown } }])[0];
    expect(asked.variables.filter).toEqual({ recordType: 'product', recordId: '42' });
    const row = screen.getByTestId('audit-row-7').textContent ?? '';
    expect(row).toContain('Mia Manager (manager)');
    expect(row).toContain('Browser session');
    expect(row).toContain('updateProduct');
    expect(row).toContain('Update');
    expect(row).toContain('sell_price: 10.00 → 12.50');
    expect(row).toContain('name_en: (empty) → Tea');
    expect(screen.getByTestId('audit-row-3').textContent).toContain('System');
  });
});
