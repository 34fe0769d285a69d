import { describe, expect, it } from 'vitest';
import { fetchAllPages, positionCursor, tablePagination, type CursorPaging } from './paging';
import { translate } from '../i18n';

function fakeServer(total: number) {
  const calls: { after: string | null; first: number }[] = [];
  const fetchPage = async (after: string | null, first: number) => {
    calls.push({ after, first });
    const start = after ? Number(atob(after).slice(4)) + 1 : 0;
    const n = Math.min(first, 200, total - start);
    const nodes = Array.from({ length: Math.max(0, n) }, (_, i) => start + i);
    const end = start + nodes.length - 1;
    return { nodes, totalCount: total, pageInfo: { hasNextPage: end < total - 1, endCursor: nodes.length ? positionCursor(end) : null } };
  };
  return { calls, fetchPage };
}

describe('fetchAllPages', () => {
  it('walks the pages 200 at a time', async () => {
    const s = fakeServer(450);
    const r = await fetchAllPages(s.fetchPage);
    expect(r.rows).toHaveLength(450);
    expect(r.rows[449]).toBe(449);
    expect(r.capped).toBe(false);
    expect(s.calls.map((c) => c.first)).toEqual([200, 200, 200]);
    expect(s.calls[1].after).toBe(positionCursor(199));
  });

  it('stops at the cap and says so', async () => {
    const s = fakeServer(1000);
    const r = await fetchAllPages(s.fetchPage, 300);
    expect(r.rows).toHaveLength(300);
    expect(r.capped).toBe(true);
    expect(r.totalCount).toBe(1000);
    expect(s.calls.map((c) => c.first)).toEqual([200, 100]);
  });

  it('handles an empty list', async () => {
    const r = await fetchAllPages(fakeServer(0).fetchPage);
    expect(r).toEqual({ rows: [], totalCount: 0, capped: false });
  });
});

describe('tablePagination', () => {
  it("gives antd the page, its size, the connection's total and the paging's own change handler", () => {
    const onChange = () => {};
    const paging = { page: 3, pageSize: 50, onChange } as unknown as CursorPaging;
    const p = tablePagination(paging, 1234, (k, params) => translate('en', k, params), true);
    expect(p).toMatchObject({ current: 3, pageSize: 50, total: 1234, showSizeChanger: true, onChange });
    expect(p.showTotal(1234)).toBe(translate('en', 'common.total', { n: 1234 }));
    expect(tablePagination(paging, 0, (k) => k).showSizeChanger).toBe(false);
  });
});
