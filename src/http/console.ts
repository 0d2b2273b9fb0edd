import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { KithError } from '../kernel/errors.js';
import { packageRoot } from '../kernel/paths.js';

/** Where `npm run build:web` writes the operator console. */
export const defaultConsoleDir = path.join(packageRoot, 'dist', 'console');

/**
 * Defence in depth for the console page: scripts only from Kith itself (React already escapes
 * member-written text; this stops anything that slips through from running). antd writes its
 * styles at runtime, hence inline styles.
 */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kith</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.6">
<h1>The Kith console is not built yet</h1>
<p>控制台尚未构建。Build it once with:</p>
<pre style="background:#f5f5f5;padding:1rem">npm run build:web</pre>
<p><code>npm start</code> builds it for you when it is missing. The API is running meanwhile:
<a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** The file under `root` a URL path names, or null when it names none (or tries to leave root). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? path.relative(root, file) : null;
  } catch {
    return null;
  }
}

function sendIndex(reply: FastifyReply, root: string) {
  // Never cached: it names the hashed bundles of the current build, so a new release is picked up at once.
  return reply
    .header('cache-control', 'no-cache')
    .header('content-security-policy', CONSOLE_CSP)
    .type('text/html; charset=utf-8')
    .sendFile('index.html', root, { cacheControl: false });
}

/**
 * Serves the built console at `/`: its files as they are, and index.html for every other GET that
 * is not an API path, so a deep link such as /members/42 opens the page (the console routes in the
 * browser). Unknown /api paths stay problem+json 404s; a missing asset stays a 404, never HTML a
 * browser would try to run as script.
 */
export async function registerConsole(app: FastifyInstance, dir: string = defaultConsoleDir) {
  const root = path.resolve(dir);
  // preCompressed: the build writes .br and .gz copies; a browser that accepts them gets those.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const urlPath = req.url.split('?')[0]!;
    if (urlPath === '/api' || urlPath.startsWith('/api/'))
      throw new KithError('NOT_FOUND', `No route ${req.method} ${urlPath}`);
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT);
    }
    const file = urlPath === '/' ? null : fileFor(root, urlPath);
    if (file === 'index.html') return sendIndex(reply, root);
    if (file) {
      // Vite names bundles by their content hash: a changed file gets a new name, so cache it for good.
      const hashed = file.startsWith(`assets${path.sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
      return reply.sendFile(file, root, { cacheControl: false });
    }
    if (urlPath.startsWith('/assets/') || path.posix.extname(urlPath) !== '') {
      throw new KithError('NOT_FOUND', `No file ${urlPath}`);
    }
    return sendIndex(reply, root);
  });
}
