import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_DOCS, IMPORT_EXIT_CODES } from '../modules/activity/formats/index.js';
import { packageRoot } from '../kernel/paths.js';
import { importCommand } from './import.command.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-import-cli-'));
// Run as root, the embedded PostgreSQL runs as the postgres user, who must pass through here.
fs.chmodSync(tmp, 0o755);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('kith import exit codes', () => {
  it('are told by --help, the README and the format reference', () => {
    expect(IMPORT_EXIT_CODES.map((e) => e.code)).toEqual([0, 1, 2, 3]);
    const readme = fs.readFileSync(path.join(packageRoot, 'README.md'), 'utf8');
    const importRow = readme.split('\n').find((l) => l.startsWith('| `import '))!;
    const docs = fs.readFileSync(path.join(packageRoot, 'docs/import-formats.md'), 'utf8');
    expect(docs).toBe(FORMAT_DOCS);
    for (const e of IMPORT_EXIT_CODES) {
      expect(importCommand.usage).toContain(`  ${e.code}  ${e.meaning.split(' ').slice(0, 5).join(' ')}`);
      expect(FORMAT_DOCS).toContain(`| ${e.code} | ${e.meaning} |`);
      expect(importRow).toMatch(new RegExp(`\\b${e.code} (when|for)\\b`));
    }
  });

  it('exits 2 for a wrong command line and 3 when lines were rejected', async () => {
    const quiet = { log: console.log, error: console.error };
    console.log = () => {};
    console.error = () => {};
    const env = { ...process.env };
    try {
      expect(await importCommand.run({}, ['members', path.join(tmp, 'missing.csv')])).toBe(2);
      expect(await importCommand.run({}, ['shoes', path.join(tmp, 'missing.csv')])).toBe(2);
      const file = path.join(tmp, 'members.csv');
      fs.writeFileSync(file, '姓名,手机号\n张三,13800138000\n李四,1380013\n');
      Object.assign(process.env, { KITH_DATA_DIR: path.join(tmp, 'data'), KITH_LOG_LEVEL: 'silent' });
      delete process.env.DATABASE_URL;
      expect(await importCommand.run({}, ['members', file])).toBe(3);
    } finally {
      process.env = env;
      Object.assign(console, quiet);
    }
  }, 60_000);
});
