import { verify } from '@node-rs/argon2';
import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { stampOnSwitch } from '../../kernel/clock.js';
import type { Actor, ActorContext, Role } from '../../kernel/context.js';
import { KithError, invalid, invalidAs, notFound, forbidden } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import { canManageRole } from './domain/permissions.js';
import { passwordProblem } from './domain/password-policy.js';
import { isEmailAddress, publicStaff, staffActor } from './domain/actors.js';
import { hashPassword, sha256 } from './credentials.js';
import * as repo from './access.repo.js';

export function validateEmail(email: string) {
  if (!isEmailAddress(email)) throw invalid('email', 'is not a valid email address');
}

/**
 * Staff accounts 员工账号: creating them (never above one's own role), changing role, communities
 * and standing, passwords, and the actor a staff member acts as.
 */
export function createStaffService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
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

  /** A new account with its communities (first-run setup makes the owner with it too). */
  async function insertStaff(
    tx: Tx,
    input: { email: string; name: string; role: Role; communityIds: number[] },
    password_hash: string,
  ) {
    const row = await repo.insertStaffRow(tx, {
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      password_hash,
    });
    await repo.setStaffCommunities(tx, row.id, input.communityIds);
    return { ...row, community_ids: input.communityIds };
  }

  async function createStaff(
    ctx: ActorContext,
    input: { email: string; name: string; role: Role; password: string; communityIds?: number[] },
  ) {
    validateEmail(input.email);
    if (!canManageRole(ctx.actor, input.role))
      throw forbidden(`You cannot create an account with the role ${input.role}`);
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw invalidAs('password', problem.code, problem.params);
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
      const disabled_at = stampOnSwitch(patch.disabled, before.disabled_at, clock.now());
      const row = await repo.updateStaffRow(tx, id, {
        name: patch.name?.trim() ?? before.name,
        role,
        disabled_at,
        updated_at: clock.now(),
      });
      if (before.role === 'owner' && (role !== 'owner' || disabled_at) && (await repo.countActiveOwners(tx)) === 0) {
        throw new KithError('CONFLICT', 'Kith needs at least one active owner');
      }
      let communityIds = beforeView.community_ids;
      if (role !== 'community_manager') communityIds = [];
      else if (patch.communityIds) communityIds = [...new Set(patch.communityIds)];
      const missing = await repo.communitiesExist(tx, communityIds);
      if (missing.length) throw invalid('communityIds', `communities ${missing.join(', ')} do not exist`);
      await repo.setStaffCommunities(tx, id, communityIds);
      if (disabled_at) await repo.deleteSessionsOf(tx, id);
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
    if (problem) throw invalidAs('newPassword', problem.code, problem.params);
    const password_hash = await hashPassword(input.newPassword);
    await database.transaction(async (tx) => {
      await repo.setPassword(tx, staffId, password_hash, clock.now());
      // Other sessions end: a changed password should lock out whoever knew the old one.
      await repo.deleteSessionsOf(tx, staffId, keepSessionToken ? sha256(keepSessionToken) : undefined);
      await recordAudit(tx, ctx, { action: 'staff.password_change', targetType: 'staff', targetId: staffId });
    });
  }

  return {
    createStaff,
    updateStaff,
    listStaff: () => repo.listStaff(db),
    changePassword,
    actorForStaff,
    insertStaff,
    hasAnyStaff: () => repo.anyStaff(db),
    /** The name a staff member gave (the header shows it rather than the email); null if none. */
    staffName: async (staffId: number) => (await repo.findStaff(db, staffId))?.name ?? null,
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
