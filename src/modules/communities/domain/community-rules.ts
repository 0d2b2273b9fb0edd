import { problem, type FieldProblem } from '../../../kernel/errors.js';
import {
  COMMUNITY_CHANNELS,
  POSITIONING_TYPES,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  MEMBERSHIP_ROLES,
  JOIN_SOURCES,
} from '../../../web/shared/vocabulary.js';
export { COMMUNITY_CHANNELS, POSITIONING_TYPES, COMMUNITY_GOALS, COMMUNITY_STAGES, MEMBERSHIP_ROLES, JOIN_SOURCES };

/**
 * The vocabulary of a community (社群) and the rules a community record must satisfy, whoever
 * writes it: the console, the API, or a chat importer creating a group it found in an export.
 */
export type CommunityChannel = (typeof COMMUNITY_CHANNELS)[number];

/** 产品型 / 兴趣型 / 知识型 */
export type PositioningType = (typeof POSITIONING_TYPES)[number];

/** 售后服务 / 产品反馈 / 用户互动 / 品牌推广 */
export type CommunityGoal = (typeof COMMUNITY_GOALS)[number];

/** 建立前期 / 成长期 / 沉淀期 */
export type CommunityStage = (typeof COMMUNITY_STAGES)[number];

/** A member's role inside the group itself: 群主, 管理员, 骨干, 成员. */
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** How a member came into the group; `activity` = we only know it from what they did there. */
export type JoinSource = (typeof JOIN_SOURCES)[number];

/** Who runs the community (staff or members): one owner, any number of admins. */
export const ADMIN_ROLES = ['owner', 'admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const LIMITS = { name: 100, description: 2000, rules: 20000, externalId: 200, capacity: 1_000_000 } as const;

const ROLE_RANK: Record<MembershipRole, number> = { member: 0, core: 1, admin: 2, owner: 3 };
export const higherRole = (a: MembershipRole, b: MembershipRole): MembershipRole =>
  ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
export const higherAdminRole = (a: AdminRole, b: AdminRole): AdminRole =>
  a === 'owner' || b === 'owner' ? 'owner' : 'admin';

/** Share of the capacity in use, one decimal; null for a community without a limit. */
export function capacityUsePercent(membersNow: number, capacity: number | null): number | null {
  if (capacity === null) return null;
  return Math.round((membersNow / capacity) * 1000) / 10;
}

export interface CommunityFields {
  name: string;
  channel: string;
  positioningType: string;
  goal: string;
  stage: string;
  description: string;
  rules: string;
  capacity: number | null;
  externalId: string | null;
}

const oneOf = (list: readonly string[], v: string) => list.includes(v);

/**
 * Checks a whole community record and returns every problem at once, so a form can mark all the
 * wrong fields in one round trip. Text is expected already trimmed (see `tidyCommunityFields`).
 */
export function communityProblems(c: CommunityFields): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (c.name.length === 0) p.push(problem('name', 'text.empty'));
  if (c.name.length > LIMITS.name) p.push(problem('name', 'text.too_long', { max: LIMITS.name }));
  if (!oneOf(COMMUNITY_CHANNELS, c.channel))
    p.push(problem('channel', 'value.one_of', { values: COMMUNITY_CHANNELS.join(', ') }));
  if (!oneOf(POSITIONING_TYPES, c.positioningType))
    p.push(problem('positioningType', 'value.one_of', { values: POSITIONING_TYPES.join(', ') }));
  if (!oneOf(COMMUNITY_GOALS, c.goal)) p.push(problem('goal', 'value.one_of', { values: COMMUNITY_GOALS.join(', ') }));
  if (!oneOf(COMMUNITY_STAGES, c.stage))
    p.push(problem('stage', 'value.one_of', { values: COMMUNITY_STAGES.join(', ') }));
  if (c.description.length > LIMITS.description)
    p.push(problem('description', 'text.too_long', { max: LIMITS.description }));
  if (c.rules.length > LIMITS.rules) p.push(problem('rules', 'text.too_long', { max: LIMITS.rules }));
  if (c.capacity !== null && (!Number.isInteger(c.capacity) || c.capacity < 1 || c.capacity > LIMITS.capacity)) {
    p.push(problem('capacity', 'community.capacity', { max: LIMITS.capacity }));
  }
  if (c.externalId !== null && c.externalId.length > LIMITS.externalId) {
    p.push(problem('externalId', 'text.too_long', { max: LIMITS.externalId }));
  }
  return p;
}

/** Trims text; an empty external id means "none", so two groups without one never collide. */
export function tidyCommunityFields(c: CommunityFields): CommunityFields {
  const externalId = c.externalId?.trim() ?? null;
  return {
    ...c,
    name: c.name.trim(),
    description: c.description.trim(),
    rules: c.rules.trim(),
    externalId: externalId === '' ? null : externalId,
  };
}
