/** Access: staff accounts and roles, sessions, API keys, and the audit log. */
export { createAccessService, SETUP_TOKEN_TTL_HOURS, type AccessService } from './access.service.js';
export { accessRoutes, SESSION_COOKIE } from './access.routes.js';
export { can, canManageRole, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './domain/permissions.js';
export { createMemberSessions, MEMBER_TOKEN_PREFIX, type MemberSessions } from './member-sessions.js';
export { memberSessionRoutes } from './member-sessions.routes.js';
