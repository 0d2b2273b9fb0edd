import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { startTestKith, type TestKith } from '../../../test/harness.js';
import type { Tx } from '../../kernel/db/database.js';
import { buildCommunity, buildMembers, systemCtx } from './communities.test-support.js';
import { applyMembershipActivities, setMembershipRoles, type MembershipActivity } from './index.js';

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

const apply = (rows: MembershipActivity[]) => kith.database.transaction((tx) => applyMembershipActivities(tx, rows));
const stints = (communityId: number) =>
  kith.database.db
    .selectFrom('community_memberships')
    .select(['member_id', 'joined_at', 'left_at', 'join_source', 'invited_by_member_id', 'role'])
    .where('community_id', '=', communityId)
    .orderBy('member_id')
    .orderBy('joined_at')
    .execute();
const at = (iso: string) => new Date(iso);

describe('memberships from the activity stream', () => {
  it('opens, closes and reopens stints from joins and leaves, and counts members from their messages', async () => {
    const c = await buildCommunity(kith);
    const [joiner, talker, inviter] = await buildMembers(kith, 3);
    const result = await apply([
      {
        communityId: c.id,
        memberId: joiner!,
        kind: 'join',
        at: at('2024-01-01T00:00:00Z'),
        source: 'invited',
        invitedByMemberId: inviter!,
      },
      { communityId: c.id, memberId: joiner!, kind: 'leave', at: at('2024-01-05T00:00:00Z') },
      { communityId: c.id, memberId: joiner!, kind: 'join', at: at('2024-01-09T00:00:00Z') },
      { communityId: c.id, memberId: talker!, kind: 'other', at: at('2024-01-07T08:00:00Z') },
      { communityId: c.id, memberId: talker!, kind: 'other', at: at('2024-01-03T08:00:00Z') },
    ]);
    expect(result).toEqual({ opened: 3, closed: 1, backdated: 0 });
    expect(await stints(c.id)).toEqual([
      {
        member_id: joiner,
        joined_at: at('2024-01-01T00:00:00Z'),
        left_at: at('2024-01-05T00:00:00Z'),
        join_source: 'invited',
        invited_by_member_id: inviter,
        role: 'member',
      },
      {
        member_id: joiner,
        joined_at: at('2024-01-09T00:00:00Z'),
        left_at: null,
        join_source: 'activity',
        invited_by_member_id: null,
        role: 'member',
      },
      {
        member_id: talker,
        joined_at: at('2024-01-03T08:00:00Z'),
        left_at: null,
        join_source: 'activity',
        invited_by_member_id: null,
        role: 'member',
      },
    ]);
  });

  it('changes nothing when the same rows are applied again', async () => {
    const c = await buildCommunity(kith);
    const ids = await buildMembers(kith, 30);
    const rows: MembershipActivity[] = ids.flatMap((memberId, i) => [
      { communityId: c.id, memberId, kind: 'join' as const, at: new Date(Date.UTC(2024, 0, 1 + (i % 5))) },
      ...(i % 3 === 0
        ? [{ communityId: c.id, memberId, kind: 'leave' as const, at: new Date(Date.UTC(2024, 0, 10 + (i % 4))) }]
        : []),
      { communityId: c.id, memberId, kind: 'other' as const, at: new Date(Date.UTC(2024, 0, 8)) },
    ]);
    await apply(rows);
    const before = await stints(c.id);
    expect(await apply(rows)).toEqual({ opened: 0, closed: 0, backdated: 0 });
    expect(await apply([...rows].reverse())).toEqual({ opened: 0, closed: 0, backdated: 0 });
    expect(await stints(c.id)).toEqual(before);
    expect(before.filter((s) => s.left_at === null)).toHaveLength(20);
  });

  it('gives an activity-known stint its real start when an older join arrives', async () => {
    const c = await buildCommunity(kith);
    const [m] = await buildMembers(kith, 1);
    await apply([{ communityId: c.id, memberId: m!, kind: 'other', at: at('2024-02-10T00:00:00Z') }]);
    expect(
      await apply([
        { communityId: c.id, memberId: m!, kind: 'join', at: at('2024-02-01T00:00:00Z'), source: 'qr_code' },
      ]),
    ).toMatchObject({ backdated: 1 });
    expect(await stints(c.id)).toMatchObject([
      { joined_at: at('2024-02-01T00:00:00Z'), left_at: null, join_source: 'qr_code' },
    ]);
  });

  it('records what happened even past capacity or in an archived community', async () => {
    const c = await buildCommunity(kith, { capacity: 1 });
    await kith.communities.archive(systemCtx, c.id);
    const ids = await buildMembers(kith, 3);
    await apply(
      ids.map((memberId) => ({ communityId: c.id, memberId, kind: 'join' as const, at: at('2024-03-01T00:00:00Z') })),
    );
    expect((await kith.communities.stats(systemCtx, c.id)).membersNow).toBe(3);
  });

  it('handles 10,000 rows in a handful of statements', async () => {
    const communities = [await buildCommunity(kith), await buildCommunity(kith)];
    const members = await buildMembers(kith, 2500);
    const rows: MembershipActivity[] = [];
    for (let i = 0; i < 10_000; i++) {
      const memberId = members[i % members.length]!;
      const communityId = communities[Math.floor(i / 2500) % 2]!.id;
      const kind = i < 2500 ? 'join' : i >= 9000 && i % 7 === 0 ? 'leave' : 'other';
      rows.push({ communityId, memberId, kind, at: new Date(Date.UTC(2024, 0, 1) + i * 60_000) });
    }
    let statements = 0;
    const counter: KyselyPlugin = {
      transformQuery: (a) => {
        statements++;
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const started = Date.now();
    const result = await kith.database.transaction((tx) =>
      applyMembershipActivities(tx.withPlugin(counter) as unknown as Tx, rows),
    );
    const ms = Date.now() - started;
    console.log(`applyMembershipActivities: 10,000 rows in ${ms} ms, ${statements} statements`);
    expect(statements).toBeLessThanOrEqual(4);
    expect(result.opened).toBe(2500 + 2500); // every (community, member) pair once
    expect(result.closed).toBeGreaterThan(0);
    expect(ms).toBeLessThan(15_000);
    const again = await kith.database.transaction((tx) => applyMembershipActivities(tx, rows));
    expect(again).toEqual({ opened: 0, closed: 0, backdated: 0 });
  });
});

describe('bulk roles', () => {
  it('sets the role of current members only', async () => {
    const c = await buildCommunity(kith);
    const [a, b] = await buildMembers(kith, 2);
    await apply([
      { communityId: c.id, memberId: a!, kind: 'join', at: at('2024-01-01T00:00:00Z') },
      { communityId: c.id, memberId: b!, kind: 'join', at: at('2024-01-01T00:00:00Z') },
      { communityId: c.id, memberId: b!, kind: 'leave', at: at('2024-01-02T00:00:00Z') },
    ]);
    const n = await kith.database.transaction((tx) =>
      setMembershipRoles(tx, [
        { communityId: c.id, memberId: a!, role: 'core' },
        { communityId: c.id, memberId: b!, role: 'admin' },
      ]),
    );
    expect(n).toBe(1);
    expect((await stints(c.id)).map((s) => s.role)).toEqual(['core', 'member']);
  });
});
