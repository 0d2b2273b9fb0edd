import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable } from './kernel/config.js';
import { FORMAT_DOCS } from './modules/activity/formats/index.js';
import { packageRoot } from './kernel/paths.js';

// Documents generated from code must say what the code does. Regenerate with `npm run docs`.
describe('generated documentation', () => {
  it('README configuration table matches the settings Kith reads', () => {
    const readme = fs.readFileSync(path.join(packageRoot, 'README.md'), 'utf8');
    const between = readme.split('<!-- config-table:start -->')[1]!.split('<!-- config-table:end -->')[0]!.trim();
    expect(between).toBe(configTable());
  });

  it('docs/import-formats.md matches the importers', () => {
    expect(fs.readFileSync(path.join(packageRoot, 'docs/import-formats.md'), 'utf8')).toBe(FORMAT_DOCS);
  });
});
