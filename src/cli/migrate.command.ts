import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrator.js';
import type { Command } from './commands.js';

export const migrateCommand: Command = {
  summary: 'Apply pending database migrations (kith start does this too)',
  usage: 'kith migrate',
  options: {},
  async run() {
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const { applied } = await migrate(database);
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'The database is up to date.',
      );
    } finally {
      await database.close();
    }
  },
};
