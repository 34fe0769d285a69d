import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { I18nProvider } from '../i18n';
import { AuditTrailQuery } from '../features/audit/queries';
import { usePagedQuery } from './pagedQuery';
import { positionCursor } from './paging';
import { useDomForAntd } from '../test/dom';

useDomForAntd();

type Vars = { filter: { recordType: string; recordId: string }; first: number; after: string | null };

let goTo: (page: number) => void = () => {};

function List({ recordId }: { recordId: string }) {
  const list = usePagedQuery({ query: AuditTrailQuery, variables: { filter: { recordType: 'product', recordId } }, connection: (d) => d.auditTrail, pageSize: 2 });
  goTo = (p) => list.paging.onChange(p, 2);
  return <div data-testid="state">{`${list.paging.page}:${list.totalCount}:${list.rows.length}`}</div>;
}

describe('usePagedQuery', () => {
  it('asks for the page with the remembered cursor, and starts again at page 1 when the filter changes', async () => {
    const executeQuery = vi.fn(({ variables }: { variables: Vars }) => {
      const a = variables.after;
      const start = a == null ? 0 : (a.startsWith('server-') ? Number(a.slice(7)) : Number(atob(a).slice(4))) + 1;
      const nodes = [start, start + 1].map((i) => ({ __typename: 'AuditEntry', id: String(i), at: '', user: null, via: null, operation: '', action: '', recordType: 'product', recordId: variables.filter.recordId, changes: [] }));
      return fromValue({ data: { auditTrail: { __typename: 'AuditEntryConnection', totalCount: 5, pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: `server-${start + 1}` }, nodes } }, stale: false, hasNext: false });
    });
    const client = { executeQuery } as unknown as Client;
    const ui = (id: string) => (
      <I18nProvider>
        <Provider value={client}>
          <List recordId={id} />
        </Provider>
      </I18nProvider>
    );
    const { rerender } = render(ui('7'));
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('1:5:2'));
    const vars = () => (executeQuery.mock.calls.at(-1)![0] as { variables: Vars }).variables;
    expect(vars()).toMatchObject({ first: 2, after: null, filter: { recordId: '7' } });

    // Page 3 (no cursor seen for it) starts from its position; page 2 from the cursor page 1 gave back.
    act(() => goTo(3));
    await waitFor(() => expect(vars().after).toBe(positionCursor(3)));
    act(() => goTo(2));
    await waitFor(() => expect(vars().after).toBe('server-1'));
    expect(screen.getByTestId('state').textContent).toBe('2:5:2');

    rerender(ui('8'));
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('1:5:2'));
    expect(vars()).toMatchObject({ after: null, filter: { recordId: '8' } });
  });
});
