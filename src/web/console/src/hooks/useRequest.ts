import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Request<T> {
  data: T | undefined;
  error: unknown;
  /** True while a request runs; `data` keeps the previous answer meanwhile, so a table does not flash empty. */
  loading: boolean;
  reload(): void;
  setData(d: T): void;
}

/**
 * Runs `fn` when `deps` change and keeps its answer, error and loading state. A newer request
 * aborts the older one, so a slow answer never overwrites a fresher one.
 */
export function useRequest<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Request<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fnRef = useRef(fn);
  fnRef.current = fn;

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    fnRef.current(ctrl.signal).then(
      (d) => {
        if (!ctrl.signal.aborted) {
          setData(d);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
