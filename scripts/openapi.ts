import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Writes functions/meta/openapi.json, the document the meta Lambda serves. The meta function
 * would otherwise have to bundle every domain just to describe them (over the 250 kB budget).
 * A test fails when the file no longer matches the live document: run `npm run openapi`.
 */
for (const [k, v] of Object.entries({
  TABLE_NAME: 'openapi',
  USER_POOL_ID: 'eu-central-1_openapi',
  USER_POOL_CLIENT_ID: 'openapi',
  CURSOR_SECRET: 'openapi-document-only',
})) {
  process.env[k] ??= v;
}
const { openApiDocument } = await import('../functions/app');
const file = join(dirname(fileURLToPath(import.meta.url)), '../functions/meta/openapi.json');
writeFileSync(file, `${JSON.stringify(openApiDocument())}\n`);
console.log(`wrote ${file}`);
