import crypto from 'node:crypto';
import type { Database } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import type { Logger } from '../../kernel/logger.js';
import { insertMembersBulk, type Channel } from '../members/index.js';
import { applyMembershipActivities, setMembershipRoles, type CommunitiesService } from '../communities/index.js';
import type { AccessService } from '../access/index.js';
import type { IngestService } from '../activity/index.js';
import { checkActivity, MAX_BATCH, type ActivityInput } from '../activity/index.js';
import type { LoyaltyModule } from '../loyalty/index.js';
import { generateDemo, type DemoData, type DemoOptions } from './generator/index.js';
import { setUpDemoProgramme } from './demo-programme.js';

export const DEMO_SOURCE = 'demo';
export const DEMO_OWNER_EMAIL = 'owner@demo.kith.dev';

export interface DemoLoadResult {
  members: number;
  communities: number;
  activities: number;
  owner: { email: string; password: string } | null;
}

/**
 * Loads the generated demo community through the same module doors an operator's data takes:
 * communities through the communities service, members as a system-of-record load, memberships
 * with their history, the membership programme, then every activity through the ingest path
 * (orders, counts, events; the outbox then earns points and growth by the programme's rules).
 */
export async function loadDemo(
  deps: {
    database: Database;
    communities: CommunitiesService;
    access: AccessService;
    ingest: IngestService;
    loyalty: LoyaltyModule;
    log?: Logger;
  },
  ctx: ActorContext,
  opts: DemoOptions = {},
  progress?: (step: string, done: number, total: number) => void,
): Promise<DemoLoadResult> {
  const data: DemoData = generateDemo(opts);
  const communityId = new Map<string, number>();
  for (const c of data.communities) {
    const created = await deps.communities.create(ctx, {
      name: c.name,
      channel: c.channel,
      positioningType: c.positioningType,
      goal: c.goal,
      stage: c.stage,
      description: c.description,
      rules: c.rulesText,
      capacity: c.capacity,
      externalId: c.externalId,
    });
    communityId.set(c.key, created.id);
  }
  progress?.('communities', data.communities.length, data.communities.length);

  const memberId = new Map<string, number>();
  await deps.database.transaction(async (tx) => {
    const ids = await insertMembersBulk(
      tx,
      data.members.map((m) => ({
        name: m.name ?? undefined,
        nickname: m.nickname,
        phone: m.phone ?? undefined,
        email: m.email ?? undefined,
        gender: m.gender,
        birthday: m.birthday ?? undefined,
        city: m.city,
        company: m.company ?? undefined,
        source: m.source,
        consentMarketing: m.consentMarketing,
        accountType: m.accountType,
        identities: m.identities.map((i) => ({
          channel: i.channel as Channel,
          externalId: i.externalId,
          displayName: i.displayName,
        })),
        tags: m.tags,
        attributes: {},
        createdAt: m.createdAt,
      })),
    );
    data.members.forEach((m, i) => memberId.set(m.key, ids[i]!));
    await applyMembershipActivities(
      tx,
      data.memberships.flatMap((s) => [
        {
          communityId: communityId.get(s.communityKey)!,
          memberId: memberId.get(s.memberKey)!,
          kind: 'join' as const,
          at: new Date(s.joinedAt),
          source: s.joinSource,
          invitedByMemberId: s.invitedByMemberKey ? memberId.get(s.invitedByMemberKey)! : null,
        },
        ...(s.leftAt
          ? [
              {
                communityId: communityId.get(s.communityKey)!,
                memberId: memberId.get(s.memberKey)!,
                kind: 'leave' as const,
                at: new Date(s.leftAt),
              },
            ]
          : []),
      ]),
    );
    await setMembershipRoles(
      tx,
      data.memberships
        .filter((s) => s.role !== 'member' && !s.leftAt)
        .map((s) => ({
          communityId: communityId.get(s.communityKey)!,
          memberId: memberId.get(s.memberKey)!,
          role: s.role,
        })),
    );
  });
  progress?.('members', data.members.length, data.members.length);

  const now = new Date(Math.max(Date.now(), ...data.activities.slice(-1).map((a) => Date.parse(a.occurredAt))));
  // The programme exists before the history loads, with rules in force from its first day.
  await setUpDemoProgramme(
    deps.loyalty,
    ctx,
    new Date(Math.min(...data.activities.slice(0, 1).map((a) => Date.parse(a.occurredAt)), now.getTime())),
  );
  let written = 0;
  for (let s = 0; s < data.activities.length; s += MAX_BATCH) {
    const batch: { index: number; input: ActivityInput }[] = [];
    data.activities.slice(s, s + MAX_BATCH).forEach((a, i) => {
      const props =
        a.kind === 'referral' && a.properties.referredMemberKey
          ? { referredMemberId: memberId.get(String(a.properties.referredMemberKey)) ?? null }
          : a.properties;
      const c = checkActivity(
        {
          source: DEMO_SOURCE,
          externalId: a.externalId,
          kind: a.kind,
          memberId: memberId.get(a.memberKey),
          communityId: a.communityKey ? communityId.get(a.communityKey) : undefined,
          channel: a.channel,
          occurredAt: a.occurredAt,
          properties: props,
        },
        {},
        now,
      );
      if (!c.ok) throw new Error(`demo activity ${a.externalId} is invalid: ${c.reason}`);
      batch.push({ index: i, input: c.value });
    });
    await deps.database.transaction((tx) => deps.ingest.writeBatch(tx, batch, ctx, false));
    written += batch.length;
    progress?.('activities', written, data.activities.length);
  }

  let owner: DemoLoadResult['owner'] = null;
  if (!(await deps.access.hasAnyStaff())) {
    const password = crypto.randomBytes(12).toString('base64url');
    await deps.access.createStaff(ctx, {
      email: DEMO_OWNER_EMAIL,
      name: '演示管理员 Demo owner',
      role: 'owner',
      password,
    });
    owner = { email: DEMO_OWNER_EMAIL, password };
  }
  return { members: data.members.length, communities: data.communities.length, activities: written, owner };
}
