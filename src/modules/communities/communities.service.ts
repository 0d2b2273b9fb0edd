import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError, forbidden, invalid, problem, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import {
  capacityUsePercent,
  communityProblems,
  tidyCommunityFields,
  type AdminRole,
  type CommunityFields,
} from './domain/community-rules.js';
import { resolvePeriod, type Period } from './domain/period.js';
import * as repo from './communities.repo.js';
import * as members from './memberships.repo.js';
import {
  requirePermission,
  scopeOf,
  toCommunities,
  toCommunity,
  visibleOr404,
  type Community,
} from './community-views.js';
import { createMembershipService } from './memberships.service.js';
import { memberProblems } from './member-checks.js';

export interface AdminRefInput {
  staffId?: number;
  memberId?: number;
}

export interface CommunityInput {
  name: string;
  channel: string;
  positioningType: string;
  goal: string;
  stage?: string;
  description?: string;
  rules?: string;
  capacity?: number | null;
  externalId?: string | null;
  /** The person who runs it (群主): a staff member or a member; null for none. */
  owner?: AdminRefInput | null;
  admins?: AdminRefInput[];
}
export type CommunityPatch = Partial<CommunityInput>;

export interface CommunityCounts {
  membersNow: number;
  capacityUsePercent: number | null;
  /** Joins and leaves within the period of the request. */
  joined: number;
  left: number;
}
export type CommunityWithCounts = Community & CommunityCounts;

export interface CommunityListQuery {
  channel?: string;
  positioningType?: string;
  goal?: string;
  stage?: string;
  /** Archived communities are hidden unless asked for. */
  archived?: 'active' | 'archived' | 'all';
  q?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface CommunitiesDeps {
  database: Database;
  clock: Clock;
  timeZone: string;
}

const throwProblems = (problems: FieldProblem[]) => {
  if (problems.length)
    throw new KithError('VALIDATION_FAILED', problems.map((p) => `${p.path}: ${p.message}`).join('; '), {
      fields: problems,
    });
};
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';
const snapshot = (c: Community) => JSON.parse(JSON.stringify(c)) as unknown;

export function createCommunityRecords(deps: CommunitiesDeps) {
  const { database, clock, timeZone } = deps;
  const db = database.db;
  const period = (q: { from?: string; to?: string }, maxDays?: number) =>
    resolvePeriod(q, { timeZone, now: clock.now(), defaultDays: 30, maxDays });

  async function create(ctx: ActorContext, input: CommunityInput): Promise<Community> {
    return database.transaction((tx) => createIn(tx, ctx, input, clock.now()));
  }

  async function update(ctx: ActorContext, id: number, patch: CommunityPatch): Promise<Community> {
    requirePermission(ctx, 'communities:write');
    return database.transaction(async (tx) => {
      const row = visibleOr404(ctx, await repo.lockCommunity(tx, id), id);
      const before = await toCommunity(tx, row);
      const fields = tidyCommunityFields({
        name: patch.name ?? row.name,
        channel: patch.channel ?? row.channel,
        positioningType: patch.positioningType ?? row.positioning_type,
        goal: patch.goal ?? row.goal,
        stage: patch.stage ?? row.stage,
        description: patch.description ?? row.description,
        rules: patch.rules ?? row.rules_text,
        capacity: patch.capacity === undefined ? row.capacity : patch.capacity,
        externalId: patch.externalId === undefined ? row.external_id : patch.externalId,
      });
      const problems = communityProblems(fields);
      if (fields.capacity !== null && fields.capacity !== row.capacity) {
        const now = await members.currentMemberCount(tx, id);
        if (fields.capacity < now) problems.push(problem('capacity', 'community.capacity_below', { members: now }));
      }
      const admins =
        patch.owner !== undefined || patch.admins !== undefined
          ? await adminEntries(
              tx,
              ctx,
              patch.owner === undefined ? refOf(before.owner) : patch.owner,
              patch.admins ?? before.admins.map(refOf).filter((r) => r !== null),
              problems,
            )
          : null;
      throwProblems(problems);
      await assertExternalIdFree(tx, fields, id);
      const saved = await repo.updateCommunity(tx, id, fields, clock.now()).catch(uniqueExternalId(fields));
      if (admins) await repo.setAdmins(tx, id, admins);
      const after = await toCommunity(tx, saved);
      await recordAudit(tx, ctx, {
        action: 'community.update',
        targetType: 'community',
        targetId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async function setArchived(ctx: ActorContext, id: number, archived: boolean): Promise<Community> {
    requirePermission(ctx, 'communities:write');
    return database.transaction(async (tx) => {
      const row = visibleOr404(ctx, await repo.lockCommunity(tx, id), id);
      if ((row.archived_at !== null) === archived) return toCommunity(tx, row);
      const before = await toCommunity(tx, row);
      const after = await toCommunity(tx, await repo.setArchived(tx, id, archived ? clock.now() : null, clock.now()));
      await recordAudit(tx, ctx, {
        action: archived ? 'community.archive' : 'community.unarchive',
        targetType: 'community',
        targetId: id,
        before: { archived: before.archived, archivedAt: before.archivedAt },
        after: { archived: after.archived, archivedAt: after.archivedAt },
      });
      return after;
    });
  }

  async function withCounts(tx: Tx, list: Community[], p: Period): Promise<CommunityWithCounts[]> {
    const counts = await repo.countsFor(
      tx,
      list.map((c) => c.id),
      p,
    );
    return list.map((c) => {
      const n = counts.get(c.id) ?? { membersNow: 0, joined: 0, left: 0 };
      return {
        ...c,
        membersNow: n.membersNow,
        capacityUsePercent: capacityUsePercent(n.membersNow, c.capacity),
        joined: n.joined,
        left: n.left,
      };
    });
  }

  async function get(
    ctx: ActorContext,
    id: number,
    q: { from?: string; to?: string } = {},
  ): Promise<CommunityWithCounts & { period: Period }> {
    const p = period(q);
    const row = visibleOr404(ctx, await repo.findCommunity(db, id), id);
    return { ...(await withCounts(db, [await toCommunity(db, row)], p))[0]!, period: p };
  }

  async function list(ctx: ActorContext, q: CommunityListQuery = {}) {
    const p = period(q);
    const limit = q.limit ?? 50;
    const before = q.cursor === undefined ? undefined : decodeCursor(q.cursor, ['id'])[0];
    const rows = await repo.listCommunities(db, {
      scope: scopeOf(ctx),
      channel: q.channel,
      positioningType: q.positioningType,
      goal: q.goal,
      stage: q.stage,
      archived: q.archived ?? 'active',
      q: q.q?.trim() || undefined,
      before,
      limit: limit + 1,
    });
    const { items: page, nextCursor } = pageOf(rows, limit, (last) => [last.id]);
    const items = await withCounts(db, await toCommunities(db, page), p);
    return { items, nextCursor, period: p };
  }

  /** Members now, joins and leaves in the period, and how full the community is. */
  async function stats(ctx: ActorContext, id: number, q: { from?: string; to?: string } = {}) {
    const p = period(q);
    const row = visibleOr404(ctx, await repo.findCommunity(db, id), id);
    const n = (await repo.countsFor(db, [id], p)).get(id)!;
    return {
      communityId: id,
      period: p,
      timeZone,
      membersNow: n.membersNow,
      capacity: row.capacity,
      capacityUsePercent: capacityUsePercent(n.membersNow, row.capacity),
      joined: n.joined,
      left: n.left,
      net: n.joined - n.left,
    };
  }

  /** Joins, leaves and member count per day, days cut in the workspace time zone. */
  async function trend(ctx: ActorContext, id: number, q: { from?: string; to?: string } = {}) {
    const p = period(q, 400);
    visibleOr404(ctx, await repo.findCommunity(db, id), id);
    return { communityId: id, period: p, timeZone, days: await repo.dailyTrend(db, id, p, timeZone) };
  }

  return {
    create,
    update,
    archive: (ctx: ActorContext, id: number) => setArchived(ctx, id, true),
    unarchive: (ctx: ActorContext, id: number) => setArchived(ctx, id, false),
    get,
    list,
    stats,
    trend,
  };
}

/** Creating is refused to community managers: they run the communities they were given. */
function requireCreate(ctx: ActorContext) {
  requirePermission(ctx, 'communities:create');
  if (ctx.actor.communityIds !== null)
    throw forbidden('Community managers cannot create communities; ask an operator or admin');
}

/** Creates a community inside an open transaction (used by the API and by importers). */
export async function createIn(tx: Tx, ctx: ActorContext, input: CommunityInput, now?: Date): Promise<Community> {
  requireCreate(ctx);
  const fields = tidyCommunityFields({
    name: input.name,
    channel: input.channel,
    positioningType: input.positioningType,
    goal: input.goal,
    stage: input.stage ?? 'launch',
    description: input.description ?? '',
    rules: input.rules ?? '',
    capacity: input.capacity ?? null,
    externalId: input.externalId ?? null,
  });
  const problems = communityProblems(fields);
  const admins = await adminEntries(tx, ctx, input.owner ?? null, input.admins ?? [], problems);
  throwProblems(problems);
  await assertExternalIdFree(tx, fields, null);
  const row = await repo.insertCommunity(tx, fields, now).catch(uniqueExternalId(fields));
  await repo.setAdmins(tx, row.id, admins);
  const created = await toCommunity(tx, row);
  await recordAudit(tx, ctx, {
    action: 'community.create',
    targetType: 'community',
    targetId: row.id,
    after: snapshot(created),
  });
  return created;
}

async function assertExternalIdFree(tx: Tx, f: CommunityFields, selfId: number | null) {
  if (f.externalId === null) return;
  const owner = await repo.externalIdOwner(tx, f.channel, f.externalId);
  if (owner !== null && owner !== selfId) throw externalIdTaken(f);
}
const externalIdTaken = (f: CommunityFields) =>
  new KithError('ALREADY_EXISTS', `externalId: another ${f.channel} community already has the id ${f.externalId}`, {
    fields: [problem('externalId', 'community.external_id_taken', { channel: f.channel })],
  });
/** Two requests racing for one external id: the unique index decides, the loser gets a clear 409. */
const uniqueExternalId =
  (f: CommunityFields) =>
  (e: unknown): never => {
    throw isUniqueViolation(e) ? externalIdTaken(f) : e;
  };

const refOf = (a: { staffId: number | null; memberId: number | null } | null): AdminRefInput | null =>
  a === null ? null : a.staffId !== null ? { staffId: a.staffId } : { memberId: a.memberId! };

/**
 * Checks the owner and admins (each names exactly one existing staff account or member) and
 * returns the rows to store. Someone named both owner and admin is simply the owner.
 */
async function adminEntries(
  tx: Tx,
  ctx: ActorContext,
  owner: AdminRefInput | null,
  admins: (AdminRefInput | null)[],
  problems: FieldProblem[],
) {
  const named: { ref: repo.AdminRef; role: AdminRole; path: string }[] = [];
  const add = (r: AdminRefInput | null, role: AdminRole, path: string) => {
    if (r === null) return;
    const hasStaff = r.staffId !== undefined,
      hasMember = r.memberId !== undefined;
    if (hasStaff === hasMember) {
      problems.push({ path, message: 'must name exactly one of staffId or memberId' });
      return;
    }
    named.push({ ref: { staffId: r.staffId ?? null, memberId: r.memberId ?? null }, role, path });
  };
  add(owner, 'owner', 'owner');
  admins.forEach((a, i) => add(a, 'admin', `admins/${i}`));
  const staff = await repo.existingStaffIds(
    tx,
    named.flatMap((n) => (n.ref.staffId === null ? [] : [n.ref.staffId])),
  );
  for (const n of named) {
    if (n.ref.staffId !== null && !staff.has(n.ref.staffId))
      problems.push({ path: `${n.path}/staffId`, message: `no active staff account ${n.ref.staffId}` });
  }
  problems.push(
    ...(await memberProblems(
      tx,
      ctx,
      named.flatMap((n) => (n.ref.memberId === null ? [] : [{ id: n.ref.memberId, path: `${n.path}/memberId` }])),
    )),
  );
  const seen = new Set<string>();
  const out: (repo.AdminRef & { role: AdminRole })[] = [];
  for (const n of named) {
    const key = n.ref.staffId !== null ? `s${n.ref.staffId}` : `m${n.ref.memberId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...n.ref, role: n.role });
  }
  return out;
}

/** The module's use cases: community records and counts, and memberships. */
export function createCommunitiesService(deps: CommunitiesDeps) {
  return { ...createCommunityRecords(deps), ...createMembershipService(deps) };
}
export type CommunitiesService = ReturnType<typeof createCommunitiesService>;
