import type { ActorContext } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/database.js';
import { KithError, failIfProblems, notFound } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import {
  CHOOSABLE_FIELDS,
  mergeProfiles,
  type MergeChoices,
  type MergeableProfile,
  type MergeField,
} from './domain/merge-rule.js';
import * as repo from './members.repo.js';
import * as merges from './merge.repo.js';
import { maskEmail, maskPhone } from './domain/contact-mask.js';
import { memberViews, profileImage } from './members.view.js';
import { scopeOf, type MembersServiceDeps } from './service-support.js';

/**
 * Merging duplicate members into one, and undoing a merge. A merge moves everything the other
 * modules hold about the merged member through the registered participants, all in one
 * transaction, and keeps a snapshot from which the undo puts both members back.
 */
const MERGE_FIELDS: MergeField[] = [
  'name',
  'nickname',
  'avatar_url',
  'gender',
  'birthday',
  'phone',
  'email',
  'city',
  'company',
  'source',
  'attributes',
  'consent_marketing',
  'consent_data_processing',
  'lifecycle_stage',
  'account_type',
  'created_at',
  'last_active_at',
];
const API_NAMES: Record<MergeField, string> = {
  name: 'name',
  nickname: 'nickname',
  avatar_url: 'avatarUrl',
  gender: 'gender',
  birthday: 'birthday',
  phone: 'phone',
  email: 'email',
  city: 'city',
  company: 'company',
  source: 'source',
  attributes: 'attributes',
  consent_marketing: 'consentMarketing',
  consent_data_processing: 'consentDataProcessing',
  lifecycle_stage: 'lifecycleStage',
  account_type: 'accountType',
  created_at: 'createdAt',
  last_active_at: 'lastActiveAt',
};
/** The merged member's columns an undo puts back (it cannot be edited while merged). */
const MERGED_RESTORE = [...MERGE_FIELDS, 'merged_into', 'erased_at'];

const pick = (record: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((f) => [f, record[f]]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const notAllowed = (message: string) => new KithError('MERGE_NOT_ALLOWED', message);

export function createMergeService(deps: MembersServiceDeps) {
  const { database, clock, participants } = deps;

  /** Both members, checked: distinct, visible to the actor, neither merged away nor erased. */
  async function loadPair(tx: Tx, ctx: ActorContext, survivorId: number, mergedId: number, choices: MergeChoices = {}) {
    if (survivorId === mergedId) throw notAllowed('A member cannot be merged into itself');
    const scope = scopeOf(ctx);
    const survivor = await repo.findMember(tx, survivorId, scope);
    if (!survivor) throw notFound('Member', survivorId);
    const merged = await repo.findMember(tx, mergedId, scope);
    if (!merged) throw notFound('Member', mergedId);
    for (const m of [survivor, merged]) {
      if (m.merged_into !== null) throw notAllowed(`Member ${m.id} was already merged into member ${m.merged_into}`);
      if (m.erased_at !== null) throw notAllowed(`Member ${m.id} was erased and cannot take part in a merge`);
    }
    const records = await repo.memberRecords(tx, [survivorId, mergedId]);
    const outcome = mergeProfiles(
      records.get(survivorId) as unknown as MergeableProfile,
      records.get(mergedId) as unknown as MergeableProfile,
      choices,
    );
    return { survivor, merged, records, ...outcome };
  }

  /** What a merge would do, without doing it: the resulting profile, whose value wins each field, what moves. */
  async function preview(ctx: ActorContext, survivorId: number, mergedId: number) {
    const db = database.db;
    const p = await loadPair(db, ctx, survivorId, mergedId);
    const [survivor, merged] = await memberViews(db, [p.survivor, p.merged], scopeOf(ctx));
    const survivorTags = new Set(survivor!.tags.map((t) => t.id));
    const f = p.profile;
    const image = profileImage({ ...p.survivor, ...f, created_at: new Date(f.created_at), last_active_at: null });
    const result = {
      ...image,
      // Masked as in every view (docs/security.md → personal data).
      phone: maskPhone(image.phone),
      email: maskEmail(image.email),
      createdAt: new Date(f.created_at).toISOString(),
      lastActiveAt: f.last_active_at && new Date(f.last_active_at).toISOString(),
    };
    return {
      survivor: survivor!,
      merged: merged!,
      result,
      decisions: p.decisions.map((d) => ({ field: API_NAMES[d.field], from: d.from })),
      moves: {
        identities: merged!.identities.length,
        tags: merged!.tags.filter((t) => !survivorTags.has(t.id)).length,
      },
    };
  }

  /**
   * Merges `mergedId` into `survivorId`. `choices` (API field names → 'survivor' | 'merged') decide
   * fields by hand where the operator disagrees with the rule; an unknown field is a 400 naming it.
   */
  async function merge(
    ctx: ActorContext,
    survivorId: number,
    mergedId: number,
    apiChoices: Record<string, 'survivor' | 'merged'> = {},
  ) {
    const choices: MergeChoices = {};
    const problems = [];
    for (const [name, side] of Object.entries(apiChoices)) {
      const field = CHOOSABLE_FIELDS.find((f) => API_NAMES[f] === name);
      if (field) choices[field] = side;
      else problems.push({ path: `choices/${name}`, message: 'is not a field a merge can choose' });
    }
    failIfProblems(problems);
    return database.transaction(async (tx) => {
      await repo.lockMembers(tx, [survivorId, mergedId]);
      const p = await loadPair(tx, ctx, survivorId, mergedId, choices);
      const moved: Record<string, unknown> = {};
      for (const part of participants.all) moved[part.name] = (await part.move(tx, mergedId, survivorId)) ?? null;
      const now = clock.now();
      const after = await repo.updateMember(tx, survivorId, {
        ...pick(p.profile as unknown as Record<string, unknown>, MERGE_FIELDS),
        updated_at: now,
      });
      await repo.updateMember(tx, mergedId, { merged_into: survivorId, updated_at: now });
      const survivorAfter = (await repo.memberRecords(tx, [survivorId])).get(survivorId)!;
      const row = await merges.insertMerge(tx, {
        survivor_id: survivorId,
        merged_id: mergedId,
        merged_by: ctx.actor.label,
        merged_at: now,
        snapshot: {
          version: 1,
          survivorBefore: p.records.get(survivorId)!,
          mergedBefore: p.records.get(mergedId)!,
          survivorAfter,
          participants: moved,
        },
      });
      await recordAudit(tx, ctx, {
        action: 'member.merge',
        targetType: 'member',
        targetId: survivorId,
        before: { survivor: profileImage(p.survivor), merged: profileImage(p.merged) },
        after: {
          mergeId: row.id,
          survivor: profileImage(after),
          mergedId,
          participants: Object.keys(moved),
          ...(Object.keys(apiChoices).length ? { choices: apiChoices } : {}),
        },
      });
      return { mergeId: row.id, survivor: (await memberViews(tx, [after], scopeOf(ctx)))[0]! };
    });
  }

  /**
   * Puts both members back as they were before the merge. Fields an operator edited on the survivor
   * after the merge keep the edit (they are listed in `keptFields`); everything else is restored.
   * Refused when a later merge built on this one: undo that one first.
   */
  async function undo(ctx: ActorContext, mergeId: number) {
    return database.transaction(async (tx) => {
      const row = await merges.lockMerge(tx, mergeId);
      if (!row || !(await repo.findMember(tx, row.survivor_id, scopeOf(ctx)))) throw notFound('Merge', mergeId);
      const cannot = (why: string) => new KithError('UNDO_NOT_POSSIBLE', `Merge ${mergeId} cannot be undone: ${why}`);
      if (row.undone_at) throw cannot(`it was already undone at ${row.undone_at.toISOString()}`);
      const snap = row.snapshot as merges.StoredSnapshot;
      if ('erased' in snap) throw cannot('a member in it was erased, and the data needed to separate them is gone');
      const later = await merges.laterMerges(tx, mergeId, [row.survivor_id, row.merged_id]);
      if (later.length)
        throw cannot(`later merges (${later.join(', ')}) involve these members; undo them first, newest first`);
      const unknown = Object.keys(snap.participants).filter((n) => !participants.all.some((p) => p.name === n));
      if (unknown.length) throw cannot(`the parts of Kith that moved data (${unknown.join(', ')}) are not running`);

      await repo.lockMembers(tx, [row.survivor_id, row.merged_id]);
      for (const part of [...participants.all].reverse()) {
        if (part.name in snap.participants)
          await part.undoMove(tx, snap.participants[part.name], row.merged_id, row.survivor_id);
      }
      const current = (await repo.memberRecords(tx, [row.survivor_id])).get(row.survivor_id)!;
      const restore: Record<string, unknown> = {};
      const keptFields: string[] = [];
      for (const f of MERGE_FIELDS) {
        if (same(snap.survivorBefore[f], snap.survivorAfter[f])) continue;
        if (same(current[f], snap.survivorAfter[f])) restore[f] = snap.survivorBefore[f];
        else keptFields.push(API_NAMES[f]);
      }
      const now = clock.now();
      const survivor = await repo.updateMember(tx, row.survivor_id, { ...restore, updated_at: now });
      const restored = await repo.updateMember(tx, row.merged_id, {
        ...pick(snap.mergedBefore, MERGED_RESTORE),
        updated_at: now,
      });
      await merges.markUndone(tx, mergeId, ctx.actor.label, now);
      await recordAudit(tx, ctx, {
        action: 'member.merge_undo',
        targetType: 'member',
        targetId: row.survivor_id,
        after: { mergeId, survivorId: row.survivor_id, restoredId: row.merged_id, keptFields },
      });
      const [s, r] = await memberViews(tx, [survivor, restored], scopeOf(ctx));
      return { survivor: s!, restored: r!, keptFields };
    });
  }

  async function history(ctx: ActorContext, memberId: number) {
    const db = database.db;
    if (!(await repo.findMember(db, memberId, scopeOf(ctx)))) throw notFound('Member', memberId);
    return (await merges.mergesOf(db, [memberId])).map((m) => ({
      id: m.id,
      survivorId: m.survivor_id,
      mergedId: m.merged_id,
      mergedBy: m.merged_by,
      mergedAt: m.merged_at.toISOString(),
      undoneAt: m.undone_at?.toISOString() ?? null,
      undoneBy: m.undone_by,
      undoable: !m.undone_at && !m.erased,
    }));
  }

  return { preview, merge, undo, history };
}
