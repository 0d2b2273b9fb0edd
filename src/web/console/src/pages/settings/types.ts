import type { components, paths } from '@shared/api/schema';

export type Staff = components['schemas']['def-1'];
export type ApiKey = components['schemas']['def-2'];
export type StaffRole = Staff['role'];
export type Scope = paths['/api/v1/api-keys']['post']['requestBody']['content']['application/json']['scopes'][number];
export type AuditEntry =
  paths['/api/v1/audit']['get']['responses']['200']['content']['application/json']['items'][number];

export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'admin', 'operator', 'analyst', 'community_manager'];

/** Every permission an API key may carry, grouped the way operators think of them. */
export const SCOPE_GROUPS: {
  key: 'members' | 'communities' | 'activities' | 'loyalty' | 'analytics' | 'admin';
  scopes: Scope[];
}[] = [
  { key: 'members', scopes: ['members:read', 'members:write', 'members:merge', 'members:export', 'members:erase'] },
  { key: 'communities', scopes: ['communities:read', 'communities:write', 'communities:create'] },
  { key: 'activities', scopes: ['activities:read', 'activities:write', 'imports:write'] },
  { key: 'loyalty', scopes: ['loyalty:read', 'loyalty:manage', 'loyalty:adjust', 'loyalty:approve'] },
  { key: 'analytics', scopes: ['analytics:read', 'analytics:compute'] },
  { key: 'admin', scopes: ['staff:manage', 'api_keys:manage', 'audit:read', 'member_sessions:issue'] },
];
export const READ_ONLY_SCOPES: Scope[] = ['members:read', 'communities:read', 'activities:read', 'loyalty:read'];
