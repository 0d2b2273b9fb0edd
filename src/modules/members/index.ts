/**
 * Members (会员, customer 360): one profile per person across channels — identities, tags, custom
 * attributes, lifecycle stage, consent — with search, CSV export, duplicate merging (undoable) and
 * personal-data requests. Other modules use members only through what this file exports.
 */
export { setLifecycleStages } from './members.repo.js';
export {
  createMembersService,
  getMemberSummaries,
  type MembersService,
  type MembersDeps,
  type MemberSummary,
} from './members.service.js';
export { membersRoutes } from './members.routes.js';
export { MemberDataParticipants, type MemberDataParticipant } from './participants.js';
export { requireMemberFor, memberInScope, membersVisibleTo } from './member-access.js';
export {
  resolveIdentities,
  touchLastActive,
  identityKey,
  CHANNELS,
  type Channel,
  type IdentityRef,
} from './identity-resolution.js';
export {
  upsertImportedMembers,
  findOrCreateBuyers,
  insertMembersBulk,
  type MemberUpsert,
  type UpsertOutcome,
} from './member-import.js';
export { unknownTagNames } from './member-import.repo.js';
export {
  GENDERS,
  LIFECYCLE_STAGES,
  normalisePhone,
  normaliseEmail,
  displayName,
  type Gender,
  type LifecycleStage,
  type ProfileInput,
} from './domain/profile-rules.js';
export { ATTRIBUTE_TYPES, type AttributeDefinition, type AttributeType } from './domain/attribute-rules.js';
export type { MemberFilter } from './domain/member-filter.js';
export { memberMatches } from './search.repo.js';
export { liveMember, countedMember, internalAccountIds } from './members.repo.js';
export type { MemberView } from './members.view.js';
export type { CreateMemberInput, UpdateMemberInput, IdentityInput } from './profiles.service.js';
export type { ListQuery, DuplicatePair, DuplicateReason } from './search.service.js';
export type { BulkTagInput, TagView, AttributeDefinitionView } from './tags.service.js';

import { kithModule } from '../module.js';
import type { Tx } from '../../kernel/db/database.js';
import type { Jobs } from '../../kernel/jobs.js';
import { createMembersJobs } from './members.jobs.js';
import { createMembersService as makeMembers, type MembersDeps as Deps } from './members.service.js';
import { membersRoutes as makeRoutes } from './members.routes.js';

/** Members is the one module others join through participants: app.ts registers theirs here. */
export function createMembersModule(deps: Deps & { jobs: Jobs }) {
  const members = makeMembers(deps);
  const background = createMembersJobs(deps);
  return kithModule({
    name: 'members',
    members,
    routes: [makeRoutes(members)],
    jobs: background.handlers,
    schedule: (tx: Tx) => background.schedule(tx),
  });
}
