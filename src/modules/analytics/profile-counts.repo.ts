import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/**
 * Upkeep of `analytics_profile_counts`, the profiles created per quarter of an hour that triggers
 * on `members` append as deltas (migration 0010): folded nightly into one row per bucket, so
 * readers sum a few thousand rows. The triggers see every write to profiles, so the counts need no
 * recount (and one would have to hold every profile write back while it ran).
 */
export async function compactProfileCounts(tx: Tx): Promise<void> {
  // Deltas appended by transactions still running are invisible here and stay as they are.
  await sql`
    with gone as (delete from analytics_profile_counts returning bucket, profiles, erased)
    insert into analytics_profile_counts (bucket, profiles, erased)
    select bucket, sum(profiles), sum(erased) from gone group by 1 having sum(profiles) <> 0 or sum(erased) <> 0`.execute(
    tx,
  );
}
