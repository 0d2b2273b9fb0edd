import type { Database } from '../../kernel/db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { queryAuditLog, type AuditQuery } from '../../kernel/audit.js';
import { decodeCursor, pageOf } from '../../kernel/pagination.js';
import { createStaffService } from './staff.service.js';
import { createSessionsService, type AccessSettings } from './sessions.service.js';
import { createApiKeysService } from './api-keys.service.js';

export { SETUP_TOKEN_TTL_HOURS, type AccessSettings } from './sessions.service.js';

/**
 * Access 权限: staff accounts (staff.service), signing in and sessions (sessions.service), API keys
 * (api-keys.service) and reading the audit log, as one object for the routes and the HTTP layer.
 */
export function createAccessService(deps: { database: Database; clock: Clock; settings: AccessSettings }) {
  const { database, clock, settings } = deps;
  const staff = createStaffService({ database, clock });
  const sessions = createSessionsService({ database, clock, settings, staff });
  const keys = createApiKeysService({ database, clock });
  const { insertStaff: _insertStaff, ...staffUseCases } = staff;

  /** Audit entries, newest first, a page at a time. */
  async function queryAudit(f: Omit<AuditQuery, 'before'> & { cursor?: string }) {
    const before = f.cursor ? decodeCursor(f.cursor, ['id'])[0] : undefined;
    const rows = await queryAuditLog(database.db, { ...f, before, limit: f.limit + 1 });
    return pageOf(rows, f.limit, (last) => [last.id]);
  }

  return { ...staffUseCases, ...sessions, ...keys, queryAudit };
}

export type AccessService = ReturnType<typeof createAccessService>;
