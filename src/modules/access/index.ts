/** Access: staff accounts and roles, sessions, API keys, and the audit log. */
export { createAccessService, SETUP_TOKEN_TTL_HOURS, type AccessService } from './access.service.js';
export { accessRoutes, SESSION_COOKIE } from './access.routes.js';
export { can, canManageRole, PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './domain/permissions.js';
export { createMemberSessions, MEMBER_TOKEN_PREFIX, type MemberSessions } from './member-sessions.js';
export { memberSessionRoutes } from './member-sessions.routes.js';

import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { kithModule } from '../module.js';
import { createAccessService as makeAccess, type AccessSettings } from './access.service.js';
import { accessRoutes as makeRoutes } from './access.routes.js';
import { createMemberSessions as makeMemberSessions } from './member-sessions.js';
import { memberSessionRoutes as makeMemberSessionRoutes } from './member-sessions.routes.js';

export function createAccessModule(deps: {
  database: Database;
  clock: Clock;
  settings: AccessSettings;
  cookieSecure: boolean;
}) {
  const access = makeAccess({ database: deps.database, clock: deps.clock, settings: deps.settings });
  const memberSessions = makeMemberSessions({ database: deps.database, clock: deps.clock });
  return kithModule({
    name: 'access',
    access,
    memberSessions,
    routes: [
      makeRoutes(access, { cookieSecure: deps.cookieSecure, sessionTtlHours: deps.settings.sessionTtlHours }),
      makeMemberSessionRoutes(memberSessions),
    ],
  });
}
