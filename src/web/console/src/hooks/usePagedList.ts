import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useRequest } from './useRequest';

export interface PagedList<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  /** True when the server has more after the rows shown. */
  hasMore: boolean;
  loadingMore: boolean;
  more(): void;
  reload(): void;
}

/**
 * A list the server pages with a cursor (`nextCursor`): the first page when `deps` change, then
 * "load more" appends the next. A reload starts again from the first page, so a row that changed
 * status leaves the list at once.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items: T[]; nextCursor: string | null }>,
  deps: DependencyList,
): PagedList<T> {
  const first = useRequest((signal) => fetchPage(undefined, signal), deps);
  const [extra, setExtra] = useState<{ items: T[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  useEffect(() => {
    setExtra(null);
    setMoreError(null);
  }, [first.data]);

  const cursor = extra ? extra.nextCursor : (first.data?.nextCursor ?? null);
  const more = useCallback(() => {
    if (!cursor) return;
    setLoadingMore(true);
    fetchRef.current(cursor, new AbortController().signal).then(
      (page) => {
        setExtra((e) => ({ items: [...(e?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
        setLoadingMore(false);
      },
      (err: unknown) => {
        setMoreError(err);
        setLoadingMore(false);
      },
    );
  }, [cursor]);

  return {
    items: [...(first.data?.items ?? []), ...(extra?.items ?? [])],
    error: first.error ?? moreError,
    loading: first.loading,
    hasMore: cursor !== null,
    loadingMore,
    more,
    reload: first.reload,
  };
}
