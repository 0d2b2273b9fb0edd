/** Access: staff accounts and roles, sessions, API keys, and the audit log. */
export { createAccessService, type AccessService } from './access.service.js';
export { accessRoutes } from './access.routes.js';
export { can, canManageRole, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './domain/permissions.js';
