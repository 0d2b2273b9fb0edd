import type { Tx } from './db/database.js';
import type { ActorContext } from './context.js';
import type { AuditAction, AuditTargetType } from '../web/shared/audit-vocabulary.js';

export {
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  type AuditAction,
  type AuditTargetType,
} from '../web/shared/audit-vocabulary.js';

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a write in the audit log. Call it inside the same transaction as the write, so the log
 * and the data can never disagree.
 */
export async function recordAudit(tx: Tx, ctx: ActorContext, e: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      actor_label: ctx.actor.label,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      request_id: ctx.requestId,
    })
    .execute();
}

/**
 * Erasure reaches the audit log too: earlier entries about the erased targets keep who did what and
 * when, but their before/after images (which hold the personal data) are replaced by a marker.
 */
export async function redactAuditImages(tx: Tx, targetType: string, targetIds: (string | number)[]): Promise<number> {
  if (targetIds.length === 0) return 0;
  const marker = JSON.stringify({ redacted: 'personal data erased' });
  const r = await tx
    .updateTable('audit_log')
    .set({ before: marker, after: marker })
    .where('target_type', '=', targetType)
    .where('target_id', 'in', targetIds.map(String))
    .where((eb) => eb.or([eb('before', 'is not', null), eb('after', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface AuditQuery {
  actorType?: string;
  actorId?: number;
  /** An action, or a family of them: `loyalty.*`. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  /** Entries before this id (the page after the one ending there). */
  before?: number;
  limit: number;
}

/** Audit entries matching the query, newest first (`limit` rows). */
export async function queryAuditLog(tx: Tx, f: AuditQuery) {
  let q = tx.selectFrom('audit_log').selectAll();
  if (f.actorType) q = q.where('actor_type', '=', f.actorType as 'staff');
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.action)
    q = f.action.endsWith('.*')
      ? q.where('action', 'like', `${f.action.slice(0, -1)}%`)
      : q.where('action', '=', f.action);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}
