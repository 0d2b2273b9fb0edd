import type { Tx } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import { forbidden, notFound } from '../../kernel/errors.js';
import { can, type Permission } from '../access/index.js';
import { getMemberSummaries } from '../members/index.js';
import type {
  AdminRole,
  CommunityChannel,
  CommunityGoal,
  CommunityStage,
  PositioningType,
} from './domain/community-rules.js';
import * as repo from './communities.repo.js';

/** How a community looks to the rest of Kith, and who may see it. */
export interface CommunityAdmin {
  staffId: number | null;
  memberId: number | null;
  role: AdminRole;
  /** The staff member's or member's name, for display. */
  name: string | null;
}

export interface Community {
  id: number;
  name: string;
  channel: CommunityChannel;
  positioningType: PositioningType;
  goal: CommunityGoal;
  stage: CommunityStage;
  description: string;
  rules: string;
  capacity: number | null;
  externalId: string | null;
  owner: CommunityAdmin | null;
  admins: CommunityAdmin[];
  archived: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function toCommunities(db: Tx, rows: repo.CommunityRow[]): Promise<Community[]> {
  const admins = await repo.adminsFor(
    db,
    rows.map((r) => r.id),
  );
  const people = await getMemberSummaries(
    db,
    admins.flatMap((a) => (a.member_id === null ? [] : [a.member_id])),
  );
  return rows.map((r) => {
    const mine = admins
      .filter((a) => a.community_id === r.id)
      .map((a) => ({
        staffId: a.staff_id,
        memberId: a.member_id,
        role: a.role as AdminRole,
        name: a.member_id === null ? a.staff_name : (people.get(a.member_id)?.displayName ?? null),
      }));
    return {
      id: r.id,
      name: r.name,
      channel: r.channel as CommunityChannel,
      positioningType: r.positioning_type as PositioningType,
      goal: r.goal as CommunityGoal,
      stage: r.stage as CommunityStage,
      description: r.description,
      rules: r.rules_text,
      capacity: r.capacity,
      externalId: r.external_id,
      owner: mine.find((a) => a.role === 'owner') ?? null,
      admins: mine.filter((a) => a.role === 'admin'),
      archived: r.archived_at !== null,
      archivedAt: r.archived_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function toCommunity(db: Tx, row: repo.CommunityRow): Promise<Community> {
  return (await toCommunities(db, [row]))[0]!;
}

/** Communities the actor is limited to (community managers), or null for all. */
export const scopeOf = (ctx: ActorContext): number[] | null => ctx.actor.communityIds;

export const canSee = (ctx: ActorContext, communityId: number) => {
  const scope = scopeOf(ctx);
  return scope === null || scope.includes(communityId);
};

/**
 * A community outside the actor's scope answers exactly like a missing one (404), so a community
 * manager cannot even learn which other communities exist.
 */
export function visibleOr404<T extends { id: number }>(ctx: ActorContext, row: T | undefined, id: number): T {
  if (!row || !canSee(ctx, id)) throw notFound('Community', id);
  return row;
}

/** Routes check permissions already; services check again so the CLI and importers obey the same rules. */
export function requirePermission(ctx: ActorContext, permission: Permission) {
  if (!can(ctx.actor, permission)) throw forbidden(`You are not allowed to ${permission.replace(':', ' ')}`);
}
