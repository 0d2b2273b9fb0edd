import { useEffect, useState } from 'react';
import { api, call } from '@shared/api/client';

export interface MemberName { name: string; avatarUrl: string | null }

// The queues (redemptions, adjustments) carry member ids only; names are looked up one member at
// a time (the members API has no "these ids" filter), a few at once, each once per visit.
const cache = new Map<number, Promise<MemberName | null>>();
const waiting: (() => void)[] = [];
let running = 0;
const LIMIT = 6;

function slot<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const go = () => {
      running++;
      fn().then(resolve, reject).finally(() => { running--; waiting.shift()?.(); });
    };
    if (running < LIMIT) go(); else waiting.push(go);
  });
}

function nameOf(id: number): Promise<MemberName | null> {
  let p = cache.get(id);
  if (!p) {
    p = slot(() => call(api.GET('/api/v1/members/{id}', { params: { path: { id } } })))
      .then((m) => ({ name: m.displayName, avatarUrl: m.avatarUrl }), () => { cache.delete(id); return null; });
    cache.set(id, p);
  }
  return p;
}

/** Names of the members a list shows, filled in as they arrive (the list does not wait for them). */
export function useMemberNames(ids: readonly number[]): Map<number, MemberName> {
  const [names, setNames] = useState<Map<number, MemberName>>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  useEffect(() => {
    let live = true;
    for (const id of key ? key.split(',').map(Number) : []) {
      void nameOf(id).then((n) => { if (live && n) setNames((m) => (m.get(id) === n ? m : new Map(m).set(id, n))); });
    }
    return () => { live = false; };
  }, [key]);
  return names;
}

/** Forget the names (after a sign-out: the next person's view starts afresh). */
export function forgetMemberNames() {
  cache.clear();
}
