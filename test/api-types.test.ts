import fs from 'node:fs';
import { expect, it } from 'vitest';
import { apiTypes, currentDocument, TYPES_FILE } from '../scripts/api-types.ts';

it('widgets/kit/api.gen.ts matches /openapi.json: regenerate it with `npm run api-types` when the API changes', { timeout: 60_000 }, async () => {
  expect(fs.readFileSync(TYPES_FILE, 'utf8'), 'widgets/kit/api.gen.ts is out of date: run npm run api-types').toBe(apiTypes(await currentDocument()));
});
