/**
 * Kith benchmarks: `npm run bench -- <name> [--scale N] [--db embedded|postgres|both]`.
 * Each prints its figures next to a reference measured in the same run, and the ratio.
 * PostgreSQL comes from BENCH_DATABASE_URL, or a throwaway local cluster started by
 * scripts/pg-temp.sh (PostgreSQL 15 binaries under /usr/lib/postgresql/15/bin).
 */
import { parseArgs } from 'node:util';
import { BenchFailure, commitMeasured, figuresTable } from './support.js';

const BENCHES: Record<string, () => Promise<{ run(opts: BenchOptions): Promise<void> }>> = {
  ingest: () => import('./ingest.bench.js'),
  loyalty: () => import('./loyalty.bench.js'),
  analytics: () => import('./analytics.bench.js'),
  rollups: () => import('./rollups.bench.js'),
  api: () => import('./api.bench.js'),
};

export interface BenchOptions {
  scale: number;
  db: 'embedded' | 'postgres' | 'both';
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: '1' }, db: { type: 'string', default: 'both' } },
});
const name = positionals[0];
if (!name || !BENCHES[name]) {
  console.error(
    `usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [--scale 0.1] [--db embedded|postgres|both]`,
  );
  process.exit(2);
}
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10)) {
  console.error('--scale must be a number in (0, 10]');
  process.exit(2);
}
const db = values.db as BenchOptions['db'];
if (!['embedded', 'postgres', 'both'].includes(db)) {
  console.error(
    "--db must be embedded (Kith's own PostgreSQL), postgres (BENCH_DATABASE_URL or a throwaway cluster) or both",
  );
  process.exit(2);
}
const mod = await BENCHES[name]!();
console.log(`commit ${commitMeasured()}, ${new Date().toISOString()}`);
try {
  await mod.run({ scale, db });
} catch (e) {
  if (e instanceof BenchFailure) {
    console.error(`\nBENCH FAILED: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const table = figuresTable();
if (table) console.log(`\n${table}`);
process.exit(0);
