import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import type { ActorContext } from '../../kernel/context.js';
import { KithError } from '../../kernel/errors.js';
import { recordAudit } from '../../kernel/audit.js';
import * as repo from './checklist.repo.js';

/** The steps of setting Kith up, in the order the checklist shows them. */
export const CHECKLIST_STEPS = ['community', 'members', 'programme', 'colleagues'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

/**
 * 开始使用: what a new workspace still needs — a community, members (imported, or a channel
 * connected through an API key), the membership programme's tiers, a colleague — each ticked as
 * soon as it exists, until the staff member puts the list away (or everything is done).
 */
export function createChecklistService(deps: { database: Database; clock: Clock }) {
  const { database, clock } = deps;
  const staffId = (ctx: ActorContext) => (ctx.actor.type === 'staff' ? ctx.actor.id : null);

  async function checklist(ctx: ActorContext) {
    const f = await repo.checklistFacts(database.db, staffId(ctx));
    const done: Record<ChecklistStep, boolean> = {
      community: f.community,
      members: f.members || f.channel,
      programme: f.programme,
      colleagues: f.colleagues,
    };
    const steps = CHECKLIST_STEPS.map((key) => ({ key, done: done[key] }));
    return { dismissed: f.dismissed, complete: steps.every((s) => s.done), steps };
  }

  async function dismiss(ctx: ActorContext) {
    const id = staffId(ctx);
    if (id === null) throw new KithError('BAD_REQUEST', 'Only a staff member puts their checklist away');
    await database.transaction(async (tx) => {
      await repo.dismissChecklist(tx, id, clock.now());
      await recordAudit(tx, ctx, { action: 'overview.checklist.dismiss', targetType: 'staff', targetId: id });
    });
    return checklist(ctx);
  }

  return { checklist, dismiss };
}
export type ChecklistService = ReturnType<typeof createChecklistService>;
