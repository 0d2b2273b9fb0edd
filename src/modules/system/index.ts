/**
 * System 系统: what Kith runs on — its database, where the data lives, the latest backup — for the
 * console's 数据与备份 tab. It writes nothing. The only door into the module.
 */
export { createSystemService, describeUrl, type SystemService, type SystemInfo } from './system.service.js';
export { systemRoutes } from './system.routes.js';

import { kithModule } from '../module.js';
import { createSystemService as makeSystem, type SystemDeps } from './system.service.js';
import { systemRoutes as makeRoutes } from './system.routes.js';

export function createSystemModule(deps: SystemDeps) {
  return kithModule({ name: 'system', routes: [makeRoutes(makeSystem(deps))] });
}
