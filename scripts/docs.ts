// Regenerates the documents that are derived from code: the README settings table and
// docs/import-formats.md.
import fs from 'node:fs';
import path from 'node:path';
import { configTable } from '../src/kernel/config.js';
import { FORMAT_DOCS } from '../src/modules/activity/formats/index.js';
import { packageRoot } from '../src/kernel/paths.js';

const readmePath = path.join(packageRoot, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const [head, rest] = readme.split('<!-- config-table:start -->');
const tail = rest!.split('<!-- config-table:end -->')[1];
fs.writeFileSync(readmePath, `${head}<!-- config-table:start -->\n${configTable()}\n<!-- config-table:end -->${tail}`);
fs.writeFileSync(path.join(packageRoot, 'docs/import-formats.md'), FORMAT_DOCS);
console.log('README.md and docs/import-formats.md regenerated');
