import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { MemberMergesTable } from '../../kernel/db/tables.js';

/** SQL for the merge history (member_merges) that makes every merge undoable. */
export type MergeRow = Selectable<MemberMergesTable>;

/**
 * What a merge stores to be undone: both members as they were, the survivor's values the merge
 * wrote (to tell them from later edits), and each participant's record of what it moved.
 * Erasing a member replaces it with `{ erased: true }`, since it holds the member's personal data.
 */
export interface MergeSnapshot {
  version: 1;
  survivorBefore: Record<string, unknown>;
  mergedBefore: Record<string, unknown>;
  survivorAfter: Record<string, unknown>;
  participants: Record<string, unknown>;
}
export type StoredSnapshot = MergeSnapshot | { erased: true };

export async function insertMerge(
  tx: Tx,
  v: { survivor_id: number; merged_id: number; snapshot: MergeSnapshot; merged_by: string; merged_at: Date },
): Promise<MergeRow> {
  return tx
    .insertInto('member_merges')
    .values({ ...v, snapshot: JSON.stringify(v.snapshot) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function lockMerge(tx: Tx, id: number): Promise<MergeRow | undefined> {
  return tx.selectFrom('member_merges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Merges done after `mergeId` that touched either member and are still in force. */
export async function laterMerges(tx: Tx, mergeId: number, memberIds: number[]): Promise<number[]> {
  const rows = await tx
    .selectFrom('member_merges')
    .select('id')
    .where('id', '>', mergeId)
    .where('undone_at', 'is', null)
    .where((eb) => eb.or([eb('survivor_id', 'in', memberIds), eb('merged_id', 'in', memberIds)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function markUndone(tx: Tx, id: number, by: string, at: Date): Promise<void> {
  await tx.updateTable('member_merges').set({ undone_at: at, undone_by: by }).where('id', '=', id).execute();
}

/** Merges a member took part in, newest first, without their snapshots (which hold personal data). */
export async function mergesOf(tx: Tx, memberIds: number[]) {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('member_merges')
    .select([
      'id',
      'survivor_id',
      'merged_id',
      'merged_by',
      'merged_at',
      'undone_at',
      'undone_by',
      sql<boolean>`snapshot ? 'erased'`.as('erased'),
    ])
    .where((eb) => eb.or([eb('survivor_id', 'in', memberIds), eb('merged_id', 'in', memberIds)]))
    .orderBy('id', 'desc')
    .execute();
}

/** Drops the personal data kept for undo in every merge these members took part in. */
export async function scrubSnapshots(tx: Tx, memberIds: number[]): Promise<number> {
  const r = await tx
    .updateTable('member_merges')
    .set({ snapshot: JSON.stringify({ erased: true }) })
    .where((eb) => eb.or([eb('survivor_id', 'in', memberIds), eb('merged_id', 'in', memberIds)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
