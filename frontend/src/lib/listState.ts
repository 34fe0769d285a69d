import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SorterResult } from 'antd/es/table/interface';

/** Which way a list is sorted, as the server's SortDirection. */
export type Direction = 'ASC' | 'DESC';

/**
 * A list screen's filters kept in the URL, so that a filtered, sorted list
 * can be bookmarked, shared and reopened by the back button:
 *   q      text search (number, name, code, SKU, reference)
 *   from   first date, YYYY-MM-DD
 *   to     last date, YYYY-MM-DD
 *   status statuses, comma separated
 *   sort   the server's sort field (DATE, NUMBER, ...)
 *   dir    ASC or DESC
 * and any other key a screen asks for with param/setParam (customer, warehouse...).
 * Every change keeps the other keys; a change of filter drops nothing else.
 */
export function useListState<Field extends string = string>(defaults: { sort?: Field; dir?: Direction } = {}) {
  const [params, setParams] = useSearchParams();

  const update = useCallback(
    (changes: Record<string, string | null | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const search = params.get('q') ?? '';
  const dateFrom = params.get('from') ?? undefined;
  const dateTo = params.get('to') ?? undefined;
  const statusParam = params.get('status') ?? '';
  const statuses = useMemo(() => (statusParam ? statusParam.split(',') : []), [statusParam]);
  const sortField = (params.get('sort') as Field | null) ?? defaults.sort;
  const dir = (params.get('dir') as Direction | null) ?? defaults.dir ?? 'DESC';

  /** The orderBy variable for the list query; undefined leaves the server's default order. */
  const orderBy = useMemo(() => (sortField ? { field: sortField, direction: dir } : undefined), [sortField, dir]);

  return {
    params,
    search,
    setSearch: (v: string) => update({ q: v.trim() || null }),
    dateFrom,
    dateTo,
    setDates: (from?: string | null, to?: string | null) => update({ from, to }),
    statuses,
    setStatuses: (v: readonly string[]) => update({ status: v.length ? v.join(',') : null }),
    orderBy,
    /** A column's controlled sortOrder: give it to the column whose server field this is. */
    sortOrderOf: (field: Field): 'ascend' | 'descend' | null => (sortField === field ? (dir === 'ASC' ? 'ascend' : 'descend') : null),
    /**
     * The table's onChange for sorting: columns carry `key` = the server's
     * sort field; clearing the sort returns to the default order.
     */
    onSort: <T>(sorter: SorterResult<T> | SorterResult<T>[]) => {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      if (!s?.order || !s.columnKey) update({ sort: null, dir: null });
      else update({ sort: String(s.columnKey), dir: s.order === 'ascend' ? 'ASC' : 'DESC' });
    },
    /** Another filter kept in the URL (customerId, warehouseId...). */
    param: (key: string) => params.get(key) ?? undefined,
    setParam: (key: string, value: string | null | undefined) => update({ [key]: value }),
  };
}

export type ListState<Field extends string = string> = ReturnType<typeof useListState<Field>>;
