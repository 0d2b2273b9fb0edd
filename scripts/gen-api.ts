// Generates the console's API types (src/web/shared/api/schema.d.ts) from the OpenAPI document of
// the running code: Kith is built in-process on an in-memory database, asked for /api/openapi.json,
// and openapi-typescript turns the answer into `paths` types for openapi-fetch.
// `npm run gen:api` writes the file; test/api-types.test.ts fails when it is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createKith } from '../src/app.js';
import { loadConfig } from '../src/kernel/config.js';
import { openDatabase } from '../src/kernel/db/database.js';
import { createLogger } from '../src/kernel/logger.js';
import { packageRoot } from '../src/kernel/paths.js';

export const API_TYPES_PATH = path.join(packageRoot, 'src/web/shared/api/schema.d.ts');

const HEADER = `/**
 * Types of the Kith REST API, generated from /api/openapi.json by \`npm run gen:api\`.
 * Do not edit: change the route schemas and regenerate.
 */

`;

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const kith = await createKith({
    config: loadConfig({ KITH_LOG_LEVEL: 'silent' }, { jobsEnabled: false }),
    database,
    log: createLogger('silent'),
  });
  try {
    const res = await kith.http.app.inject({ method: 'GET', url: '/api/openapi.json' });
    return res.json();
  } finally {
    await kith.close();
    await database.close();
  }
}

export async function generateApiTypes(): Promise<string> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc as never, { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  fs.writeFileSync(API_TYPES_PATH, await generateApiTypes());
  console.log(`API types written to ${path.relative(process.cwd(), API_TYPES_PATH)}`);
}
