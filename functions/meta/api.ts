import { createApi } from '../lib/http';
import { OPENAPI_JSON_BR } from './openapi-document';
import { metaRoutes } from './routes';

let openApiJson: string | undefined;

/** The document's JSON, decompressed once per instance (it ships compressed: scripts/openapi.ts). */
export function openApiDocumentJson(): string {
  openApiJson ??= process.getBuiltinModule('node:zlib').brotliDecompressSync(Buffer.from(OPENAPI_JSON_BR, 'base64')).toString('utf8');
  return openApiJson;
}

/**
 * The meta function: reference data, the OpenAPI document (generated from the routes by
 * `npm run openapi`, checked fresh by a test), and the contract-shaped 404 for every /api path
 * no other function claims.
 */
export const metaApi = createApi()
  .route('/api/meta', metaRoutes)
  .get('/api/openapi.json', (c) => c.body(openApiDocumentJson(), 200, { 'content-type': 'application/json' }));
