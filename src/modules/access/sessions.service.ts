import { verify } from '@node-rs/argon2';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Actor, ActorContext, Role } from '../../kernel/context.js';
import { KithError, invalid, invalidAs } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { passwordProblem } from './domain/password-policy.js';
import { publicStaff, staffActor } from './domain/actors.js';
import { DUMMY_HASH, hashPassword, randomToken, sha256 } from './credentials.js';
import type { StaffService } from './staff.service.js';
import { validateEmail } from './staff.service.js';
import * as repo from './access.repo.js';

export interface AccessSettings {
  sessionTtlHours: number;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
}

/** How long the first-run setup link printed by `kith start` works. */
export const SETUP_TOKEN_TTL_HOURS = 24;

/**
 * Signing in 登录: the sign-in with its rate limit, first-run setup, the session cookie's lookup
 * (sliding its expiry) and signing out. Only hashes of session and setup tokens are stored.
 */
export function createSessionsService(deps: {
  database: Database;
  clock: Clock;
  settings: AccessSettings;
  staff: StaffService;
}) {
  const { database, clock, settings, staff: accounts } = deps;
  const db = database.db;

  /** A new session for someone who just proved who they are; only the token's hash is stored. */
  async function openSession(tx: Tx, staffId: number, client: { ip: string; userAgent?: string }) {
    const token = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3600_000);
    await repo.insertSession(tx, {
      id: sha256(token),
      staff_id: staffId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt };
  }

  /**
   * Counts an attempt against `key` (what was tried, from which address) before it is evaluated,
   * and refuses once the key failed too often within the window. Counting first means parallel
   * guesses cannot slip past the check together: at most `loginMaxAttempts` are ever evaluated.
   * A success clears the key; an attempt that was no guess is released by the caller.
   */
  async function takeAttempt(key: string, what: string): Promise<number> {
    const now = clock.now();
    const windowStart = new Date(now.getTime() - settings.loginWindowMinutes * 60_000);
    const id = await database.transaction((tx) =>
      repo.reserveLoginAttempt(tx, key, windowStart, settings.loginMaxAttempts, now),
    );
    if (id === null) {
      throw new KithError(
        'RATE_LIMITED',
        `Too many failed ${what}. Try again in ${settings.loginWindowMinutes} minutes.`,
        {
          extra: { retryAfterSeconds: settings.loginWindowMinutes * 60 },
        },
      );
    }
    return id;
  }

  async function login(input: { email: string; password: string; ip: string; userAgent?: string }) {
    const key = `${input.email.trim().toLowerCase()}|${input.ip}`;
    // The attempt counts as a failure from here on; only a success takes it back (with the others).
    await takeAttempt(key, 'sign-ins');
    const staff = await repo.findStaffByEmail(db, input.email.trim());
    const ok = await verify(staff?.password_hash ?? (await DUMMY_HASH), input.password).catch(() => false);
    if (!staff || !ok || staff.disabled_at)
      throw new KithError('INVALID_CREDENTIALS', 'The email or password is wrong');
    const session = await database.transaction(async (tx) => {
      const opened = await openSession(tx, staff.id, input);
      await repo.clearLoginFailures(tx, key);
      await recordAudit(
        tx,
        {
          actor: { type: 'staff', id: staff.id, label: staff.email, role: staff.role as Role, communityIds: null },
          requestId: null,
        },
        {
          action: 'auth.login',
          targetType: 'staff',
          targetId: staff.id,
          after: { ip: input.ip },
        },
      );
      return opened;
    });
    return { ...session, actor: (await accounts.actorForStaff(staff.id))! };
  }

  /**
   * The one-time secret of first-run setup, printed by `kith start` as a link while no staff account
   * exists. Only its hash is stored; a new one replaces the old. Whoever reaches the server first
   * cannot create the owner without it.
   */
  async function issueSetupToken(): Promise<string> {
    if (await repo.anyStaff(db)) throw new KithError('CONFLICT', 'Kith already has staff accounts; setup is done');
    const token = randomToken();
    const now = clock.now();
    await repo.saveSetupToken(db, sha256(token), now, new Date(now.getTime() + SETUP_TOKEN_TTL_HOURS * 3600_000));
    return token;
  }

  /**
   * First-run setup: creates the owner with the setup token, consumes the token and signs the owner
   * in, all in one transaction. Wrong tokens count against the address like failed sign-ins.
   */
  async function completeSetup(input: {
    token: string;
    email: string;
    name: string;
    password: string;
    ip: string;
    userAgent?: string;
    requestId: string | null;
  }) {
    const key = `setup|${input.ip}`;
    const attempt = await takeAttempt(key, 'setup attempts');
    try {
      if (await repo.anyStaff(db)) throw new KithError('CONFLICT', 'Kith is already set up: sign in instead');
      validateEmail(input.email);
      if (!input.name.trim()) throw invalid('name', 'must not be empty');
      const problem = passwordProblem(input.password, input.email);
      if (problem) throw invalidAs('password', problem.code, problem.params);
      const password_hash = await hashPassword(input.password);
      const done = await database.transaction(async (tx) => {
        // The token first: taking it locks its row, so concurrent setups queue here, and the staff
        // check below then sees an owner created meanwhile.
        const taken = await repo.takeSetupToken(tx, sha256(input.token), clock.now());
        if (await repo.anyStaff(tx)) throw new KithError('CONFLICT', 'Kith is already set up: sign in instead');
        if (!taken)
          throw new KithError(
            'SETUP_TOKEN_INVALID',
            'The setup link is wrong, expired or already used. Restart Kith to print a new one.',
          );
        const owner = await accounts.insertStaff(
          tx,
          { email: input.email, name: input.name, role: 'owner', communityIds: [] },
          password_hash,
        );
        const session = await openSession(tx, owner.id, input);
        await repo.clearLoginFailures(tx, key);
        const actor: Actor = { type: 'staff', id: owner.id, label: owner.email, role: 'owner', communityIds: null };
        await recordAudit(
          tx,
          { actor, requestId: input.requestId },
          {
            action: 'staff.setup',
            targetType: 'staff',
            targetId: owner.id,
            after: { ...publicStaff(owner), ip: input.ip },
          },
        );
        return { ...session, staffId: owner.id };
      });
      return { token: done.token, expiresAt: done.expiresAt, actor: (await accounts.actorForStaff(done.staffId))! };
    } catch (e) {
      // Only a wrong token is a guess; a refused form or a finished setup takes its attempt back.
      if (!(e instanceof KithError && e.code === 'SETUP_TOKEN_INVALID'))
        await repo.releaseLoginAttempt(db, attempt).catch(() => {});
      throw e;
    }
  }

  /** Resolves a session cookie to its staff actor, sliding the expiry forward while in use. */
  async function authenticateSession(token: string): Promise<{ actor: Actor; sessionId: string } | null> {
    const id = sha256(token);
    const s = await repo.sessionWithStaff(db, id);
    const now = clock.now();
    if (!s || s.expires_at <= now || s.disabled_at) return null;
    const actor = staffActor(s.staff_id, s.email, s.role, s.community_ids);
    if (now.getTime() - s.last_seen_at.getTime() > 60_000) {
      await repo.touchSession(db, id, now, new Date(now.getTime() + settings.sessionTtlHours * 3600_000));
    }
    return { actor, sessionId: id };
  }

  async function logout(ctx: ActorContext, token: string) {
    await database.transaction(async (tx) => {
      if (await repo.deleteSession(tx, sha256(token)))
        await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'staff', targetId: ctx.actor.id });
    });
  }

  return { login, logout, authenticateSession, issueSetupToken, completeSetup };
}
