import { useEffect, useState } from 'react';
import { api, call } from '@shared/api/client';
import type { ImportReport } from './types';

const EVERY_MS = 600;

/** Follows a running import until it completes or fails; null id follows nothing. */
export function useImportProgress(id: number | null) {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setReport(null);
    setError(null);
    if (id === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctrl = new AbortController();
    const tick = async () => {
      try {
        const r = await call(api.GET('/api/v1/imports/{id}', { params: { path: { id } }, signal: ctrl.signal }));
        if (!live) return;
        setReport(r);
        setError(null);
        if (r.status === 'running') timer = setTimeout(tick, EVERY_MS);
      } catch (e) {
        if (!live) return;
        setError(e);
        // A dropped connection should not end the progress bar for good: try again a little later.
        timer = setTimeout(tick, EVERY_MS * 5);
      }
    };
    void tick();
    return () => {
      live = false;
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [id]);

  return { report, error };
}
