import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../kernel/clock.js';
import { startTestKith, systemCtx, type TestKith } from '../../../test/harness.js';
import { loadProgramme } from './programme.repo.js';
import { member, standardTiers } from './loyalty.test-support.js';

/** The programme's scheduled work runs from the jobs table: nightly expiry and badges, periodic evaluation. */
const clock = fixedClock('2026-12-30T12:00:00+08:00');
let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith({ clock });
  await standardTiers(kith);
});
afterAll(async () => {
  await kith?.dispose();
});

const queued = async (queue: string) =>
  (
    await sql<{ run_at: Date; dedupe_key: string }>`
  select run_at, dedupe_key from jobs where queue = ${queue} and status = 'queued' order by run_at`.execute(
      kith.database.db,
    )
  ).rows;

describe('scheduled programme work', () => {
  it('queues the next night and the next evaluation once, however often Kith starts', async () => {
    await kith.database.transaction((tx) => kith.loyalty.schedule(tx));
    await kith.database.transaction((tx) => kith.loyalty.schedule(tx));
    expect(await queued('loyalty:daily')).toEqual([
      { run_at: new Date('2026-12-31T00:00:00+08:00'), dedupe_key: 'daily:2026-12-31' },
    ]);
    expect(await queued('loyalty:evaluate')).toEqual([
      { run_at: new Date('2027-01-01T00:00:00+08:00'), dedupe_key: 'evaluate:2026-12' },
    ]);
  });

  it('expires due points at night and queues the night after', async () => {
    const m = await member(kith);
    await kith.database.transaction(async (tx) =>
      kith.loyalty.ledger.credit(tx, await loadProgramme(tx), [
        {
          memberId: m,
          kind: 'earn',
          points: 40,
          growth: 0,
          reason: 'old',
          key: `old-${m}`,
          occurredAt: new Date('2025-12-20T10:00:00+08:00'),
          actor: 'test',
        },
      ]),
    );
    expect((await kith.loyalty.accounts.standing(systemCtx, m)).points.expiring).toEqual([
      { expiresAt: new Date('2027-01-01T00:00:00+08:00').toISOString(), lastDay: '2026-12-31', points: 40 },
    ]);
    clock.set('2026-12-31T00:00:05+08:00');
    await kith.jobs.runOnce();
    expect((await kith.loyalty.accounts.standing(systemCtx, m)).points.balance).toBe(40); // still usable on the 31st
    clock.set('2027-01-01T00:00:05+08:00');
    await kith.jobs.runOnce();
    const s = await kith.loyalty.accounts.standing(systemCtx, m);
    expect(s.points.balance).toBe(0);
    expect((await queued('loyalty:daily')).map((j) => j.dedupe_key)).toEqual(['daily:2027-01-02']);
    // the evaluation of December ran at the start of January and the next one is queued
    const run = await kith.database.db
      .selectFrom('loyalty_evaluations')
      .selectAll()
      .where('period', '=', '2026-12')
      .executeTakeFirstOrThrow();
    expect(run.finished_at).not.toBeNull();
    expect(run.evaluated).toBeGreaterThanOrEqual(1);
    expect((await queued('loyalty:evaluate')).map((j) => j.dedupe_key)).toEqual(['evaluate:2027-01']);
  });
});
