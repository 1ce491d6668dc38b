import type { MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';

/**
 * OpenAPI from the very schemas the routes validate with. `validate()` (in validation.ts) and
 * `describe()` register their schema or description against the middleware they return; the
 * document is then built by walking the app's registered routes, so every route is listed and a
 * schema can never drift from the validator.
 */
export type RouteDoc = {
  summary?: string;
  tags?: string[];
  auth?: 'none' | 'session' | 'member' | 'board';
  responses?: Record<number, { description: string; schema?: z.ZodMiniType }>;
  json?: z.ZodMiniType;
  query?: z.ZodMiniType;
  param?: z.ZodMiniType;
};

const registry = new WeakMap<MiddlewareHandler, RouteDoc>();

export function register<M extends MiddlewareHandler>(mw: M, doc: RouteDoc): M {
  registry.set(mw, { ...(registry.get(mw) ?? {}), ...doc });
  return mw;
}

/** A no-op middleware that carries a route's summary and responses into the document. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  return register(async (_c, next) => next(), doc);
}

type RouteLike = { method: string; path: string; handler: unknown };

const jsonSchema = (s: z.ZodMiniType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

export function buildOpenApi(routes: readonly RouteLike[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const grouped = new Map<string, RouteDoc>();
  for (const r of routes) {
    if (r.method === 'ALL') continue; // middleware mounted with use()
    const key = `${r.method.toLowerCase()} ${r.path}`;
    const doc = registry.get(r.handler as MiddlewareHandler) ?? {};
    grouped.set(key, { ...(grouped.get(key) ?? {}), ...doc });
  }
  for (const [key, doc] of grouped) {
    const [method, rawPath] = key.split(' ') as [string, string];
    const path = rawPath.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const name of rawPath.match(/:(\w+)/g) ?? []) {
      parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } });
    }
    if (doc.query) {
      const js = jsonSchema(doc.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: 'query', required: js.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(doc.responses ?? { 200: { description: 'OK' } })) {
      responses[status] = r.schema
        ? { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } }
        : { description: r.description };
    }
    responses.default = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    paths[path] ??= {};
    paths[path][method] = {
      summary: doc.summary ?? `${method.toUpperCase()} ${path}`,
      tags: doc.tags,
      ...(doc.auth && doc.auth !== 'none' ? { security: [{ session: [] }] } : {}),
      parameters,
      ...(doc.json ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(doc.json, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cn_id' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  };
}
