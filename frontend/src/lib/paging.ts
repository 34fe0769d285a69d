import { useCallback, useMemo, useRef, useState } from 'react';
import type { TFunction } from '../i18n';

/** What every Relay connection page gives back. */
export interface ConnectionPage<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  totalCount: number;
}

/** The server's page cap. */
export const MAX_PAGE = 200;
/** The most rows an export fetches. */
export const EXPORT_CAP = 10_000;

/**
 * The cursor of the item at a 0-based position. The server's cursors are
 * base64("pos:N") (page.go); this lets a table jump straight to page 7. A
 * cursor the server gave out is always preferred, so if the encoding ever
 * changes only page jumps break, not next/previous.
 */
export function positionCursor(position: number): string {
  return btoa(`pos:${position}`);
}

/**
 * Server-side paging state for an antd Table over a connection: the page,
 * its size, and the `after` cursor for it.
 */
export function useCursorPaging(initialPageSize = 20) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  // Cursors seen, keyed by "pageSize:page": the `after` that starts that page.
  const known = useRef(new Map<string, string>());

  const after = useMemo(() => {
    if (page <= 1) return null;
    return known.current.get(`${pageSize}:${page}`) ?? positionCursor((page - 1) * pageSize - 1);
  }, [page, pageSize]);

  /** Call with each loaded page's endCursor so the next page uses it. */
  const remember = useCallback(
    (endCursor: string | null | undefined) => {
      if (endCursor) known.current.set(`${pageSize}:${page + 1}`, endCursor);
    },
    [page, pageSize],
  );

  const reset = useCallback(() => {
    known.current.clear();
    setPage(1);
  }, []);

  const onChange = useCallback(
    (p: number, size: number) => {
      if (size !== pageSize) {
        known.current.clear();
        setPageSize(size);
        setPage(1);
      } else setPage(p);
    },
    [pageSize],
  );

  return { page, pageSize, after, first: pageSize, remember, reset, onChange };
}

/**
 * Fetches every row matching a filter, page by page (200 at a time), up to
 * `cap` rows. `capped` says whether rows were left out.
 */
export async function fetchAllPages<T>(
  fetchPage: (after: string | null, first: number) => Promise<ConnectionPage<T>>,
  cap = EXPORT_CAP,
): Promise<{ rows: T[]; totalCount: number; capped: boolean }> {
  const rows: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const page: ConnectionPage<T> = await fetchPage(after, Math.min(MAX_PAGE, cap - rows.length));
    totalCount = page.totalCount;
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.nodes.length === 0) break;
    if (rows.length >= cap) break;
    after = page.pageInfo.endCursor;
  }
  return { rows: rows.slice(0, cap), totalCount, capped: totalCount > Math.min(rows.length, cap) };
}

/** The paging state useCursorPaging returns. */
export type CursorPaging = ReturnType<typeof useCursorPaging>;

/** An antd Table's pagination over a connection: the page, its size, the total and "N in all". */
export function tablePagination(paging: CursorPaging, total: number, t: TFunction, showSizeChanger = false) {
  return { current: paging.page, pageSize: paging.pageSize, total, showSizeChanger, showTotal: (n: number) => t('common.total', { n }), onChange: paging.onChange };
}
