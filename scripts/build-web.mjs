#!/usr/bin/env node
// Builds the operator console (src/web/console) into dist/console with Vite.
//   node scripts/build-web.mjs              build now
//   node scripts/build-web.mjs --if-needed  build only when dist/console is missing or older than
//                                           its sources (what `npm start` and `kith start` run, so
//                                           a fresh clone needs no extra step)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = path.join(root, 'dist', 'console', 'index.html');
const sources = [path.join(root, 'src', 'web'), path.join(root, 'package-lock.json')];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

/** True when the built console is missing or older than any of its sources. */
export function consoleIsStale() {
  let built;
  try {
    built = fs.statSync(outIndex).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((s) => newestMtime(s) > built);
}

/**
 * Brotli and gzip copies next to each text file: Kith serves them to browsers that accept them
 * (antd shrinks from ~1 MB to ~250 kB), with no compression work per request.
 */
function precompress(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) {
      precompress(file);
      continue;
    }
    if (!/\.(js|css|html|svg|json)$/.test(e.name)) continue;
    const data = fs.readFileSync(file);
    if (data.length < 1024) continue;
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
    );
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}

export async function buildConsole() {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'src', 'web', 'console', 'vite.config.ts'), logLevel: 'warn' });
  precompress(path.dirname(outIndex));
  // index.html last: its time stamp is what "built after the sources" is judged by.
  fs.utimesSync(outIndex, new Date(), new Date());
  console.log(`Console built into dist/console in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Builds when needed. A failed build does not stop Kith from starting: the API works without the
 * console, and `/` then says how to build it.
 */
export async function buildConsoleIfNeeded() {
  if (!consoleIsStale()) return;
  console.log('Building the Kith console (only when its sources changed; about half a minute)…');
  try {
    await buildConsole();
  } catch (e) {
    console.error(
      `The console could not be built, starting without it: ${e?.message ?? e}\nRun \`npm run build:web\` to see why.`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-needed')) await buildConsoleIfNeeded();
  else {
    try {
      await buildConsole();
    } catch (e) {
      console.error(e);
      process.exitCode = 1;
    }
  }
}
