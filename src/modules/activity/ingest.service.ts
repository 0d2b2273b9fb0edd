import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { topic, type Jobs } from '../../kernel/jobs.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { resolveIdentities, identityKey, type IdentityRef } from '../members/index.js';
import { applyMembershipActivities } from '../communities/index.js';
import { checkActivity, type ActivityInput } from './domain/activity-input.js';
import * as repo from './activity.repo.js';

export const MAX_BATCH = 10_000;
/** Published once per ingested batch, with the ids of the activities it created. */
export interface ActivityIngestedPayload {
  ids: number[];
}
export const ACTIVITY_INGESTED = topic<ActivityIngestedPayload>('activity.ingested');

export type ItemResult =
  | { index: number; status: 'created'; id: number }
  | { index: number; status: 'duplicate' }
  | { index: number; status: 'rejected'; reason: string };

export interface IngestSummary {
  created: number;
  duplicates: number;
  rejected: number;
  results: ItemResult[];
}

const key = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * The one write path of the activity stream. API batches, importers and the demo all come through
 * here: validate each item, drop what was seen before (source + external id), resolve members
 * (creating unknown identities), write activities, orders and memberships, and publish one domain
 * event, all in one transaction and a fixed number of set-based statements per batch.
 */
export function createIngestService(deps: { database: Database; clock: Clock; jobs: Jobs }) {
  const { database, clock, jobs } = deps;

  /** Validates raw items and ingests the valid ones; every item gets a result at its index. */
  async function ingest(
    ctx: ActorContext,
    raw: unknown[],
    opts: { source?: string; audit?: boolean } = {},
  ): Promise<IngestSummary> {
    if (raw.length > MAX_BATCH)
      throw new KithError(
        'PAYLOAD_TOO_LARGE',
        `A batch holds at most ${MAX_BATCH} activities; this one has ${raw.length}`,
      );
    const now = clock.now();
    const results: ItemResult[] = new Array(raw.length);
    const valid: { index: number; input: ActivityInput }[] = [];
    for (let index = 0; index < raw.length; index++) {
      const c = checkActivity(raw[index], { source: opts.source }, now);
      if (c.ok) valid.push({ index, input: c.value });
      else results[index] = { index, status: 'rejected', reason: c.reason };
      // A pause every thousand items, so a batch of ten thousand never holds the event loop
      // (health checks, other requests) for the whole of its validation.
      if (index % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
    }
    if (valid.length > 0) {
      const audit = opts.audit ?? true;
      let written: ItemResult[];
      if (database.kind === 'postgres') {
        // Members for identities never seen before are created in a short transaction of their own,
        // then the batch runs again and finds them. Created inside the batch, a concurrent batch
        // meeting the same new identity waits on the unique (channel, external_id) index until the
        // whole first batch commits: two API clients sending overlapping newcomers took turns
        // (measured: the identity insert was the costliest statement of a two-client run). The
        // batch has only read when it stops, and the members created are those it would create.
        // It runs again on what it read (a key written meanwhile still ends as a duplicate at the insert).
        try {
          written = await database.transaction((tx) => writeBatch(tx, valid, ctx, audit, { newIdentities: 'stop' }));
        } catch (e) {
          if (!(e instanceof NewIdentities)) throw e;
          const created = await database.transaction(async (tx) => {
            const ids = await resolveIdentities(tx, e.refs, { source: e.source });
            // Audited here, with the members, since the batch that needed them may still fail.
            if (audit) {
              const made = [...ids.values()];
              await recordAudit(tx, ctx, {
                action: 'activity.ingest_members',
                targetType: 'member_batch',
                targetId: made.length ? String(made.reduce((a, b) => Math.min(a, b))) : null,
                after: { source: e.source, identities: e.refs.length, members: made.length },
              });
            }
            return ids;
          });
          const read = { existing: e.existing, members: new Map([...e.members, ...created]) };
          written = await database.transaction((tx) => writeBatch(tx, valid, ctx, audit, { read }));
        }
      } else {
        // The embedded database runs one transaction at a time: nothing waits, the batch creates them.
        written = await database.transaction((tx) => writeBatch(tx, valid, ctx, audit));
      }
      for (const r of written) results[r.index] = r;
    }
    return summarise(results);
  }

  /**
   * Ingests already-validated inputs inside the caller's transaction (importers use this). With
   * `newIdentities: 'stop'` it throws NewIdentities, having only read, when the batch holds
   * identities never seen before, instead of creating their members; `read` hands a second run
   * what the first one read (the keys found, and every identity's member).
   */
  async function writeBatch(
    tx: Tx,
    items: { index: number; input: ActivityInput }[],
    ctx: ActorContext,
    audit: boolean,
    opts: { newIdentities?: 'create' | 'stop'; read?: { existing: Set<string>; members: Map<string, number> } } = {},
  ): Promise<ItemResult[]> {
    const out: ItemResult[] = [];
    // 1. Seen before, in the database or earlier in this batch: a duplicate, and nothing else is done for it.
    const existing =
      opts.read?.existing ??
      (await repo.existingKeys(
        tx,
        items.map((i) => i.input.source),
        items.map((i) => i.input.externalId),
      ));
    const seen = new Set(existing);
    let todo: typeof items = [];
    for (const it of items) {
      const k = key(it.input.source, it.input.externalId);
      if (seen.has(k)) out.push({ index: it.index, status: 'duplicate' });
      else {
        seen.add(k);
        todo.push(it);
      }
    }

    // 2. Members: ids must exist (merged ids lead to the survivor); identities resolve or create.
    const memberOf = new Map<number, number>();
    const states = await repo.memberStates(tx, [
      ...new Set(todo.flatMap((i) => (i.input.memberId ? [i.input.memberId] : []))),
    ]);
    const byId = new Map(states.map((s) => [s.id, s]));
    const refs = todo.flatMap((i) => (i.input.member ? [i.input.member] : []));
    const memberSource = refs.length ? `activity:${todo[0]!.input.source}` : '';
    const resolved =
      opts.read?.members ??
      (refs.length
        ? await resolveIdentities(tx, refs, { source: memberSource, create: opts.newIdentities !== 'stop' })
        : new Map<string, number>());
    const refKeys = refs.map((r) => identityKey(r.channel, r.externalId));
    if (opts.newIdentities === 'stop') {
      const missing = refs.filter((_, j) => !resolved.has(refKeys[j]!));
      if (missing.length) throw new NewIdentities(missing, memberSource, existing, resolved);
    }
    let ref = 0;
    const survivors = await followMerges(
      tx,
      states.filter((s) => s.merged_into).map((s) => s.id),
    );
    todo = todo.filter((it) => {
      const { memberId, member } = it.input;
      if (member) {
        memberOf.set(it.index, resolved.get(refKeys[ref++]!)!);
        return true;
      }
      const s = byId.get(memberId!);
      const reject = !s
        ? `memberId: member ${memberId} does not exist`
        : s.erased_at
          ? `memberId: member ${memberId} was erased`
          : null;
      if (reject) {
        out.push({ index: it.index, status: 'rejected', reason: reject });
        return false;
      }
      memberOf.set(it.index, s!.merged_into ? survivors.get(s!.id)! : s!.id);
      return true;
    });

    // 3. Communities must exist.
    const communities = new Map(
      (
        await repo.communityStates(tx, [
          ...new Set(todo.flatMap((i) => (i.input.communityId ? [i.input.communityId] : []))),
        ])
      ).map((c) => [c.id, c]),
    );
    todo = todo.filter((it) => {
      const c = it.input.communityId;
      if (c && !communities.has(c)) {
        out.push({ index: it.index, status: 'rejected', reason: `communityId: community ${c} does not exist` });
        return false;
      }
      return true;
    });

    // 4. A refund needs its order, known already or bought earlier in this batch.
    const refunds = todo.filter((i) => i.input.kind === 'refund');
    if (refunds.length) {
      const known = await repo.knownOrders(
        tx,
        refunds.map((r) => r.input.source),
        refunds.map((r) => r.input.order!.orderId),
      );
      for (const p of todo) if (p.input.kind === 'purchase') known.add(key(p.input.source, p.input.order!.orderId));
      todo = todo.filter((it) => {
        if (it.input.kind !== 'refund' || known.has(key(it.input.source, it.input.order!.orderId))) return true;
        out.push({
          index: it.index,
          status: 'rejected',
          reason: `properties.orderId: no order ${it.input.order!.orderId} from source ${it.input.source} to refund`,
        });
        return false;
      });
    }

    // 5. The activities themselves. A row skipped here was written by a concurrent batch: a duplicate.
    const inserted = await repo.insertActivities(
      tx,
      todo.map((it) => ({
        memberId: memberOf.get(it.index)!,
        communityId: it.input.communityId ?? null,
        channel: it.input.channel,
        kind: it.input.kind,
        occurredAt: it.input.occurredAt,
        properties: it.input.properties,
        source: it.input.source,
        externalId: it.input.externalId,
      })),
    );
    const idOf = new Map<string, number>();
    for (const r of inserted) idOf.set(key(r.source, r.external_id), r.id);
    const created: typeof todo = [];
    const ids: number[] = [];
    for (const it of todo) {
      const id = idOf.get(key(it.input.source, it.input.externalId));
      if (id) {
        created.push(it);
        ids.push(id);
        out.push({ index: it.index, status: 'created', id });
      } else out.push({ index: it.index, status: 'duplicate' });
    }
    if (created.length === 0) return out;

    // 6. Consequences of the new activities only, so a re-sent batch changes nothing.
    const purchases = created.filter((c) => c.input.kind === 'purchase');
    await repo.insertOrders(
      tx,
      purchases.map((p) => ({
        source: p.input.source,
        orderId: p.input.order!.orderId,
        memberId: memberOf.get(p.index)!,
        communityId: p.input.communityId ?? null,
        amount: p.input.order!.amount,
        currency: p.input.order!.currency,
        items: JSON.stringify(p.input.order!.items),
        orderedAt: p.input.occurredAt,
      })),
    );
    await repo.applyRefunds(
      tx,
      created
        .filter((c) => c.input.kind === 'refund')
        .map((r) => ({
          source: r.input.source,
          orderId: r.input.order!.orderId,
          amount: r.input.order!.amount,
          at: r.input.occurredAt,
        })),
    );
    const inCommunity = created.filter((c) => c.input.communityId);
    if (inCommunity.length) {
      await applyMembershipActivities(
        tx,
        inCommunity.map((c) => ({
          communityId: c.input.communityId!,
          memberId: memberOf.get(c.index)!,
          at: c.input.occurredAt,
          kind: c.input.kind === 'join' ? 'join' : c.input.kind === 'leave' ? 'leave' : 'other',
        })),
      );
    }
    await jobs.publish(tx, ACTIVITY_INGESTED, { ids });
    if (audit) {
      await recordAudit(tx, ctx, {
        action: 'activity.ingest',
        targetType: 'activity_batch',
        targetId: String(ids[0]),
        after: {
          created: created.length,
          duplicates: out.filter((o) => o.status === 'duplicate').length,
          rejected: out.filter((o) => o.status === 'rejected').length,
          firstId: ids[0],
          lastId: ids[ids.length - 1],
        },
      });
    }
    return out;
  }

  return { ingest, writeBatch };
}

export type IngestService = ReturnType<typeof createIngestService>;

/** A batch met identities never seen before, and was asked to stop rather than create them. */
class NewIdentities extends Error {
  constructor(
    readonly refs: IdentityRef[],
    readonly source: string,
    readonly existing: Set<string>,
    readonly members: Map<string, number>,
  ) {
    super(`${refs.length} new identities`);
  }
}

/** Maps merged member ids to the member that finally survived (merges can chain). */
async function followMerges(tx: Tx, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  let frontier = ids.map((id) => ({ origin: id, current: id }));
  for (let depth = 0; frontier.length && depth < 20; depth++) {
    const states = new Map(
      (
        await repo.memberStates(
          tx,
          frontier.map((f) => f.current),
        )
      ).map((s) => [s.id, s]),
    );
    const next: typeof frontier = [];
    for (const f of frontier) {
      const into = states.get(f.current)?.merged_into;
      if (into) next.push({ origin: f.origin, current: into });
      else out.set(f.origin, f.current);
    }
    frontier = next;
  }
  return out;
}

function summarise(results: ItemResult[]): IngestSummary {
  let created = 0,
    duplicates = 0,
    rejected = 0;
  for (const r of results) {
    if (r.status === 'created') created++;
    else if (r.status === 'duplicate') duplicates++;
    else rejected++;
  }
  return { created, duplicates, rejected, results };
}
