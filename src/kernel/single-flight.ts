/**
 * Shares one computation among identical reads that arrive while it runs: fifty people opening the
 * overview at once cost the database one overview, not fifty. A read joining a computation gets
 * figures at most one computation old (tens of milliseconds) — no older than if it had queued
 * behind the others — and nothing is kept once the computation ends: this is not a cache.
 * Callers must treat the shared result as read-only.
 */
export function singleFlight<T>(): (key: string, compute: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, compute) => {
    const shared = running.get(key);
    if (shared) return shared;
    const p = compute().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };
}
