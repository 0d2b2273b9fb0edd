import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrator.js';
import { BackupError, restoreBackup, writeBackup } from '../kernel/db/backup.js';
import { recordAudit } from '../kernel/audit.js';
import { systemActor } from '../kernel/context.js';
import type { Command } from './commands.js';

const cliActor = () => ({ actor: systemActor(`cli:${process.env.USER ?? 'backup'}`), requestId: null });
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

function defaultName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `kith-backup-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.kith.gz`;
}

export const backupCommand: Command = {
  summary: 'Write a backup of the whole database to a file, while Kith runs',
  usage: `kith backup [FILE]

Writes every table, as one consistent snapshot, to FILE (default kith-backup-<date>-<time>.kith.gz in
the current folder), gzip-compressed. Kith may keep running: imports and ingest go on meanwhile.
Works on Kith's own server and on a DATABASE_URL alike; "kith restore FILE" reads it back into
either. Files of imports still in progress (KITH_DATA_DIR/uploads) are not in the backup.`,
  options: {},
  async run(_values, positionals) {
    const file = positionals[0] ?? defaultName();
    if (fs.existsSync(file)) {
      console.error(`kith backup: ${file} exists already; name another file.`);
      return 2;
    }
    const config = loadConfig(process.env, { jobsEnabled: false, logLevel: 'warn' });
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const started = Date.now();
    // Written beside the target and renamed at the end: a file by that name is always whole.
    const partial = `${file}.partial`;
    try {
      await migrate(database);
      const gzip = zlib.createGzip({ level: 3 });
      const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
      const summary = await writeBackup(database.pool!, gzip);
      await written;
      fs.renameSync(partial, file);
      await recordAudit(database.db, cliActor(), {
        action: 'database.backup',
        targetType: 'database',
        after: { file, ...summary },
      });
      console.log(
        `Backed up ${summary.tables} tables, ${summary.rows.toLocaleString('en')} rows to ${file} (${megabytes(fs.statSync(file).size)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    } catch (e) {
      fs.rmSync(partial, { force: true });
      throw e;
    } finally {
      await database.close();
    }
  },
};

export const restoreCommand: Command = {
  summary: 'Replace the database with a backup made by kith backup',
  usage: `kith restore FILE [--replace]

Reads FILE into Kith's database. Stop Kith first: a restore refuses while anything else is
connected. A database that already holds a workspace is replaced only with --replace. Every table
is loaded and counted aside before anything is replaced, so a restore that fails leaves the
database as it was. A backup from an older Kith is brought up to this version's schema.`,
  options: { replace: { type: 'boolean' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file) {
      console.error(this.usage);
      return 2;
    }
    if (!fs.existsSync(file)) {
      console.error(`kith restore: no file ${file}`);
      return 2;
    }
    const config = loadConfig(process.env, { jobsEnabled: false, logLevel: 'warn' });
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    const url = database.embedded?.url ?? config.databaseUrl!;
    const started = Date.now();
    try {
      // Nothing of this command's own stays connected while the restore checks for others.
      await database.pool!.end().catch(() => {});
      // A read error (a cut-short or foreign file) reaches the restore through `input`.
      const input = zlib.createGunzip();
      void pipeline(fs.createReadStream(file), input).catch(() => {});
      const summary = await restoreBackup(url, input, { replace: values.replace === true });
      const after = await openDatabase({ databaseUrl: url, poolSize: 1 });
      try {
        await recordAudit(after.db, cliActor(), {
          action: 'database.restore',
          targetType: 'database',
          after: { file, ...summary },
        });
      } finally {
        await after.close();
      }
      console.log(
        `Restored ${summary.tables} tables, ${summary.rows.toLocaleString('en')} rows from ${file} (made ${summary.madeAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s.` +
          (summary.upgraded.length ? ` Brought up to this Kith's schema: ${summary.upgraded.join(', ')}.` : ''),
      );
    } catch (e) {
      if (e instanceof BackupError) {
        console.error(`kith restore: ${e.message}`);
        return 1;
      }
      throw e;
    } finally {
      await database.close().catch(() => {});
    }
  },
};
