import type { ActorContext } from '../../kernel/context.js';
import { can } from '../access/index.js';
import { KithError, forbidden, notFound, type FieldProblem } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import type { Tx } from '../../kernel/db/database.js';
import { isRecognisable, normaliseExternalId, profileChanges, type ProfileInput } from './domain/profile-rules.js';
import { applyAttributePatch } from './domain/attribute-rules.js';
import type { Channel } from './identity-resolution.js';
import * as repo from './members.repo.js';
import * as tagsRepo from './tags.repo.js';
import {
  changedFields,
  identityView,
  memberViews,
  profileImage,
  type ContactView,
  type MemberView,
} from './members.view.js';
import { failIfProblems, isUniqueViolation, requireLive, scopeOf, type MembersServiceDeps } from './service-support.js';

/** Creating, reading and editing member profiles and their channel identities. */
export interface IdentityInput {
  channel: Channel;
  externalId: string;
  displayName?: string | null;
}
export interface CreateMemberInput extends ProfileInput {
  attributes?: Record<string, unknown>;
  identities?: IdentityInput[];
  tagIds?: number[];
}
export interface UpdateMemberInput extends ProfileInput {
  /** Merge-patch: keys set to null are removed, others set; absent keys stay. */
  attributes?: Record<string, unknown>;
}

export function createProfilesService(deps: MembersServiceDeps) {
  const { database, clock } = deps;
  const db = database.db;

  async function viewOf(
    tx: Tx,
    row: repo.MemberRow,
    ctx: ActorContext,
    contact: ContactView = 'masked',
  ): Promise<MemberView> {
    return (await memberViews(tx, [row], scopeOf(ctx), contact))[0]!;
  }

  function normaliseIdentities(
    list: IdentityInput[],
    pathPrefix: string,
  ): { identities: IdentityInput[]; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const identities = list.map((i, n) => {
      const externalId = normaliseExternalId(i.channel, i.externalId);
      if (externalId === null)
        problems.push({ path: `${pathPrefix}${n}.externalId`, message: `is not a valid ${i.channel} account id` });
      return { ...i, externalId: externalId ?? i.externalId, displayName: i.displayName?.trim() || null };
    });
    return { identities, problems };
  }

  /** Refuses an identity held by another member, naming them so the operator can merge instead. */
  async function ensureIdentityFree(
    tx: Tx,
    ctx: ActorContext,
    i: IdentityInput,
    memberId: number | null,
    path: string,
  ) {
    const existing = await repo.findIdentity(tx, i.channel, i.externalId);
    if (!existing || existing.member_id === memberId) return existing;
    const owner = await repo.findMember(tx, existing.member_id, scopeOf(ctx));
    const who = owner ? `member ${owner.id}` : 'another member outside your communities';
    const hint =
      owner && memberId
        ? `; merge the two members instead (POST /api/v1/members/${memberId}/merge with mergedId ${owner.id})`
        : owner
          ? '; merge the two members instead'
          : '';
    throw new KithError('IDENTITY_TAKEN', `The ${i.channel} account ${i.externalId} already belongs to ${who}${hint}`, {
      fields: [{ path, message: `already belongs to ${who}` }],
    });
  }

  async function create(ctx: ActorContext, input: CreateMemberInput): Promise<MemberView> {
    // A community manager's view is their communities' members; a member with no community yet would vanish for them.
    if (scopeOf(ctx) !== null) {
      throw new KithError(
        'FORBIDDEN',
        'Community managers add people by adding them to a community; creating a member outside any community needs an operator',
      );
    }
    const now = clock.now();
    const { values, problems } = profileChanges(input, now);
    const ids = normaliseIdentities(input.identities ?? [], 'identities.');
    problems.push(...ids.problems);
    return database.transaction(async (tx) => {
      const defs = await tagsRepo.listDefinitions(tx);
      const attrs = applyAttributePatch(defs, {}, input.attributes ?? {});
      problems.push(...attrs.problems);
      const missingTags = await tagsRepo.missingTags(tx, input.tagIds ?? []);
      if (missingTags.length) problems.push({ path: 'tagIds', message: `tags ${missingTags.join(', ')} do not exist` });
      if (!isRecognisable({ phone: values.phone ?? null, email: values.email ?? null }, ids.identities.length)) {
        problems.push({
          path: 'identities',
          message: 'add at least one channel account, a phone or an email, so the member can be recognised',
        });
      }
      failIfProblems(problems);
      for (const [n, i] of ids.identities.entries())
        await ensureIdentityFree(tx, ctx, i, null, `identities.${n}.externalId`);
      const row = await repo.insertMember(tx, {
        ...values,
        attributes: attrs.attributes,
        created_at: now,
        updated_at: now,
      });
      try {
        for (const i of ids.identities) {
          await repo.insertIdentity(tx, {
            member_id: row.id,
            channel: i.channel,
            external_id: i.externalId,
            display_name: i.displayName ?? null,
            created_at: now,
          });
        }
      } catch (e) {
        if (isUniqueViolation(e))
          throw new KithError(
            'IDENTITY_TAKEN',
            'A channel account was just added to another member, or is listed twice',
            { fields: [{ path: 'identities', message: 'holds an account that is already taken or repeated' }] },
          );
        throw e;
      }
      await repo.addTags(tx, row.id, [...new Set(input.tagIds ?? [])], now);
      const view = await viewOf(tx, row, ctx, 'full');
      await recordAudit(tx, ctx, {
        action: 'member.create',
        targetType: 'member',
        targetId: row.id,
        after: {
          ...profileImage(row),
          identities: view.identities.map((i) => ({ channel: i.channel, externalId: i.externalId })),
          tagIds: view.tags.map((t) => t.id),
        },
      });
      return viewOf(tx, row, ctx);
    });
  }

  /**
   * A member's profile; phones and emails masked unless `reveal` asks for them, which takes the
   * members:contact permission and is written to the audit log (docs/security.md → personal data).
   */
  async function get(ctx: ActorContext, id: number, opts: { reveal?: 'contact' } = {}): Promise<MemberView> {
    const row = await repo.findMember(db, id, scopeOf(ctx));
    if (!row) throw notFound('Member', id);
    if (opts.reveal !== 'contact') return viewOf(db, row, ctx);
    if (!can(ctx.actor, 'members:contact'))
      throw forbidden("Showing a member's phone and email takes the members:contact permission");
    return database.transaction(async (tx) => {
      await recordAudit(tx, ctx, { action: 'member.contact.reveal', targetType: 'member', targetId: id });
      return viewOf(tx, row, ctx, 'full');
    });
  }

  async function update(ctx: ActorContext, id: number, patch: UpdateMemberInput): Promise<MemberView> {
    const now = clock.now();
    const { values, problems } = profileChanges(patch, now);
    return database.transaction(async (tx) => {
      await repo.lockMembers(tx, [id]);
      const before = requireLive(await repo.findMember(tx, id, scopeOf(ctx)), id);
      const set: Record<string, unknown> = { ...values };
      if (patch.attributes !== undefined) {
        const attrs = applyAttributePatch(
          await tagsRepo.listDefinitions(tx),
          before.attributes ?? {},
          patch.attributes,
        );
        problems.push(...attrs.problems);
        set.attributes = attrs.attributes;
      }
      const phone = set.phone === undefined ? before.phone : (set.phone as string | null);
      const email = set.email === undefined ? before.email : (set.email as string | null);
      // Only clearing a contact can make a member unrecognisable; a profile that came in without one
      // (created by an ingest with a member id) can still have its other fields edited.
      const clears = set.phone === null || set.email === null;
      if (clears && !isRecognisable({ phone, email }, await repo.countIdentities(tx, id))) {
        problems.push({
          path: set.phone === null ? 'phone' : 'email',
          message:
            'cannot be cleared: the member has no channel account, so the phone or email is the only way to recognise them',
        });
      }
      failIfProblems(problems);
      const after = await repo.updateMember(tx, id, { ...set, updated_at: now });
      const diff = changedFields(profileImage(before), profileImage(after));
      if (Object.keys(diff.after).length > 0) {
        await recordAudit(tx, ctx, {
          action: 'member.update',
          targetType: 'member',
          targetId: id,
          before: diff.before,
          after: diff.after,
        });
      }
      return viewOf(tx, after, ctx);
    });
  }

  async function addIdentity(ctx: ActorContext, memberId: number, input: IdentityInput) {
    const norm = normaliseIdentities([input], '');
    failIfProblems(norm.problems.map((p) => ({ ...p, path: 'externalId' })));
    const i = norm.identities[0]!;
    return database.transaction(async (tx) => {
      await repo.lockMembers(tx, [memberId]);
      requireLive(await repo.findMember(tx, memberId, scopeOf(ctx)), memberId);
      const existing = await ensureIdentityFree(tx, ctx, i, memberId, 'externalId');
      if (existing) return { identity: identityView(existing), created: false };
      const row = await repo
        .insertIdentity(tx, {
          member_id: memberId,
          channel: i.channel,
          external_id: i.externalId,
          display_name: i.displayName ?? null,
          created_at: clock.now(),
        })
        .catch((e) => {
          if (isUniqueViolation(e))
            throw new KithError(
              'IDENTITY_TAKEN',
              `The ${i.channel} account ${i.externalId} was just added to another member`,
              { fields: [{ path: 'externalId', message: 'already belongs to another member' }] },
            );
          throw e;
        });
      await recordAudit(tx, ctx, {
        action: 'member.identity_add',
        targetType: 'member',
        targetId: memberId,
        after: { channel: i.channel, externalId: i.externalId },
      });
      return { identity: identityView(row), created: true };
    });
  }

  /** Removes a channel account; the last one goes only if a phone or email still recognises the member. */
  async function removeIdentity(ctx: ActorContext, memberId: number, identityId: number): Promise<void> {
    await database.transaction(async (tx) => {
      await repo.lockMembers(tx, [memberId]);
      const m = requireLive(await repo.findMember(tx, memberId, scopeOf(ctx)), memberId);
      const removed = await repo.deleteIdentity(tx, memberId, identityId);
      if (!removed) throw notFound('Identity', identityId);
      if (!isRecognisable(m, await repo.countIdentities(tx, memberId))) {
        throw new KithError(
          'CONFLICT',
          `This is member ${memberId}'s last channel account and the member has no phone or email; add one first, or merge the member into another`,
        );
      }
      await recordAudit(tx, ctx, {
        action: 'member.identity_remove',
        targetType: 'member',
        targetId: memberId,
        before: { channel: removed.channel, externalId: removed.external_id },
      });
    });
  }

  return { create, get, update, addIdentity, removeIdentity };
}
