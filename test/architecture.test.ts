import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The module contract, checked on the source (docs/architecture.md): modules reach each other only
 * through their `index.ts`; SQL lives in `*.repo.ts`; every module is wired in app.ts. Tests are
 * exempt from the first two: a test may reach any file it tests.
 */
const SRC = path.resolve(import.meta.dirname, '../src');

/** Source files, without tests and the helpers only tests use (`*.test-support.ts`). */
function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(SRC, 'web')) out.push(...sourceFiles(p));
    } else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.test-support.ts')) out.push(p);
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
 * The kernel is the plumbing every module stands on: its database, migrator, job queue and audit
 * log are SQL by nature and belong to no module.
 */
const KERNEL_SQL = new Set(['kernel/db/migrator.ts', 'kernel/db/backup.ts', 'kernel/jobs.ts', 'kernel/audit.ts']);

/**
 * Who may write each table: its module (README "owns"). Others read it, or ask the owner through
 * its door (members' `setLifecycleStages`, the kernel's job queue). `loyalty_*` and `analytics_*`
 * tables are their module's by name.
 */
const TABLE_OWNERS: Record<string, string[]> = {
  kernel: ['jobs', 'outbox_events', 'audit_log', 'kith_migrations'],
  access: [
    'staff_users',
    'staff_sessions',
    'login_failures',
    'setup_tokens',
    'api_keys',
    'staff_community_assignments',
    'member_sessions',
  ],
  members: ['members', 'member_identities', 'member_tags', 'tags', 'attribute_definitions', 'member_merges'],
  communities: ['communities', 'community_admins', 'community_memberships', 'community_member_counts'],
  activity: ['activities', 'orders', 'imports', 'import_rejections'],
  overview: ['overview_checklist_dismissals'],
};
function ownerOf(table: string): string | null {
  for (const [owner, tables] of Object.entries(TABLE_OWNERS)) if (tables.includes(table)) return owner;
  const prefix = /^(loyalty|analytics)_/.exec(table);
  return prefix ? prefix[1]! : null;
}

/** Tables a file writes: query builders' targets and `insert into` / `update` / `delete from` / `copy` / `truncate` in SQL text. */
function tablesWritten(file: string): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/[^\n]*/g, '$1')
    .replace(/--[^\n`]*/g, '');
  const found = new Set<string>();
  for (const m of text.matchAll(/\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*'(\w+)/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\b(?:insert\s+into|update|delete\s+from|merge\s+into|copy|truncate)\s+(\w+)/gi))
    found.add(m[1]!);
  // Words that follow `update` in SQL but name no table (`do update set`, `for update skip locked`) own nothing.
  return [...found].filter((t) => ownerOf(t) !== null);
}

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
    expect(outside).toEqual([]);
  });

  it('writes only the tables a module owns', () => {
    const trespasses: string[] = [];
    for (const f of files) {
      const m = moduleOf(f);
      if (!m) continue;
      for (const t of tablesWritten(f))
        if (ownerOf(t) !== m) trespasses.push(`${rel(f)} writes ${t} (${ownerOf(t)}'s)`);
    }
    expect(trespasses).toEqual([]);
  });

  it('builds every module through its door in app.ts', () => {
    const app = fs.readFileSync(path.join(SRC, 'app.ts'), 'utf8');
    const modules = fs
      .readdirSync(path.join(SRC, 'modules'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    // demo fills a workspace from the CLI; it serves no route and is not part of a running Kith.
    const wired = modules.filter((m) => m !== 'demo');
    expect(wired.filter((m) => !app.includes(`'./modules/${m}/index.js'`))).toEqual([]);
    // One wiring style: each door builds its module with createXModule, which app.ts calls.
    const pascal = (m: string) => m.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase());
    const unbuilt = wired.filter((m) => {
      const door = fs.readFileSync(path.join(SRC, 'modules', m, 'index.ts'), 'utf8');
      const name = `create${pascal(m)}Module`;
      return !door.includes(`export function ${name}(`) || !app.includes(`${name}(`);
    });
    expect(unbuilt).toEqual([]);
  });
});
