import type { Actor, Role } from '../../../kernel/context.js';
import { PERMISSIONS, ROLE_PERMISSIONS } from './permissions.js';

/** A staff member as the actor of a request: a community manager carries their communities, others none. */
export function staffActor(id: number, email: string, role: string, communityIds: number[] | null): Actor {
  return {
    type: 'staff',
    id,
    label: email,
    role: role as Role,
    communityIds: role === 'community_manager' ? (communityIds ?? []) : null,
  };
}

/** What an actor may put on a key it creates: what it holds itself. */
export function grantable(actor: Actor): ReadonlySet<string> {
  switch (actor.type) {
    case 'system':
      return new Set(PERMISSIONS);
    case 'staff':
      return ROLE_PERMISSIONS[actor.role];
    case 'api_key':
      return new Set(actor.scopes);
    case 'member':
      return new Set();
  }
}

/** Whether a text looks like an email address (the sign-in name of a staff account). */
export const isEmailAddress = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

/** A staff account as the audit log and the API show it (never the password hash). */
export function publicStaff(s: {
  id: number;
  email: string;
  name: string;
  role: string;
  disabled_at: Date | null;
  community_ids: number[];
}) {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    disabled: !!s.disabled_at,
    communityIds: s.community_ids,
  };
}
