import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/**
 * The getting-started checklist's facts, in one round trip: each an `exists`, so it costs the
 * same on an empty install and at a million members. Tables of other modules are only read.
 */
export async function checklistFacts(tx: Tx, staffId: number | null) {
  const r = await sql<{
    community: boolean;
    members: boolean;
    channel: boolean;
    programme: boolean;
    colleagues: boolean;
    dismissed: boolean;
  }>`
    select
      exists (select 1 from communities where archived_at is null) as community,
      exists (select 1 from members where merged_into is null and erased_at is null) as members,
      exists (select 1 from api_keys where revoked_at is null) as channel,
      exists (select 1 from loyalty_tiers) as programme,
      (select count(*) from staff_users where disabled_at is null) > 1 as colleagues,
      exists (select 1 from overview_checklist_dismissals where staff_id = ${staffId}) as dismissed`.execute(tx);
  return r.rows[0]!;
}

export async function dismissChecklist(tx: Tx, staffId: number, at: Date) {
  await tx
    .insertInto('overview_checklist_dismissals')
    .values({ staff_id: staffId, dismissed_at: at })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .execute();
}
