import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Kith package root not found');
    dir = up;
  }
  return dir;
}

/** The folder holding package.json, db/migrations and the built console. */
export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
