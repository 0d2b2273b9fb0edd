import { AUDIT_TARGET_TYPES } from '../../../../shared/audit-vocabulary';

/**
 * The audit log's filter as it lives in the address (/settings/audit?action=member.*), so an entry
 * list can be shared with whoever investigates. Unreadable values are dropped.
 */
export const ACTOR_TYPES = ['staff', 'api_key', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Action families for the quick filter; the server takes an exact action or `prefix.*`. */
export const ACTION_PREFIXES = [
  'member.*',
  'community.*',
  'import.*',
  'tag.*',
  'attribute.*',
  'staff.*',
  'api_key.*',
  'auth.*',
  'activity.*',
  'loyalty.*',
  'analytics.*',
  'member_session.*',
] as const;
export const TARGET_TYPES = AUDIT_TARGET_TYPES;

export interface AuditQuery {
  actorType?: ActorType;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** `member.update`, `loyalty.tier.create`, or a family: `loyalty.*`, `loyalty.tier.*`. */
const ACTION = /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/;
const instant = (s: string | null) =>
  s && /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;

export function parseAuditQuery(p: URLSearchParams): AuditQuery {
  const actorType = p.get('actorType');
  const action = p.get('action')?.trim();
  const targetType = p.get('targetType')?.trim();
  const targetId = p.get('targetId')?.trim();
  return {
    actorType: (ACTOR_TYPES as readonly string[]).includes(actorType ?? '') ? (actorType as ActorType) : undefined,
    action: action && action.length <= 100 && ACTION.test(action) ? action : undefined,
    targetType: targetType && /^[a-z_]{1,50}$/.test(targetType) ? targetType : undefined,
    targetId: targetId && targetId.length <= 100 ? targetId : undefined,
    from: instant(p.get('from')),
    to: instant(p.get('to')),
  };
}

export function auditQueryToParams(q: AuditQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['actorType', 'action', 'targetType', 'targetId', 'from', 'to'] as const) if (q[k]) p.set(k, q[k]!);
  return p;
}

/** Where an audit target can be looked at in the console, if anywhere. */
export function targetPath(targetType: string, targetId: string | null): string | null {
  if (!targetId || !/^\d+$/.test(targetId)) return null;
  if (targetType === 'member') return `/members/${targetId}`;
  if (targetType === 'community') return `/communities/${targetId}`;
  return null;
}
