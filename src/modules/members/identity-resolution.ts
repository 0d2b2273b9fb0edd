import type { Tx } from '../../kernel/db/database.js';
import { CHANNELS } from '../../web/shared/vocabulary.js';
import * as repo from './identities.repo.js';
export { CHANNELS };

export type Channel = (typeof CHANNELS)[number];

export interface IdentityRef {
  channel: Channel;
  externalId: string;
  /** Used as the nickname of a member created for an unknown identity. */
  displayName?: string | null;
}

export const identityKey = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;

/**
 * Finds the member behind each (channel, external id), creating a member with that identity for
 * the unknown ones, in a constant number of set-based statements whatever the batch size.
 * Concurrent callers creating the same identity are safe: the unique (channel, external_id) index
 * decides, and the loser adopts the winner's member (its spare member row is removed).
 *
 * Returns identityKey → member id. Identities of merged members point at the survivor already,
 * because a merge moves identities.
 */
export async function resolveIdentities(
  tx: Tx,
  refs: IdentityRef[],
  opts: { source: string; create?: boolean },
): Promise<Map<string, number>> {
  const unique = new Map<string, IdentityRef>();
  for (const r of refs) {
    const k = identityKey(r.channel, r.externalId);
    if (!unique.has(k)) unique.set(k, r);
  }
  const out = new Map<string, number>();
  if (unique.size === 0) return out;
  const list = [...unique.values()];
  // One JSON parameter rather than parallel arrays: far cheaper to send for large batches.
  const wanted = JSON.stringify(list.map((r) => ({ c: r.channel, e: r.externalId })));
  for (const r of await repo.findIdentities(tx, wanted)) out.set(identityKey(r.channel, r.external_id), r.member_id);
  if (opts.create === false) return out;

  // In key order: concurrent callers creating overlapping identities then take the unique index's
  // locks in the same order, so one waits for the other instead of both deadlocking.
  const missing = list
    .filter((r) => !out.has(identityKey(r.channel, r.externalId)))
    .sort((a, b) =>
      a.channel === b.channel
        ? a.externalId < b.externalId
          ? -1
          : a.externalId > b.externalId
            ? 1
            : 0
        : a.channel < b.channel
          ? -1
          : 1,
    );
  if (missing.length === 0) return out;
  // One member per missing identity, then the identities; ordinality pairs them up.
  const created = await repo.insertWalkInMembers(
    tx,
    missing.map((r) => r.displayName ?? null),
    opts.source,
  );
  const ids = created.sort((a, b) => Number(a.ord) - Number(b.ord)).map((r) => r.id);
  const inserted = await repo.insertIdentities(tx, ids, missing);
  for (const r of inserted) out.set(identityKey(r.channel, r.external_id), r.member_id);
  if (inserted.length < missing.length) {
    // Someone else created some of these identities meanwhile: use theirs and drop our spare members.
    const lost = missing.filter((r) => !out.has(identityKey(r.channel, r.externalId)));
    const again = await resolveIdentities(tx, lost, { ...opts, create: false });
    for (const [k, v] of again) out.set(k, v);
    const used = new Set(inserted.map((r) => r.member_id));
    const spare = ids.filter((id) => !used.has(id));
    if (spare.length) await repo.deleteSpareMembers(tx, spare);
  }
  return out;
}

/** Members' last activity moves forward only; called by the ingest path once per batch. */
export async function touchLastActive(tx: Tx, pairs: { memberId: number; at: Date }[]): Promise<void> {
  if (pairs.length === 0) return;
  const latest = new Map<number, number>();
  for (const p of pairs) latest.set(p.memberId, Math.max(latest.get(p.memberId) ?? 0, p.at.getTime()));
  const ids = [...latest.keys()];
  await repo.moveLastActiveForward(
    tx,
    ids,
    ids.map((id) => new Date(latest.get(id)!).toISOString()),
  );
}
