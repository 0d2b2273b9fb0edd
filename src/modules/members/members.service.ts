import type { Database, Tx } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { displayName } from './domain/profile-rules.js';
import { MemberDataParticipants } from './participants.js';
import { membersParticipant } from './members.participant.js';
import * as repo from './members.repo.js';
import { createProfilesService } from './profiles.service.js';
import { createSearchService } from './search.service.js';
import { createTagsService } from './tags.service.js';
import { createMergeService } from './merge.service.js';
import { createPrivacyService } from './privacy.service.js';

export interface MembersDeps {
  database: Database;
  clock: Clock;
  /** Where other modules register their part in merges, exports and erasure; one is made if absent. */
  participants?: MemberDataParticipants;
  /** Rows per batch of the CSV export (default 2,000). */
  exportBatchSize?: number;
  /** The workspace time zone: a labelled export writes its times in it (default Asia/Shanghai). */
  timeZone?: string;
}

/**
 * The members module (customer 360): profiles, identities, tags, attributes, search and export,
 * merging duplicates, and personal-data requests. Every use case takes the acting context, and
 * every write is audited in its own transaction.
 */
export function createMembersService(deps: MembersDeps) {
  const participants = deps.participants ?? new MemberDataParticipants();
  // The module's own data (identities, tags) takes part like any other module's.
  if (!participants.all.some((p) => p.name === membersParticipant.name)) participants.register(membersParticipant);
  const shared = {
    database: deps.database,
    clock: deps.clock,
    participants,
    exportBatchSize: deps.exportBatchSize ?? 2000,
    timeZone: deps.timeZone ?? 'Asia/Shanghai',
  };
  return {
    participants,
    ...createProfilesService(shared),
    ...createSearchService(shared),
    ...createTagsService(shared),
    ...createMergeService(shared),
    ...createPrivacyService(shared),
  };
}

export type MembersService = ReturnType<typeof createMembersService>;

export interface MemberSummary {
  id: number;
  displayName: string;
  avatarUrl: string | null;
  /** Set when the member was merged into another: show that one instead. */
  mergedInto: number | null;
  erased: boolean;
}

/** How other modules show members (a leaderboard, an event's attendees…): one query for any number. */
export async function getMemberSummaries(tx: Tx, ids: number[]): Promise<Map<number, MemberSummary>> {
  const rows = await repo.summaryRows(tx, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        displayName: displayName(r),
        avatarUrl: r.avatar_url,
        mergedInto: r.merged_into,
        erased: r.erased_at !== null,
      },
    ]),
  );
}
