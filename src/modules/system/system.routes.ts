import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SystemService, BackupEvent } from './system.service.js';
import * as S from './system.schemas.js';

const out = (e: BackupEvent | null) => (e ? { ...e, at: e.at.toISOString() } : null);

export function systemRoutes(service: SystemService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/system',
      {
        config: { access: 'staff:manage' },
        schema: {
          tags: ['system'],
          summary: 'What Kith runs on: its database, where the data lives, the latest backup and restore',
          response: { 200: S.SystemInfoSchema },
        },
      },
      async () => {
        const i = await service.info();
        return { ...i, lastBackup: out(i.lastBackup), lastRestore: out(i.lastRestore) };
      },
    );
  };
}
