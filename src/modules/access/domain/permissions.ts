import type { Actor, Role } from '../../../kernel/context.js';

/**
 * What each role may do. Routes declare one permission; API keys carry a list of them as scopes.
 * Community managers get member and community permissions, but services also limit them to the
 * communities assigned to them.
 */
export const PERMISSIONS = [
  'members:read',
  'members:write',
  'members:merge',
  'members:erase',
  'members:export',
  /** See a member's phone and email in full: exports, and the profile's audited "show" (docs/security.md). */
  'members:contact',
  /** Personal-data requests: download everything Kith holds about a member (erasure is members:erase). */
  'members:data_request',
  'communities:read',
  'communities:write',
  'communities:create',
  'activities:read',
  'activities:write',
  'imports:write',
  'staff:manage',
  'api_keys:manage',
  'audit:read',
  'loyalty:read',
  'loyalty:manage',
  'loyalty:adjust',
  'loyalty:approve',
  'member_sessions:issue',
  'analytics:read',
  'analytics:compute',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL = new Set<Permission>(PERMISSIONS);
const READ_ONLY = new Set<Permission>([
  'members:read',
  'members:export',
  'communities:read',
  'activities:read',
  'loyalty:read',
  'analytics:read',
]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: ALL,
  admin: ALL,
  operator: new Set<Permission>([
    'members:read',
    'members:write',
    'members:merge',
    'members:export',
    'members:contact',
    'communities:read',
    'communities:write',
    'communities:create',
    'activities:read',
    'activities:write',
    'imports:write',
    'loyalty:read',
    'loyalty:manage',
    'loyalty:adjust',
    'loyalty:approve',
    'analytics:read',
    'analytics:compute',
  ]),
  analyst: READ_ONLY,
  community_manager: new Set<Permission>([
    'members:read',
    'members:write',
    'members:export',
    'members:contact',
    'communities:read',
    'communities:write',
    'activities:read',
    'loyalty:read',
    'loyalty:adjust',
    'analytics:read',
  ]),
};

export function isPermission(s: string): s is Permission {
  return (ALL as Set<string>).has(s);
}

export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.type) {
    case 'system':
      return true;
    case 'staff':
      return ROLE_PERMISSIONS[actor.role].has(permission);
    case 'api_key':
      return actor.scopes.includes(permission);
    case 'member':
      // Members reach only the member-centre routes, which check `member` access instead.
      return false;
  }
}

/** Only an owner may create, change or remove owners; an admin manages everyone else. */
export function canManageRole(actor: Actor, targetRole: Role): boolean {
  if (actor.type === 'system') return true;
  if (actor.type !== 'staff') return false;
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && targetRole !== 'owner';
}
