import type { Tx } from '../../kernel/db/database.js';
import type { ActorContext } from '../../kernel/context.js';
import { invalid } from '../../kernel/errors.js';
import { LIMITS, type CommunityGoal, type PositioningType } from './domain/community-rules.js';
import * as repo from './communities.repo.js';
import { canSee, toCommunity, type Community } from './community-views.js';
import { createIn } from './communities.service.js';

/** Helpers for importers that meet communities by their id or name on a channel. */

/** The community with this id on its channel (a WeChat group id, a QQ group number…), if known. */
export async function findCommunityByExternal(tx: Tx, channel: string, externalId: string): Promise<Community | null> {
  const row = await repo.findByExternal(tx, channel, externalId.trim());
  return row ? toCommunity(tx, row) : null;
}

/**
 * Of these names (a spreadsheet's 社群 column), the ones that name no community the actor can see
 * on any channel, case ignored: what an import would create, shown for confirmation first.
 */
export async function unknownCommunityNames(tx: Tx, ctx: ActorContext, names: string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const name of names) {
    const found = await repo.findByNameAnyChannel(tx, name.trim());
    if (!found || !canSee(ctx, found.id)) unknown.push(name);
  }
  return unknown;
}

/**
 * The community a chat export belongs to, found by its group name on the channel, or created
 * (audited as the importing actor) when there is none. Two imports of the same group at once
 * make one community: the lookup and the creation are serialised per (channel, name).
 * A group created this way is positioned as an interest group meant for interaction, the usual
 * shape of a chat group; operators refine it afterwards.
 */
export async function ensureCommunityByName(
  tx: Tx,
  ctx: ActorContext,
  input: { name: string; channel?: string; positioningType?: PositioningType; goal?: CommunityGoal },
): Promise<Community> {
  const name = input.name.trim();
  if (!name) throw invalid('name', 'must not be empty');
  if (name.length > LIMITS.name) throw invalid('name', `must be at most ${LIMITS.name} characters`);
  await repo.lockName(tx, input.channel ?? 'other', name);
  // Without a channel (a spreadsheet's 社群 column), the name alone finds the group on any channel.
  const found = input.channel
    ? await repo.findByName(tx, input.channel, name)
    : await repo.findByNameAnyChannel(tx, name);
  // One the actor may not see counts as absent; creating is then refused to a community manager.
  if (found && canSee(ctx, found.id)) return toCommunity(tx, found);
  return createIn(tx, ctx, {
    name,
    channel: input.channel ?? 'other',
    positioningType: input.positioningType ?? 'interest',
    goal: input.goal ?? 'interaction',
  });
}
