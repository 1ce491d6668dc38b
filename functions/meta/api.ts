import { createApi } from '../lib/http';
import { OPENAPI_JSON } from './openapi-document';
import { metaRoutes } from './routes';

/**
 * The meta function: reference data, the OpenAPI document (generated from the routes by
 * `npm run openapi`, checked fresh by a test), and the contract-shaped 404 for every /api path
 * no other function claims.
 */
export const metaApi = createApi()
  .route('/api/meta', metaRoutes)
  .get('/api/openapi.json', (c) => c.body(OPENAPI_JSON, 200, { 'content-type': 'application/json' }));
