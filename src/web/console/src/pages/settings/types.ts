import type { ApiAnswer, ApiBody } from '@shared/api/answers';

export type Staff = ApiAnswer<'/api/v1/staff'>['items'][number];
export type ApiKey = ApiAnswer<'/api/v1/api-keys'>['items'][number];
export type StaffRole = Staff['role'];
export type Scope = ApiBody<'/api/v1/api-keys', 'post'>['scopes'][number];
export type AuditEntry = ApiAnswer<'/api/v1/audit'>['items'][number];

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
