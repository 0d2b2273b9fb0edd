/**
 * Who is acting. Services take an `Actor` (never the HTTP request) so the same use case runs from
 * the API, the CLI, an importer or a job.
 */
export type Role = 'owner' | 'admin' | 'operator' | 'analyst' | 'community_manager';
export const ROLES: Role[] = ['owner', 'admin', 'operator', 'analyst', 'community_manager'];

export type Actor =
  | { type: 'staff'; id: number; label: string; role: Role; communityIds: number[] | null }
  | { type: 'api_key'; id: number; label: string; scopes: string[]; communityIds: null }
  | { type: 'system'; id: null; label: string; communityIds: null }
  /** A member signed in to the member centre 会员中心; sees and changes only their own things. */
  | { type: 'member'; id: number; label: string; communityIds: null };

export interface ActorContext {
  actor: Actor;
  requestId: string | null;
}

export const systemActor = (label = 'system'): Actor => ({ type: 'system', id: null, label, communityIds: null });

/** Communities the actor is limited to, or null when it sees all of them. */
export function communityScope(actor: Actor): number[] | null {
  return actor.communityIds;
}
