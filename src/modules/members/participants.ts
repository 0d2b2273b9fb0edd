import type { Tx } from '../../kernel/db/database.js';

/**
 * Other modules keep data about a member (memberships, activities, orders, later points…). When two
 * members are merged, a member's data is exported, or a member is erased, the members module asks
 * every registered participant to do its part inside the same transaction, so each module still
 * writes only its own tables and a merge stays atomic and undoable.
 */
export interface MemberDataParticipant {
  /** Stable name; keys the participant's part of a merge snapshot. */
  name: string;
  /** Moves `fromId`'s rows to `toId`; returns what `undoMove` needs (JSON-serialisable). */
  move(tx: Tx, fromId: number, toId: number): Promise<unknown>;
  /** Puts back exactly what `move` moved. */
  undoMove(tx: Tx, snapshot: unknown, fromId: number, toId: number): Promise<void>;
  /** Everything this module knows about the member, for a personal-data request. */
  exportData(tx: Tx, memberId: number): Promise<unknown>;
  /** Removes personal content (e.g. message text) while keeping anonymous counts. */
  erase(tx: Tx, memberId: number): Promise<void>;
}

export class MemberDataParticipants {
  readonly #list: MemberDataParticipant[] = [];
  register(p: MemberDataParticipant) {
    if (this.#list.some((x) => x.name === p.name)) throw new Error(`participant ${p.name} registered twice`);
    this.#list.push(p);
  }
  get all(): readonly MemberDataParticipant[] {
    return this.#list;
  }
}
