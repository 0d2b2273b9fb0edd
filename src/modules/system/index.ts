/**
 * System 系统: what Kith runs on — its database, where the data lives, the latest backup — for the
 * console's 数据与备份 tab. It writes nothing. The only door into the module.
 */
export { createSystemService, describeUrl, type SystemService, type SystemInfo } from './system.service.js';
export { systemRoutes } from './system.routes.js';
