import type { ActorContext } from '../../kernel/context.js';
import { KithError, notFound } from '../../kernel/errors.js';
import { recordAudit, redactAuditImages } from '../../kernel/audit.js';
import * as repo from './members.repo.js';
import * as merges from './merge.repo.js';
import { memberViews, profileImage } from './members.view.js';
import { scopeOf, type MembersServiceDeps } from './service-support.js';

/**
 * Personal-data requests (个人信息查阅与删除): a member's copy of everything Kith holds about them,
 * and erasure. Erasure removes what identifies the person but keeps the row, so counts, funnels
 * and revenue of the past stay true — just anonymous.
 */
const ERASED_PROFILE = {
  name: null,
  nickname: null,
  avatar_url: null,
  birthday: null,
  phone: null,
  email: null,
  city: null,
  company: null,
  gender: 'unknown',
  attributes: {},
  consent_marketing: false,
  consent_data_processing: false,
};

export function createPrivacyService(deps: MembersServiceDeps) {
  const { database, clock, participants } = deps;

  /**
   * Everything about the member: the profile, the profiles merged into it (the same person), the
   * merge history, and each module's own data through its participant. The request is audited.
   */
  async function personalData(ctx: ActorContext, id: number) {
    return database.transaction(async (tx) => {
      const member = await repo.findMember(tx, id, scopeOf(ctx));
      if (!member) throw notFound('Member', id);
      const chain = await repo.mergedChain(tx, id);
      const mergedRows: repo.MemberRow[] = [];
      for (const other of chain.filter((x) => x !== id)) mergedRows.push((await repo.findMember(tx, other, null))!);
      const [view] = await memberViews(tx, [member], null, 'full');
      const data: Record<string, unknown> = {};
      for (const p of participants.all) data[p.name] = await p.exportData(tx, id);
      const history = await merges.mergesOf(tx, chain);
      await recordAudit(tx, ctx, {
        action: 'member.personal_data_export',
        targetType: 'member',
        targetId: id,
        after: { participants: Object.keys(data), mergedProfiles: mergedRows.length },
      });
      return {
        exportedAt: clock.now().toISOString(),
        member: view!,
        mergedProfiles: mergedRows.map((r) => ({
          ...profileImage(r),
          createdAt: r.created_at.toISOString(),
          mergedInto: r.merged_into,
        })),
        merges: history.map((m) => ({
          id: m.id,
          survivorId: m.survivor_id,
          mergedId: m.merged_id,
          mergedAt: m.merged_at.toISOString(),
          undoneAt: m.undone_at?.toISOString() ?? null,
        })),
        participants: data,
      };
    });
  }

  /**
   * Erases the member and every profile merged into it. Personal fields are cleared, channel
   * account ids replaced by random tokens (so the person is not recognised again), tags removed,
   * each module's participant erases its personal content, and the undo snapshots of merges they
   * took part in are dropped, since those hold copies of the profile. The audit entry records what
   * was done, never the data itself.
   */
  async function erase(ctx: ActorContext, id: number) {
    return database.transaction(async (tx) => {
      await repo.lockMembers(tx, [id]);
      const member = await repo.findMember(tx, id, scopeOf(ctx));
      if (!member) throw notFound('Member', id);
      if (member.erased_at)
        throw new KithError('CONFLICT', `Member ${id} was already erased at ${member.erased_at.toISOString()}`);
      const ids = await repo.mergedChain(tx, id);
      await repo.lockMembers(tx, ids);
      const identities = (await repo.identitiesOf(tx, ids)).length;
      const tags = (await repo.tagsOf(tx, ids)).length;
      const now = clock.now();
      for (const memberId of ids) {
        await repo.updateMember(tx, memberId, { ...ERASED_PROFILE, erased_at: now, updated_at: now });
        for (const p of participants.all) await p.erase(tx, memberId);
      }
      const snapshotsDropped = await merges.scrubSnapshots(tx, ids);
      const auditEntriesRedacted = await redactAuditImages(tx, 'member', ids);
      const result = {
        id,
        erasedAt: now.toISOString(),
        membersErased: ids,
        identitiesTokenised: identities,
        tagsRemoved: tags,
        mergeSnapshotsDropped: snapshotsDropped,
        auditEntriesRedacted,
      };
      await recordAudit(tx, ctx, {
        action: 'member.erase',
        targetType: 'member',
        targetId: id,
        after: { ...result, participants: participants.all.map((p) => p.name) },
      });
      return result;
    });
  }

  return { personalData, erase };
}
