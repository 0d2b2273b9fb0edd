import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { startTestKith, type TestKith } from '../../../test/harness.js';
import { evaluateMemberRule, messageText, type ActivityFacts, type RuleVersion } from './domain/rules.js';
import { addRule, expectNoDrift, ingest, member } from './loyalty.test-support.js';

/**
 * Applying the rules batch by batch, as the outbox hands ingest batches over, must give exactly
 * what one pass over each member's whole history gives: each batch reads only as much of the
 * ledger as each rule looks back (a day for day caps, a week for week caps, the cooldown, the
 * streak, and a count of everything before for lifetime caps and first-time bonuses), and this
 * test fails if any of those windows is too short.
 */
const clock = fixedClock('2026-12-01T10:00:00+08:00');
const DAY = 86_400_000;
let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  await addRule(kith, '发言', { limits: { perDay: 3 }, antiAbuse: { minTextLength: 2, duplicateWindowMinutes: 30 } });
  await addRule(kith, '签到', { kind: 'check_in', limits: { perDay: 1 }, streak: { bonuses: [0, 1, 2, 5] } });
  await addRule(kith, '活动', {
    kind: 'event_attended',
    points: { mode: 'fixed', amount: 20 },
    limits: { lifetime: 3 },
    firstTimeBonus: { points: 50, growth: 5 },
  });
  await addRule(kith, '点赞', {
    kind: 'reaction',
    points: { mode: 'fixed', amount: 1 },
    growth: null,
    limits: { perWeek: 4, cooldownMinutes: 180 },
  });
});
afterAll(async () => {
  await kith?.dispose();
});

/** A small seeded generator (mulberry32), so a failure can be run again. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['message', 'message', 'message', 'check_in', 'event_attended', 'reaction', 'reaction'];
const TEXTS = ['早上好', '早上好', '好', '今天的豆子不错', '周末一起去露营吗', '收到'];

describe('rules applied batch by batch', () => {
  for (const seed of [7, 2026, 31337]) {
    it(`give what one pass over the whole history gives (seed ${seed})`, async () => {
      const rnd = random(seed);
      const members = [await member(kith), await member(kith), await member(kith)];
      const start = Date.parse('2026-09-01T00:00:00+08:00');
      const items = Array.from({ length: 240 }, () => {
        const kind = KINDS[Math.floor(rnd() * KINDS.length)]!;
        return {
          memberId: members[Math.floor(rnd() * members.length)]!,
          kind,
          occurredAt: new Date(start + Math.floor(rnd() * 50 * DAY)).toISOString(),
          properties: kind === 'message' ? { text: TEXTS[Math.floor(rnd() * TEXTS.length)] } : {},
        };
      }).sort((x, y) => x.occurredAt.localeCompare(y.occurredAt));
      for (let i = 0; i < items.length;) {
        const n = 1 + Math.floor(rnd() * 30);
        await ingest(kith, items.slice(i, i + n));
        i += n;
      }

      const rules = await kith.loyalty.rules.list();
      const acts = (
        await sql<{
          id: number;
          member_id: number;
          community_id: number | null;
          channel: string;
          kind: string;
          occurred_at: Date;
          properties: Record<string, unknown>;
        }>`
        select id, member_id, community_id, channel, kind, occurred_at, properties from activities where member_id = any(${members}::bigint[])`.execute(
          kith.database.db,
        )
      ).rows.map((r): ActivityFacts => ({
        id: r.id,
        memberId: r.member_id,
        communityId: r.community_id,
        channel: r.channel,
        kind: r.kind,
        occurredAt: r.occurred_at.getTime(),
        properties: r.properties,
      }));
      const expected: string[] = [];
      for (const m of members) {
        const mine = acts.filter((a) => a.memberId === m);
        const messages = mine
          .filter((a) => a.kind === 'message')
          .map((a) => ({ at: a.occurredAt, text: messageText(a) }))
          .sort((x, y) => x.at - y.at);
        for (const r of rules) {
          const versions: RuleVersion[] = r.versions.map((v) => ({
            ruleId: r.id,
            version: v.version,
            validFrom: new Date(v.validFrom),
            definition: v.definition,
          }));
          const earned = evaluateMemberRule(
            versions,
            mine.filter((a) => a.kind === r.definition.kind),
            { rewarded: [], olderCount: 0 },
            {
              timeZone: 'Asia/Shanghai',
              multiplierAt: () => 1,
              messagesBefore: (a) => messages.filter((x) => x.at < a.occurredAt),
            },
          );
          expected.push(...earned.map((e) => `${e.memberId} ${e.ruleId} ${e.activityId} ${e.points} ${e.growth}`));
        }
      }
      const posted = (
        await sql<{ member_id: number; rule_id: number; activity_id: number; points: number; growth: number }>`
        select member_id, rule_id, activity_id, points, growth from loyalty_ledger where member_id = any(${members}::bigint[])`.execute(
          kith.database.db,
        )
      ).rows.map((p) => `${p.member_id} ${p.rule_id} ${p.activity_id} ${p.points} ${p.growth}`);
      expect(posted.sort()).toEqual(expected.sort());
      // Every rule limited something, so the comparison is not of everything against everything.
      expect(expected.length).toBeLessThan(acts.length);
      expect(expected.length).toBeGreaterThan(acts.length / 4);
      await expectNoDrift(kith);
    });
  }
});
