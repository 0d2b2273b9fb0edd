import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, generateApiTypes } from '../scripts/gen-api.js';

// The console is typed from the API's own schemas. When a route changes, regenerate with
// `npm run gen:api` so the console compiles against what the server really answers.
describe('console API types', () => {
  it('src/web/shared/api/schema.d.ts matches the OpenAPI document (run `npm run gen:api`)', async () => {
    const committed = fs.existsSync(API_TYPES_PATH) ? fs.readFileSync(API_TYPES_PATH, 'utf8') : '';
    expect(committed === (await generateApiTypes()), 'schema.d.ts is out of date: run `npm run gen:api`').toBe(true);
  });
});
