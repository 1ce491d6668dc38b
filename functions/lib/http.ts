import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { config } from './config';
import { nodeCrypto } from './crypto';
import { hasLoneSurrogate } from '../../shared/text';
import {
  AppError,
  type ErrorDetail,
  ForbiddenError,
  PayloadTooLargeError,
  RateLimitedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
import { countRequest } from './metrics';
import { log } from './log';
import { PERMISSIONS_POLICY } from './permissions-policy';
import type { Session } from './session';
import type { MemberRecord } from '../members/repository';

/**
 * What the guards (lib/guards.ts) put on a request: her session; `record`, her member record as
 * read with the session (none before her first profile save), so that no route reads it again;
 * `member`, the same record on routes for active members, where it always exists; and `also`, the
 * items a route asked its guard to read in that same round trip (guards.ts signedInReading).
 */
export type Env = {
  Variables: {
    session: Session;
    record: MemberRecord | undefined;
    member: MemberRecord;
    also: (Record<string, AttributeValue> | undefined)[];
  };
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * RFC 8058: a mail client's one-click unsubscribe POSTs `List-Unsubscribe=One-Click` as a form.
 * The route reads only its query (the signed token), never the body; every other route takes JSON.
 */
const FORM_BODY_PATHS = new Set(['/api/email/unsubscribe']);
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** AWS SDK errors that mean "the database could not do it now"; nothing was written. */
const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TooManyRequestsException',
  'TimeoutError',
]);

function isUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const meta = (e as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return (
    UNAVAILABLE.has(e.name) ||
    (meta?.httpStatusCode !== undefined && meta.httpStatusCode >= 500) ||
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|fetch failed/.test(e.message)
  );
}

export function errorBody(code: string, message: string, details?: ErrorDetail[]) {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** The contract's 404, for any path no route claims (every method alike). */
export const notFoundAnswer = (c: Context): Response => c.json(errorBody('not_found', 'Not found.'), 404);

/** The path of the first string (value or key) in `value` holding a lone surrogate, if any. */
function loneSurrogateAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const at = loneSurrogateAt(v, path ? `${path}.${i}` : String(i));
      if (at !== undefined) return at;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = hasLoneSurrogate(k) ? path : loneSurrogateAt(v, path ? `${path}.${k}` : k);
      if (at !== undefined) return at;
    }
  }
  return undefined;
}

/** The one place where errors become HTTP answers. */
export function toResponse(err: unknown, c: Context): Response {
  if (err instanceof AppError) {
    if (err instanceof RateLimitedError) c.header('retry-after', String(err.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    // Hono raises these for malformed JSON bodies and the like: a client error, in our shape.
    const status = err.status;
    if (status === 413) return toResponse(new PayloadTooLargeError(config.MAX_BODY_BYTES), c);
    if (status === 415) return toResponse(new UnsupportedMediaTypeError(), c);
    if (status >= 400 && status < 500) {
      return c.json(
        errorBody('validation_failed', 'The request body is not valid JSON.', [{ path: '', code: 'invalid_json', message: err.message }]),
        400,
      );
    }
  }
  if (isUnavailable(err)) {
    log.warn('unavailable', { path: c.req.path, error: err instanceof Error ? err.name : 'unknown' });
    return c.json(errorBody('unavailable', 'The service is busy. Nothing was changed; try again shortly.'), 503);
  }
  // The error's name and where it was thrown, never its message: a library's message can quote
  // the input it refused (an address, a post), and logs leave the member's control.
  log.error('unhandled', { path: c.req.path, error: err instanceof Error ? err.name : 'unknown', at: thrownAt(err) });
  return c.json(errorBody('internal', 'Something went wrong on our side.'), 500 as ContentfulStatusCode);
}

/** The browser's Origin must be the app's own on every state-changing request (CSRF). */
function expectedOrigin(c: Context): string {
  if (config.APP_ORIGIN) return config.APP_ORIGIN;
  const fwd = config.TRUST_FORWARDED_HOST ? c.req.header('x-forwarded-host') : undefined;
  if (fwd) return `https://${fwd}`;
  return new URL(c.req.url).origin;
}

/** The header CloudFront adds to every request it sends to the API (infra/constructs/static-site.ts). */
export const ORIGIN_HEADER = 'x-origin-verify';

/**
 * Constant-time comparison, so the secret cannot be guessed a character at a time; both sides
 * are hashed first, so not even its length shows in the timing.
 */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => nodeCrypto().createHash('sha256').update(v).digest();
  return nodeCrypto().timingSafeEqual(digest(given), digest(expected));
}

/** The first frame of an error's stack (`file:line:column`), which names code, never data. */
function thrownAt(err: unknown): string | undefined {
  const frame = err instanceof Error ? err.stack?.split('\n').find((l) => l.trimStart().startsWith('at ')) : undefined;
  const where = frame?.match(/\(?([^()\s]+:\d+:\d+)\)?\s*$/);
  return where?.[1];
}

/**
 * A Hono app with the edge rules every domain shares: only requests that came through CloudFront
 * (when `originSecret` is set, as in AWS), errors in the contract's shape, CSRF, JSON-only bodies
 * of at most 64 KiB, and a request log with ids only (never bodies).
 */
export function createApi(
  opts: { originSecret?: string; previousOriginSecret?: string } = {
    originSecret: config.ORIGIN_SECRET,
    previousOriginSecret: config.ORIGIN_SECRET_PREVIOUS,
  },
) {
  const app = new Hono<Env>();
  app.onError(toResponse);
  app.notFound(notFoundAnswer);

  // Answers behind a session are hers alone: no browser, proxy or CDN may keep a copy (a shared
  // computer's back button, a cache on the way). A route whose answer is the same for everyone
  // says so itself (GET /api/meta); every other answer, errors included, is not stored.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('permissions-policy', PERMISSIONS_POLICY);
  });

  app.use('*', async (c, next) => {
    const started = Date.now();
    await next();
    log.info('request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Date.now() - started });
    countRequest(c.req.routePath, c.res.status);
  });

  // Requests that went around CloudFront (straight to API Gateway) are refused, and logged.
  // After a rotation CloudFront's edges move to the new value over minutes: the previous one is
  // accepted until the next rotation.
  const originSecrets = [opts.originSecret, opts.previousOriginSecret].filter((s): s is string => Boolean(s));
  if (opts.originSecret) {
    app.use('*', async (c, next) => {
      const given = c.req.header(ORIGIN_HEADER) ?? '';
      if (!originSecrets.some((s) => sameSecret(given, s))) throw new ForbiddenError('Use the app’s own address.');
      return next();
    });
  }

  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (c.req.header('sec-fetch-site') === 'cross-site') throw new ForbiddenError('Cross-site requests are refused.', 'cross_origin');
    if (origin !== undefined && origin !== expectedOrigin(c))
      throw new ForbiddenError('Cross-origin requests are refused.', 'cross_origin');
    const length = Number(c.req.header('content-length') ?? '0');
    const hasBody = length > 0 || c.req.header('transfer-encoding') !== undefined;
    if (hasBody) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json' && !(FORM_BODY_PATHS.has(c.req.path) && FORM_TYPES.has(type ?? '')))
        throw new UnsupportedMediaTypeError();
    }
    return next();
  });

  const limitBody = bodyLimit({
    maxSize: config.MAX_BODY_BYTES,
    onError: () => {
      throw new PayloadTooLargeError(config.MAX_BODY_BYTES);
    },
  });
  // No route reads the body of a GET, HEAD or OPTIONS, so it is never limited (nor read): asking for
  // it makes @hono/node-server build a whole fetch Request from the incoming message, about a tenth
  // of a light read's CPU.
  app.use('*', (c, next) => (SAFE_METHODS.has(c.req.method) ? next() : limitBody(c, next)));

  // A lone surrogate (`"\ud800"` in JSON) is no character: refused in any field of any body,
  // before a route stores text that cannot be written as UTF-8 or shown. Malformed JSON is left
  // to the route's validator, which reports it in the contract's shape; the parsed body is cached.
  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return next();
    const body: unknown = await c.req.json().catch(() => undefined);
    const at = loneSurrogateAt(body, '');
    if (at !== undefined)
      throw new ValidationError('The text holds a broken character (a lone surrogate); type it again.', [
        { path: at, code: 'lone_surrogate', message: 'Remove the broken character.' },
      ]);
    return next();
  });
  return app;
}
