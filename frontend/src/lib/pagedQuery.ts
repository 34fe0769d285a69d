import { useCallback, useEffect } from 'react';
import { useClient, useQuery, type RequestPolicy, type TypedDocumentNode } from 'urql';
import { connectionRows } from '../components/ExportButton';
import { useT } from '../i18n';
import { tablePagination, useCursorPaging, type ConnectionPage } from './paging';

/** The page sizes a list with a size changer offers. */
export const PAGE_SIZES = [20, 50, 100, 200];

/** The same empty list each render, so that memos over the rows keep. */
const NONE: never[] = [];

type PageVariables = { first?: number | null; after?: string | null };

/** What a list screen gives usePagedQuery. */
export interface PagedQueryOptions<Data, Vars extends PageVariables, Node> {
  /** A query taking `first` and `after` (and whatever else `variables` holds). */
  query: TypedDocumentNode<Data, Vars>;
  /** Everything but the page: filter, ordering. A change of value starts again at page 1. */
  variables: Omit<Vars, 'first' | 'after'>;
  /** The connection in the query's result. */
  connection: (data: Data) => ConnectionPage<Node>;
  pageSize?: number;
  requestPolicy?: RequestPolicy;
  pause?: boolean;
}

/**
 * The list-page pattern over a Relay connection: cursor paging that starts
 * again at page 1 when the filter changes, the query for the current page,
 * each page's end cursor remembered for the next, the rows, the total, a
 * network refresh, the antd pagination for the table and the rows for an
 * export.
 */
export function usePagedQuery<Data, Vars extends PageVariables, Node>(opts: PagedQueryOptions<Data, Vars, Node>) {
  const t = useT();
  const client = useClient();
  const paging = useCursorPaging(opts.pageSize ?? 20);
  const { reset, remember } = paging;
  // By value, so that callers may pass a fresh object each render.
  const key = JSON.stringify(opts.variables);
  useEffect(reset, [key, reset]);
  const [result, reexecute] = useQuery<Data, Vars>({
    query: opts.query,
    variables: { ...opts.variables, first: paging.first, after: paging.after } as Vars,
    requestPolicy: opts.requestPolicy,
    pause: opts.pause,
  });
  const { data, error, fetching } = result;
  const page = data ? opts.connection(data) : undefined;
  const endCursor = page?.pageInfo.endCursor;
  useEffect(() => remember(endCursor), [data, endCursor, remember]);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const totalCount = page?.totalCount ?? 0;
  return {
    data,
    error,
    fetching,
    /** The current page's rows (none while loading). */
    rows: page?.nodes ?? NONE,
    totalCount,
    paging,
    /** Fetches the current page again from the server. */
    refresh,
    reexecute,
    /** An ExportButton's fetchRows: every row of the same filter, not only this page. */
    exportRows: connectionRows(client, opts.query, opts.variables, opts.connection),
    /** The table's pagination; with the size changer, the sizes of PAGE_SIZES when `sizes` is set. */
    pagination: (showSizeChanger = false, sizes = false) => ({
      ...tablePagination(paging, totalCount, t, showSizeChanger),
      ...(sizes ? { pageSizeOptions: PAGE_SIZES } : {}),
    }),
  };
}

/** What usePagedQuery returns, for components that show it. */
export type PagedList<Node> = Omit<ReturnType<typeof usePagedQuery<unknown, PageVariables, Node>>, 'data'>;
