import crypto from 'node:crypto';
import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Actor, ActorContext } from '../../kernel/context.js';
import { KithError, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import * as repo from './member-sessions.repo.js';

/**
 * Member-centre sign-in 会员中心登录. Kith does not run a channel's own login (WeChat OAuth, an SMS
 * code): the integration that did issues a token for the member through the API, and the member
 * centre sends it as `Authorization: Bearer kithm_…`. Operators can issue one too, to preview the
 * member centre as a member sees it. Only a hash of the token is stored; it expires.
 */
export const MEMBER_TOKEN_PREFIX = 'kithm_';
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const MAX_DAYS = 90;

export function createMemberSessions(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;

  async function issueMemberToken(
    ctx: ActorContext,
    memberId: number,
    days = 30,
  ): Promise<{ token: string; expiresAt: Date }> {
    if (!Number.isSafeInteger(days) || days < 1 || days > MAX_DAYS) {
      throw new KithError('VALIDATION_FAILED', `days: must be from 1 to ${MAX_DAYS}`, {
        fields: [{ path: 'days', message: `must be from 1 to ${MAX_DAYS}` }],
      });
    }
    const token = MEMBER_TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(clock.now().getTime() + days * 86_400_000);
    await database.transaction(async (tx) => {
      const m = await repo.memberStanding(tx, memberId);
      if (!m) throw notFound('Member', memberId);
      if (m.merged_into || m.erased_at)
        throw new KithError('CONFLICT', `Member ${memberId} was merged or erased and cannot sign in`);
      await repo.insertMemberSession(tx, {
        tokenHash: sha256(token),
        memberId,
        createdBy: ctx.actor.label,
        expiresAt,
      });
      await recordAudit(tx, ctx, {
        action: 'member_session.issue',
        targetType: 'member',
        targetId: memberId,
        after: { expiresAt },
      });
    });
    return { token, expiresAt };
  }

  async function authenticateMemberToken(token: string): Promise<Actor | null> {
    const now = clock.now();
    const s = await repo.memberSessionByHash(database.db, sha256(token));
    if (!s || s.expires_at <= now || s.erased_at || s.merged_into) return null;
    return { type: 'member', id: s.member_id, label: `member:${s.member_id}`, communityIds: null };
  }

  /** Ends every member-centre session of a member (e.g. after a merge or on request). */
  async function revokeMemberSessions(ctx: ActorContext, memberId: number): Promise<number> {
    return database.transaction(async (tx) => {
      const n = await repo.deleteMemberSessions(tx, memberId);
      await recordAudit(tx, ctx, { action: 'member_session.revoke', targetType: 'member', targetId: memberId });
      return n;
    });
  }

  return { issueMemberToken, authenticateMemberToken, revokeMemberSessions };
}

export type MemberSessions = ReturnType<typeof createMemberSessions>;
