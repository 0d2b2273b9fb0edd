import type { Tx } from '../../kernel/db/database.js';
import type { MemberDataParticipant } from '../members/index.js';
import * as data from './member-data.repo.js';

/** A member's activities and orders follow them through merges, exports and erasure. */
export const activityMemberParticipant: MemberDataParticipant = {
  name: 'activity',

  move: (tx: Tx, fromId: number, toId: number) => data.moveActivityAndOrders(tx, fromId, toId),

  async undoMove(tx: Tx, snapshot: unknown, fromId: number) {
    await data.returnActivityAndOrders(tx, snapshot as { activityIds: number[]; orderIds: number[] }, fromId);
  },

  async exportData(tx: Tx, memberId: number) {
    return { activities: await data.activitiesOf(tx, memberId), orders: await data.ordersOf(tx, memberId) };
  },

  // Activity content and order items go; the anonymous facts stay (member-data.repo.ts).
  erase: (tx: Tx, memberId: number) => data.eraseActivityContent(tx, memberId),
};
