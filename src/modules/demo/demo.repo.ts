import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** Whether the workspace already holds members (the demo loads only into an empty one). */
export async function workspaceHasMembers(tx: Tx): Promise<boolean> {
  const any = await sql<{ x: number }>`select 1 as x from members limit 1`.execute(tx);
  return any.rows.length > 0;
}

/**
 * Fresh planner statistics for the tables the load just filled. PGlite has no autovacuum: without
 * them the planner takes the tables for empty and picks nested loops (a member search took minutes).
 */
export async function analyzeAll(tx: Tx): Promise<void> {
  await sql`analyze`.execute(tx);
}
