/**
 * The meta function serves reference data and the OpenAPI document. The document is built from
 * every domain's routes, so this one bundle imports the whole app; API Gateway sends it only
 * /api/meta and /api/openapi.json.
 */
export { app as metaApi } from '../app';
