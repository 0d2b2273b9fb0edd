import { loadConfig } from '../kernel/config.js';
import { createKith } from '../app.js';
import { SETUP_TOKEN_TTL_HOURS } from '../modules/access/index.js';
import type { Command } from './commands.js';

/** A start that failed for a reason the operator can fix; printed as its message alone. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

/** Turns the usual reasons a listen fails into one line naming the setting to change. */
export function listenProblem(e: unknown, where: { port: number; host: string }): StartError | null {
  const code = (e as NodeJS.ErrnoException)?.code;
  const at = `port ${where.port} on ${where.host}`;
  if (code === 'EADDRINUSE')
    return new StartError(
      `kith start: ${at} is already in use by another program. Stop it, or start Kith on another port (PORT=… or --port).`,
    );
  if (code === 'EACCES')
    return new StartError(
      `kith start: not allowed to listen on ${at} (ports below 1024 need privileges). Choose another port with PORT=… or --port.`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new StartError(
      `kith start: cannot listen on HOST=${where.host}: this machine has no such address. Use 127.0.0.1, 0.0.0.0 or one of its own addresses.`,
    );
  return null;
}

export const startCommand: Command = {
  summary: 'Start Kith: the API, the console and background jobs',
  usage: `kith start [--demo] [--port PORT]

  --demo   load the demo community first if the database holds no members (a coffee brand with
           ~5,000 members and 6 months of history) and print a one-time owner login`,
  options: { demo: { type: 'boolean' }, port: { type: 'string' } },
  async run(values) {
    const config = loadConfig(process.env, values.port ? { port: Number(values.port) } : {});
    const kith = await createKith({ config, adoptEmbedded: true });
    let address: string;
    try {
      if (values.demo) {
        const { loadDemoIfEmpty } = await import('./demo.command.js');
        await loadDemoIfEmpty(kith);
      }
      address = await kith.http.app.listen({ port: config.port, host: config.host });
      if (config.jobsEnabled) {
        kith.jobs.start();
        // Imports left running by a process that died resume from their stored file, in the
        // background: now, and every few minutes for copies that die while this one runs.
        const resume = () =>
          kith.imports
            .resumeInterrupted()
            .catch((err) => kith.log.error({ err }, 'resuming interrupted imports failed'));
        void resume();
        setInterval(resume, 5 * 60_000).unref();
      }
    } catch (e) {
      // Whatever stops the start, the database is closed (and the embedded one's folder unlocked)
      // before the process ends, so the next start does not find a stale lock.
      await kith.close().catch(() => {});
      throw listenProblem(e, config) ?? e;
    }
    const url = config.publicUrl ?? address.replace('127.0.0.1', 'localhost');
    const where = config.databaseUrl ? 'PostgreSQL' : `Kith's own PostgreSQL, data in ${config.dataDir}`;
    console.log(`\nKith is running at ${url}  (API docs: ${url}/api/docs)  on ${where}`);
    if (!(await kith.access.hasAnyStaff())) {
      // A fresh token at every start while there is no account: the link works once, and only for
      // whoever can read this terminal.
      const token = await kith.access.issueSetupToken();
      console.log(
        `No staff account exists yet. Create the owner in the browser (the link works once, for ${SETUP_TOKEN_TTL_HOURS} hours):\n` +
          `  ${url.replace(/\/+$/, '')}/setup?token=${token}\n` +
          'or on the command line:\n  npm run kith -- user create --role owner --email you@example.com',
      );
    }
    let stopping = false;
    const shutdown = async (signal: string) => {
      // A second signal (a service manager and a terminal both sending one) must not cut the
      // shutdown short: the embedded PostgreSQL is stopped on the way out.
      if (stopping) return;
      stopping = true;
      kith.log.info({ signal }, 'shutting down');
      await kith.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await new Promise(() => {});
  },
};
