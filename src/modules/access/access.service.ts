import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { Actor, ActorContext, Role } from '../../kernel/context.js';
import { KithError, invalid, notFound, forbidden } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { canManageRole, isPermission, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './domain/permissions.js';
import { keyStanding, scopesBeyond, type KeyLink } from './domain/key-chain.js';
import { passwordProblem } from './domain/password-policy.js';
import * as repo from './access.repo.js';

export interface AccessSettings {
  sessionTtlHours: number;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = (bytes = 32) => crypto.randomBytes(bytes).toString('base64url');
// argon2id with the OWASP-recommended memory cost; @node-rs/argon2 defaults to the argon2id variant.
const hashPassword = (p: string) => hash(p, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
// Verifying against this when the account does not exist keeps the timing of both answers alike.
const DUMMY_HASH = hashPassword(randomToken());

/** A key row as a link of its line of creators. */
const keyLink = (r: {
  id: number;
  scopes: string[];
  revoked_at: Date | null;
  created_by: number | null;
  creator_role: string | null;
  creator_disabled_at: Date | null;
}): KeyLink => ({
  id: r.id,
  scopes: r.scopes,
  revoked: r.revoked_at !== null,
  creator: r.created_by === null ? null : { role: r.creator_role as Role, disabled: r.creator_disabled_at !== null },
});

/** What an actor may put on a key it creates: what it holds itself. */
function grantable(actor: Actor): ReadonlySet<string> {
  switch (actor.type) {
    case 'system':
      return new Set(PERMISSIONS);
    case 'staff':
      return ROLE_PERMISSIONS[actor.role];
    case 'api_key':
      return new Set(actor.scopes);
    case 'member':
      return new Set();
  }
}

export type StaffView = Awaited<ReturnType<typeof repo.listStaff>>[number];

/** How long the first-run setup link printed by `kith start` works. */
export const SETUP_TOKEN_TTL_HOURS = 24;

/** A staff member as the actor of a request: a community manager carries their communities, others none. */
function staffActor(id: number, email: string, role: string, communityIds: number[] | null): Actor {
  return {
    type: 'staff',
    id,
    label: email,
    role: role as Role,
    communityIds: role === 'community_manager' ? (communityIds ?? []) : null,
  };
}

export function createAccessService(deps: { database: Database; clock: Clock; settings: AccessSettings }) {
  const { database, clock, settings } = deps;
  const db = database.db;

  async function actorForStaff(staffId: number): Promise<Actor | null> {
    const s = await repo.findStaff(db, staffId);
    if (!s || s.disabled_at) return null;
    return staffActor(
      s.id,
      s.email,
      s.role,
      s.role === 'community_manager' ? await repo.staffCommunityIds(db, s.id) : null,
    );
  }

  function validateEmail(email: string) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('email', 'is not a valid email address');
  }

  async function createStaff(
    ctx: ActorContext,
    input: { email: string; name: string; role: Role; password: string; communityIds?: number[] },
  ) {
    validateEmail(input.email);
    if (!canManageRole(ctx.actor, input.role))
      throw forbidden(`You cannot create an account with the role ${input.role}`);
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw invalid('password', problem);
    const password_hash = await hashPassword(input.password);
    return database.transaction(async (tx) => {
      if (await repo.findStaffByEmail(tx, input.email))
        throw new KithError('ALREADY_EXISTS', `A staff account with the email ${input.email} already exists`);
      const communityIds = input.role === 'community_manager' ? [...new Set(input.communityIds ?? [])] : [];
      const missing = await repo.communitiesExist(tx, communityIds);
      if (missing.length) throw invalid('communityIds', `communities ${missing.join(', ')} do not exist`);
      const view = await insertStaff(tx, { ...input, communityIds }, password_hash);
      await recordAudit(tx, ctx, {
        action: 'staff.create',
        targetType: 'staff',
        targetId: view.id,
        after: publicStaff(view),
      });
      return view;
    });
  }

  async function insertStaff(
    tx: Tx,
    input: { email: string; name: string; role: Role; communityIds: number[] },
    password_hash: string,
  ) {
    const row = await tx
      .insertInto('staff_users')
      .values({ email: input.email.trim(), name: input.name.trim(), role: input.role, password_hash })
      .returning(repo.staffColumns)
      .executeTakeFirstOrThrow();
    await repo.setStaffCommunities(tx, row.id, input.communityIds);
    return { ...row, community_ids: input.communityIds };
  }

  /** A new session for someone who just proved who they are; only the token's hash is stored. */
  async function openSession(tx: Tx, staffId: number, client: { ip: string; userAgent?: string }) {
    const token = randomToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3600_000);
    await tx
      .insertInto('staff_sessions')
      .values({
        id: sha256(token),
        staff_id: staffId,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: client.ip,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
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

  async function updateStaff(
    ctx: ActorContext,
    id: number,
    patch: { name?: string; role?: Role; disabled?: boolean; communityIds?: number[] },
  ) {
    return database.transaction(async (tx) => {
      const before = await repo.findStaff(tx, id);
      if (!before) throw notFound('Staff account', id);
      const beforeView = { ...before, community_ids: await repo.staffCommunityIds(tx, id) };
      if (!canManageRole(ctx.actor, before.role as Role) || (patch.role && !canManageRole(ctx.actor, patch.role))) {
        throw forbidden('You cannot change this account or give this role');
      }
      if (
        ctx.actor.type === 'staff' &&
        ctx.actor.id === id &&
        (patch.disabled || (patch.role && patch.role !== before.role))
      ) {
        throw forbidden('You cannot disable your own account or change your own role');
      }
      const role = patch.role ?? (before.role as Role);
      const disabled_at =
        patch.disabled === undefined ? before.disabled_at : patch.disabled ? (before.disabled_at ?? clock.now()) : null;
      const row = await tx
        .updateTable('staff_users')
        .set({ name: patch.name?.trim() ?? before.name, role, disabled_at, updated_at: clock.now() })
        .where('id', '=', id)
        .returning(repo.staffColumns)
        .executeTakeFirstOrThrow();
      if (before.role === 'owner' && (role !== 'owner' || disabled_at) && (await repo.countActiveOwners(tx)) === 0) {
        throw new KithError('CONFLICT', 'Kith needs at least one active owner');
      }
      let communityIds = beforeView.community_ids;
      if (role !== 'community_manager') communityIds = [];
      else if (patch.communityIds) communityIds = [...new Set(patch.communityIds)];
      const missing = await repo.communitiesExist(tx, communityIds);
      if (missing.length) throw invalid('communityIds', `communities ${missing.join(', ')} do not exist`);
      await repo.setStaffCommunities(tx, id, communityIds);
      if (disabled_at) await tx.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
      const after = { ...row, community_ids: communityIds };
      await recordAudit(tx, ctx, {
        action: 'staff.update',
        targetType: 'staff',
        targetId: id,
        before: publicStaff(beforeView),
        after: publicStaff(after),
      });
      return after;
    });
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
      await tx.deleteFrom('login_failures').where('key', '=', key).execute();
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
    return { ...session, actor: (await actorForStaff(staff.id))! };
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
      if (problem) throw invalid('password', problem);
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
        const owner = await insertStaff(
          tx,
          { email: input.email, name: input.name, role: 'owner', communityIds: [] },
          password_hash,
        );
        const session = await openSession(tx, owner.id, input);
        await tx.deleteFrom('login_failures').where('key', '=', key).execute();
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
      return { token: done.token, expiresAt: done.expiresAt, actor: (await actorForStaff(done.staffId))! };
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
      await db
        .updateTable('staff_sessions')
        .set({ last_seen_at: now, expires_at: new Date(now.getTime() + settings.sessionTtlHours * 3600_000) })
        .where('id', '=', id)
        .execute();
    }
    return { actor, sessionId: id };
  }

  async function logout(ctx: ActorContext, token: string) {
    await database.transaction(async (tx) => {
      const r = await tx.deleteFrom('staff_sessions').where('id', '=', sha256(token)).executeTakeFirst();
      if (Number(r.numDeletedRows) > 0)
        await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'staff', targetId: ctx.actor.id });
    });
  }

  async function changePassword(
    ctx: ActorContext,
    input: { currentPassword: string; newPassword: string },
    keepSessionToken?: string,
  ) {
    if (ctx.actor.type !== 'staff') throw forbidden('Only staff accounts have passwords');
    const staffId = ctx.actor.id;
    const staff = await repo.findStaff(db, staffId);
    if (!staff) throw notFound('Staff account', staffId);
    if (!(await verify(staff.password_hash, input.currentPassword).catch(() => false))) {
      throw new KithError('VALIDATION_FAILED', 'currentPassword: is wrong', {
        fields: [{ path: 'currentPassword', message: 'is wrong' }],
      });
    }
    const problem = passwordProblem(input.newPassword, staff.email);
    if (problem) throw invalid('newPassword', problem);
    const password_hash = await hashPassword(input.newPassword);
    await database.transaction(async (tx) => {
      await tx
        .updateTable('staff_users')
        .set({ password_hash, password_changed_at: clock.now(), updated_at: clock.now() })
        .where('id', '=', staffId)
        .execute();
      // Other sessions end: a changed password should lock out whoever knew the old one.
      let q = tx.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
      if (keepSessionToken) q = q.where('id', '!=', sha256(keepSessionToken));
      await q.execute();
      await recordAudit(tx, ctx, { action: 'staff.password_change', targetType: 'staff', targetId: staffId });
    });
  }

  async function createApiKey(ctx: ActorContext, input: { name: string; scopes: string[] }) {
    const bad = input.scopes.filter((s) => !isPermission(s));
    if (bad.length) throw invalid('scopes', `unknown scopes: ${bad.join(', ')}`);
    if (input.scopes.length === 0) throw invalid('scopes', 'must name at least one scope');
    // Nobody hands out more than they hold: a key made by a key is bounded by it, and so on up.
    const beyond = scopesBeyond(input.scopes, grantable(ctx.actor));
    if (beyond.length) {
      throw new KithError(
        'FORBIDDEN',
        `You can grant only scopes you hold yourself; you do not hold ${beyond.join(', ')}`,
        {
          fields: [{ path: 'scopes', message: `not held by you: ${beyond.join(', ')}` }],
          extra: { params: { scopes: beyond } },
        },
      );
    }
    const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
    const key = `kith_${prefix}_${randomToken(32)}`;
    return database.transaction(async (tx) => {
      const row = await tx
        .insertInto('api_keys')
        .values({
          name: input.name.trim(),
          prefix,
          key_hash: sha256(key),
          scopes: [...new Set(input.scopes)],
          created_by: ctx.actor.type === 'staff' ? ctx.actor.id : null,
          created_by_key: ctx.actor.type === 'api_key' ? ctx.actor.id : null,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const view = (await listApiKeysIn(tx)).find((k) => k.id === row.id)!;
      await recordAudit(tx, ctx, {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: row.id,
        after: { name: view.name, prefix, scopes: view.scopes, createdBy: view.createdBy },
      });
      return { key, apiKey: view };
    });
  }

  /** Keys with who made each and whether it works now (see domain/key-chain.ts). */
  async function listApiKeysIn(tx: Tx) {
    const rows = await repo.listKeys(tx);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const link = keyLink;
    const chainOf = (r: (typeof rows)[number]) => {
      const chain = [link(r)];
      for (
        let p = r.created_by_key === null ? undefined : byId.get(r.created_by_key);
        p && chain.length < 32;
        p = p.created_by_key === null ? undefined : byId.get(p.created_by_key)
      )
        chain.push(link(p));
      return chain;
    };
    return rows.map((r) => {
      const standing = keyStanding(chainOf(r));
      const parent = r.created_by_key === null ? undefined : byId.get(r.created_by_key);
      return {
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        scopes: r.scopes,
        created_at: r.created_at,
        last_used_at: r.last_used_at,
        revoked_at: r.revoked_at,
        createdBy:
          r.created_by !== null
            ? {
                type: 'staff' as const,
                id: r.created_by,
                name: r.creator_name ?? r.creator_email ?? `#${r.created_by}`,
              }
            : parent
              ? { type: 'api_key' as const, id: parent.id, name: `${parent.name} (${parent.prefix}…)` }
              : null,
        active: standing.active,
        inactiveReason: standing.reason,
      };
    });
  }

  async function listApiKeys() {
    return listApiKeysIn(db);
  }

  async function revokeApiKey(ctx: ActorContext, id: number) {
    await database.transaction(async (tx) => {
      const row = await tx
        .selectFrom('api_keys')
        .select(['id', 'name', 'revoked_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('API key', id);
      if (row.revoked_at) return;
      await tx.updateTable('api_keys').set({ revoked_at: clock.now() }).where('id', '=', id).execute();
      await recordAudit(tx, ctx, {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
        before: { name: row.name },
      });
    });
  }

  async function authenticateApiKey(key: string): Promise<Actor | null> {
    if (!key.startsWith('kith_')) return null;
    const chain = await repo.keyChainByHash(db, sha256(key));
    const row = chain[0];
    if (!row) return null;
    const standing = keyStanding(chain.map(keyLink));
    if (!standing.active) return null;
    const now = clock.now();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
      await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return {
      type: 'api_key',
      id: row.id,
      label: `api-key:${row.name} (${row.prefix})`,
      scopes: standing.scopes,
      communityIds: null,
    };
  }

  async function queryAudit(f: {
    actorType?: string;
    actorId?: number;
    action?: string;
    targetType?: string;
    targetId?: string;
    from?: Date;
    to?: Date;
    before?: number;
    limit: number;
  }) {
    let q = db.selectFrom('audit_log').selectAll();
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
    const rows = await q
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
    const more = rows.length > f.limit;
    const items = rows.slice(0, f.limit);
    return { items, nextCursor: more ? String(items[items.length - 1]!.id) : null };
  }

  return {
    createStaff,
    updateStaff,
    listStaff: () => repo.listStaff(db),
    login,
    logout,
    authenticateSession,
    changePassword,
    createApiKey,
    listApiKeys,
    revokeApiKey,
    authenticateApiKey,
    queryAudit,
    actorForStaff,
    issueSetupToken,
    completeSetup,
    hasAnyStaff: () => repo.anyStaff(db),
  };
}

export type AccessService = ReturnType<typeof createAccessService>;

function publicStaff(s: {
  id: number;
  email: string;
  name: string;
  role: string;
  disabled_at: Date | null;
  community_ids: number[];
}) {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    disabled: !!s.disabled_at,
    communityIds: s.community_ids,
  };
}
