import type { Tx } from '../../kernel/db/database.js';
import type { MemberDataParticipant } from './participants.js';
import * as data from './member-data.repo.js';

/**
 * The members module's own part of a merge, export and erasure: a member's identities and tags.
 * Other modules (memberships, activities, orders…) register their own participants.
 */
interface MembersMoveSnapshot {
  /** Identities that moved to the survivor. */
  identityIds: number[];
  /** The merged member's tags as they were, to put back on undo. */
  mergedTags: { tagId: number; createdAt: string }[];
  /** Tags the survivor gained from the merge (it did not carry them before). */
  addedToSurvivor: number[];
}

export const membersParticipant: MemberDataParticipant = {
  name: 'members',

  async move(tx: Tx, fromId: number, toId: number): Promise<MembersMoveSnapshot> {
    const moved = await data.moveIdentities(tx, fromId, toId);
    const tags = await data.tagsWithTimes(tx, fromId);
    const added = await data.copyTags(tx, fromId, toId);
    await data.deleteTagsOf(tx, fromId);
    return {
      identityIds: moved.sort((a, b) => a - b),
      mergedTags: tags.map((r) => ({ tagId: r.tag_id, createdAt: r.created_at })),
      addedToSurvivor: added.sort((a, b) => a - b),
    };
  },

  async undoMove(tx: Tx, snapshot: unknown, fromId: number, toId: number): Promise<void> {
    const s = snapshot as MembersMoveSnapshot;
    await data.returnIdentities(tx, s.identityIds, fromId, toId);
    await data.deleteTagsOf(tx, toId, s.addedToSurvivor);
    await data.restoreTags(tx, fromId, s.mergedTags);
  },

  async exportData(tx: Tx, memberId: number) {
    const identities = await data.identitiesOf(tx, memberId);
    const tags = await data.tagNamesOf(tx, memberId);
    return {
      identities: identities.map((i) => ({
        channel: i.channel,
        externalId: i.external_id,
        displayName: i.display_name,
        createdAt: i.created_at.toISOString(),
      })),
      tags: tags.map((t) => ({ name: t.name, taggedAt: t.created_at.toISOString() })),
    };
  },

  async erase(tx: Tx, memberId: number): Promise<void> {
    await data.anonymiseIdentities(tx, memberId);
    await data.deleteTagsOf(tx, memberId);
  },
};
