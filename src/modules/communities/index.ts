/**
 * Communities 社群: their positioning, owner and admins, memberships with history, and counts.
 * The only door into the module: other modules use what is exported here.
 */
export {
  createCommunitiesService,
  type CommunitiesService,
  type CommunitiesDeps,
  type CommunityInput,
  type CommunityPatch,
  type CommunityWithCounts,
  type CommunityListQuery,
  type AdminRefInput,
} from './communities.service.js';
export { communitiesRoutes } from './communities.routes.js';
export {
  applyMembershipActivities,
  setMembershipRoles,
  type MembershipActivity,
  type MembershipActivityResult,
} from './membership-activities.js';
export { communitiesMemberParticipant } from './communities.participant.js';
export { findCommunityByExternal, ensureCommunityByName, unknownCommunityNames } from './community-lookup.js';
export type { Community, CommunityAdmin } from './community-views.js';
export type { Membership, AddMemberItem } from './memberships.service.js';
export {
  COMMUNITY_CHANNELS,
  POSITIONING_TYPES,
  COMMUNITY_GOALS,
  COMMUNITY_STAGES,
  MEMBERSHIP_ROLES,
  JOIN_SOURCES,
  type CommunityChannel,
  type PositioningType,
  type CommunityGoal,
  type CommunityStage,
  type MembershipRole,
  type JoinSource,
} from './domain/community-rules.js';

import { kithModule } from '../module.js';
import { createCommunitiesService as makeCommunities, type CommunitiesDeps } from './communities.service.js';
import { communitiesRoutes as makeRoutes } from './communities.routes.js';
import { communitiesMemberParticipant as participant } from './communities.participant.js';

export function createCommunitiesModule(deps: CommunitiesDeps) {
  const communities = makeCommunities(deps);
  return kithModule({ name: 'communities', communities, routes: [makeRoutes(communities)], participant });
}
