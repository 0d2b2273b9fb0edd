import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.js';

const BackupEvent = Nullable(
  Type.Object({
    at: Type.String({ format: 'date-time' }),
    by: Nullable(Type.String()),
    file: Nullable(Type.String()),
    rows: Nullable(Type.Integer()),
  }),
);

export const SystemInfoSchema = Type.Object({
  database: Type.Object({
    kind: Type.Union([Type.Literal('embedded'), Type.Literal('external')], {
      description: 'embedded: the PostgreSQL server Kith runs itself; external: DATABASE_URL',
    }),
    location: Type.String({
      description: 'The folder of the embedded cluster, or host:port/database (never credentials)',
    }),
    version: Type.String(),
    sizeBytes: Type.Integer(),
  }),
  lastBackup: BackupEvent,
  lastRestore: BackupEvent,
});
