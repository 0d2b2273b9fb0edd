import type { Kith } from '../../app.js';
import { systemActor, type ActorContext } from '../../kernel/context.js';
import type { CommunityInput } from './communities.service.js';

/** Test factories: `buildCommunity(kith, { capacity: 5 })`, `buildMembers(kith, 3)`. */
export const systemCtx: ActorContext = { actor: systemActor('test'), requestId: null };

let n = 0;
export async function buildCommunity(kith: Kith, overrides: Partial<CommunityInput> = {}) {
  n++;
  return kith.communities.create(systemCtx, {
    name: `Owners' club ${n}`,
    channel: 'wechat',
    positioningType: 'product',
    goal: 'after_sales',
    ...overrides,
  });
}

/** Members are inserted directly: these tests are about communities, not member profiles. */
export async function buildMembers(kith: Kith, count: number, prefix = 'Member'): Promise<number[]> {
  if (count === 0) return [];
  const rows = await kith.database.db
    .insertInto('members')
    .values(Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${++n}-${i}` })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function buildMember(kith: Kith, name?: string): Promise<number> {
  const r = await kith.database.db
    .insertInto('members')
    .values({ name: name ?? `Member ${++n}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function auditOf(kith: Kith, action: string, targetId?: number | string) {
  let q = kith.database.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (targetId !== undefined) q = q.where('target_id', '=', String(targetId));
  return q.orderBy('id').execute();
}
