import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import { CONFLICT_REASONS, DETAIL_CODES, ERROR_CODES, FORBIDDEN_REASONS, UNAUTHENTICATED_REASONS } from '../../shared/error-codes';

/**
 * OpenAPI from the very schemas the routes validate with and answer with. `validate()` (in
 * validation.ts), the guards (guards.ts) and `describe()` register what they know against the
 * middleware they return; the document is built by walking the app's registered routes, so every
 * route is listed and no schema can drift from the code.
 *
 * HOW A ROUTE DECLARES ITS ANSWERS
 * - Success: `describe(DOCS && { responses: { 201: { description, schema: FooSchema } } })`, a zod schema
 *   from shared/schemas.ts (leave `schema` out for a 204 or any answer without a body), and the
 *   handler answers with `respond(c, FooSchema, value, 201)`: `value` must be exactly
 *   `z.output<typeof FooSchema>` — a missing field or an extra one (a spread record, a key field)
 *   fails the type check.
 * - Errors: most are derived, so a route rarely lists any. A guard (`signedIn`, `activeMember`,
 *   `boardMember`) adds 401 and 403; `validate()` adds 400; every write adds 403 (CSRF), 409, 413,
 *   415 and 503; a path parameter adds 404; a guarded route adds 503. Anything else the route can
 *   answer — 404 without a path parameter, 429 from a throttle, 409 on a read — goes in
 *   `describe({ errors: [404, 429] })`. Every error answer is the `Error` schema.
 * - The integration tests check every answer against this document (tests/helpers.ts): an
 *   undeclared status or a body off its schema fails the test that caused it.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

export type RouteDoc = {
  summary?: string;
  tags?: string[];
  auth?: 'none' | 'session' | 'member' | 'board';
  /** `mediaType`: a body that is not JSON (a calendar file), described as a string of that type. */
  responses?: Record<number, { description: string; schema?: z.ZodMiniType; mediaType?: string }>;
  /** Error statuses beyond the ones derived from the guards, validators and method (see above). */
  errors?: readonly ErrorStatus[];
  json?: z.ZodMiniType;
  query?: z.ZodMiniType;
  param?: z.ZodMiniType;
};

const registry = new WeakMap<MiddlewareHandler, RouteDoc>();

export function register<M extends MiddlewareHandler>(mw: M, doc: RouteDoc): M {
  registry.set(mw, { ...(registry.get(mw) ?? {}), ...doc });
  return mw;
}

export { DOCS } from './docs-flag';

const passThrough: MiddlewareHandler = async (_c, next) => next();

/**
 * A no-op middleware that carries a route's summary, responses and extra error statuses into the
 * document. Written `describe(DOCS && {…})`, so that a Lambda bundle carries none of it.
 */
export function describe(doc: RouteDoc | false): MiddlewareHandler {
  return doc ? register(async (_c, next) => next(), doc) : passThrough;
}

/**
 * `V` with every property that `T` does not declare turned into `never`, at every depth, so that a
 * value with an extra field (from a spread record, say) is not assignable. Missing fields are
 * caught by `V extends T`.
 */
export type Exact<T, V> = V extends readonly (infer VI)[]
  ? T extends readonly (infer TI)[]
    ? readonly Exact<TI, VI>[]
    : V
  : V extends object
    ? T extends object
      ? { [K in keyof V]: K extends keyof T ? Exact<T[K], V[K]> : never }
      : V
    : V;

/**
 * The one way a route answers with a body: `value` must be exactly the schema's output type (no
 * field missing, none extra). Nothing is parsed at run time (a Lambda's cold start and every
 * request would pay for it); the integration tests validate each real answer against the document.
 */
export function respond<S extends z.ZodMiniType<object>, V extends z.output<S>, St extends ContentfulStatusCode>(
  c: Context,
  _schema: S,
  value: V & Exact<z.output<S>, V>,
  status: St,
) {
  return c.json(value as z.output<S>, status);
}

type RouteLike = { method: string; path: string; handler: unknown };

const jsonSchema = (s: z.ZodMiniType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** The contract's error codes, one response per status, each with the Error schema. */
const ERRORS: Record<ErrorStatus, string> = {
  400: 'validation_failed: a field, the query or the JSON is not valid (details name each field)',
  401: 'unauthenticated: no, an expired or a bad session',
  403: 'forbidden: signed in but not allowed (role, membership status, sanction, or another origin)',
  404: 'not_found: missing, malformed id, or not visible to the caller',
  409: 'conflict: not allowed from the current state, a duplicate, or a stale version',
  413: 'payload_too_large: a body over 64 KiB',
  415: 'unsupported_media_type: a body that is not application/json',
  429: 'rate_limited: too many tries; wait the seconds in retry-after',
  503: 'unavailable: the database throttled or failed; nothing was written',
};

/** The error statuses a route can answer, from what guards it, what it validates, and its method. */
function errorStatuses(method: string, rawPath: string, doc: RouteDoc): ErrorStatus[] {
  const s = new Set<ErrorStatus>(doc.errors ?? []);
  const write = method !== 'get' && method !== 'head';
  const guarded = doc.auth !== undefined && doc.auth !== 'none';
  if (guarded) for (const x of [401, 403, 503] as const) s.add(x);
  if (doc.json || doc.query || doc.param) s.add(400);
  if (rawPath.includes(':')) s.add(404);
  if (write) for (const x of [400, 403, 409, 413, 415, 503] as const) s.add(x);
  return [...s].sort((a, b) => a - b);
}

export function buildOpenApi(routes: readonly RouteLike[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const grouped = new Map<string, RouteDoc>();
  for (const r of routes) {
    if (r.method === 'ALL') continue; // middleware mounted with use()
    const key = `${r.method.toLowerCase()} ${r.path}`;
    const doc = registry.get(r.handler as MiddlewareHandler) ?? {};
    const prev = grouped.get(key) ?? {};
    grouped.set(key, { ...prev, ...doc, errors: [...(prev.errors ?? []), ...(doc.errors ?? [])] });
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
        : r.mediaType
          ? { description: r.description, content: { [r.mediaType]: { schema: { type: 'string' } } } }
          : { description: r.description };
    }
    for (const status of errorStatuses(method, rawPath, doc)) responses[status] = { $ref: `#/components/responses/E${status}` };
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
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  return {
    openapi: '3.0.3',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cn_id' } },
      responses: Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [
          `E${status}`,
          {
            description,
            content: errorContent,
            ...(status === '429'
              ? { headers: { 'retry-after': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 0 } } } }
              : {}),
          },
        ]),
      ),
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          additionalProperties: false,
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: {
                code: { type: 'string', enum: [...ERROR_CODES], description: 'Stable snake_case code of the kind of failure' },
                message: { type: 'string', description: 'A sentence in English for people' },
                details: { type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } },
              },
            },
          },
        },
        ErrorDetail: {
          type: 'object',
          required: ['path', 'code', 'message'],
          additionalProperties: false,
          description: [
            'One detail of an error, with a stable code an app words in its own language.',
            `A field's (400): ${DETAIL_CODES.join(', ')}.`,
            `A conflict's reason (409): ${CONFLICT_REASONS.join(', ')}.`,
            `Why it is not allowed (403): ${FORBIDDEN_REASONS.join(', ')}.`,
            `Why sign-in is needed (401): ${UNAUTHENTICATED_REASONS.join(', ')}.`,
          ].join(' '),
          properties: {
            path: { type: 'string', description: "The field, dotted (goals.shortTerm), or '' for the request as a whole" },
            code: {
              type: 'string',
              enum: [...new Set([...DETAIL_CODES, ...CONFLICT_REASONS, ...FORBIDDEN_REASONS, ...UNAUTHENTICATED_REASONS])],
              description: 'A stable snake_case code for the detail',
            },
            message: { type: 'string', description: 'A sentence in English, for clients that do not word the code themselves' },
            params: {
              type: 'object',
              additionalProperties: true,
              description:
                'Values the message names: minimum, maximum (too_short, too_long, too_small, too_large), options (invalid_enum, invalid_locale), fields (unknown_field), format (invalid_format), expected (invalid_type), until (suspended, read_only), state, from …',
            },
          },
        },
      },
    },
  };
}
