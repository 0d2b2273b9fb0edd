import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module contract, checked on the source (docs/architecture.md): modules reach each other only
 * through their `index.ts`; SQL lives in `*.repo.ts`; every module is wired in app.ts. Tests are
 * exempt from the first two: a test may reach any file it tests.
 */
const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(SRC, 'web')) out.push(...sourceFiles(p));
    } else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const moduleOf = (file: string) =>
  /[\\/]modules[\\/]([^\\/]+)[\\/]/.exec(path.relative(path.dirname(SRC), file))?.[1] ?? null;
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** Relative imports of a file, resolved to the .ts files they name. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'),
  );
}

/** Query builders and `sql` templates: the marks of SQL in a file. */
const SQL =
  /\bsql`|sql<[^>]*>`|\.selectFrom\(|\.insertInto\(|\.updateTable\(|\.deleteFrom\(|\.replaceInto\(|\.mergeInto\(/;

/**
 * Files that still hold SQL outside a repo, each to be moved into its module's repo. The list
 * may only shrink: a file leaving it fails the test until it is taken off.
 */
const SQL_OUTSIDE_REPOS_PENDING = new Set([
  'modules/loyalty/loyalty.participant.ts',
  'modules/loyalty/rewards.service.ts',
  'modules/activity/importers/import.service.ts',
  'modules/analytics/rollups.ts',
  'modules/analytics/active-days.ts',
  'modules/loyalty/badges.service.ts',
  'modules/access/access.service.ts',
  'modules/loyalty/tiers.service.ts',
  'modules/members/member-import.ts',
  'modules/members/members.participant.ts',
  'modules/loyalty/accounts.service.ts',
  'modules/analytics/analytics.service.ts',
  'modules/loyalty/rules.service.ts',
  'modules/activity/activity.participant.ts',
  'modules/analytics/business.service.ts',
  'modules/communities/communities.fixtures.ts',
  'modules/analytics/analytics.jobs.ts',
  'modules/access/member-sessions.ts',
  'modules/members/members.test-support.ts',
  'modules/members/identity-resolution.ts',
  'modules/loyalty/programme.ts',
  'modules/analytics/lifecycle.service.ts',
  'modules/members/member-access.ts',
  'modules/loyalty/loyalty.test-support.ts',
  'modules/loyalty/ledger.service.ts',
  'modules/analytics/profile-counts.ts',
  'modules/activity/last-active.subscriber.ts',
  'cli/demo.command.ts',
]);

/**
 * The kernel is the plumbing every module stands on: its database, migrator, job queue and audit
 * log are SQL by nature and belong to no module.
 */
const KERNEL_SQL = new Set(['kernel/db/migrator.ts', 'kernel/db/backup.ts', 'kernel/jobs.ts', 'kernel/audit.ts']);

describe('module contract', () => {
  const files = sourceFiles();

  it('reaches another module only through its index.ts', () => {
    const crossings: string[] = [];
    for (const f of files) {
      for (const target of importsOf(f)) {
        const m = moduleOf(target);
        if (!m || m === moduleOf(f)) continue;
        if (rel(target) !== `modules/${m}/index.ts`) crossings.push(`${rel(f)} imports ${rel(target)}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('keeps SQL in *.repo.ts files', () => {
    const outside = files
      .filter((f) => !f.endsWith('.repo.ts') && SQL.test(fs.readFileSync(f, 'utf8')))
      .map(rel)
      .filter((f) => !KERNEL_SQL.has(f));
    expect(outside.filter((f) => !SQL_OUTSIDE_REPOS_PENDING.has(f))).toEqual([]);
    // A file moved to a repo comes off the list, so it cannot slip back.
    expect([...SQL_OUTSIDE_REPOS_PENDING].filter((f) => !outside.includes(f))).toEqual([]);
  });

  it('wires every module in app.ts', () => {
    const app = fs.readFileSync(path.join(SRC, 'app.ts'), 'utf8');
    const modules = fs
      .readdirSync(path.join(SRC, 'modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    // demo fills a workspace from the CLI; it serves no route and is not part of a running Kith.
    const missing = modules.filter((m) => m !== 'demo' && !app.includes(`'./modules/${m}/index.js'`));
    expect(missing).toEqual([]);
  });
});
