import { hc } from 'hono/client';
import type { ClientResponse } from 'hono/client';
// Type-only: the server code never reaches the bundle (checked in the build output).
import type { AppType } from '../../../functions/app';

/**
 * One detail of an error as the API reports it: a field's problem (a 400) or the reason of a 401,
 * 403 or 409 (path ''). `code` and `params` are what the app words (lib/form.ts); `message` is the
 * server's English, never shown.
 */
export type FieldProblem = { path: string; code: string; message: string; params?: Record<string, unknown> };

/** A non-2xx answer from the API, in the contract's error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

let sessionLost: () => void = () => {};

/** Called once the session is gone for good (a 401 that a refresh could not fix). */
export function onSessionLost(handler: () => void): void {
  sessionLost = handler;
}

/**
 * The auth routes that take credentials instead of a session: their 401 is about the email,
 * password or code, and no refresh could change it. Her account's own settings under /api/auth
 * (two-step sign-in, password change) are session routes like any other.
 */
const CREDENTIAL_ROUTES = new Set(
  ['sign-up', 'confirm', 'sign-in', 'sign-in/totp', 'refresh', 'sign-out', 'forgot-password', 'reset-password'].map(
    (p) => `/api/auth/${p}`,
  ),
);

let refreshing: Promise<boolean> | undefined;

/** One refresh at a time: parallel 401s share it. */
function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

const pathOf = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input), window.location.origin).pathname;

/**
 * fetch with the session rule: a 401 outside the sign-in routes is retried once after POST
 * /api/auth/refresh. GET /api/me answers "signed out" itself, so it never reports a lost session.
 */
const sessionFetch: typeof fetch = async (input, init) => {
  const send = () => fetch(input, { ...init, credentials: 'same-origin' });
  const res = await send();
  const path = pathOf(input);
  if (res.status !== 401 || CREDENTIAL_ROUTES.has(path)) return res;
  if (await refreshSession()) {
    const again = await send();
    if (again.status !== 401) return again;
  }
  if (path !== '/api/me') sessionLost();
  return res;
};

/** The typed client: `api.members[':id'].$get({ param: { id } })`. */
export const api = hc<AppType>('/', { fetch: sessionFetch }).api;

type Success<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends 200 | 201 | 202 | 204
      ? F extends 'json'
        ? T
        : undefined
      : never
    : never;

/** The parsed body of a successful answer; any other answer becomes an ApiError. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(pending: Promise<R> | R): Promise<Success<R>> {
  const res = await pending;
  if (res.ok) {
    if (res.status === 204) return undefined as Success<R>;
    return (await res.json()) as Success<R>;
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  throw new ApiError(
    res.status,
    typeof error?.code === 'string' ? error.code : 'network',
    typeof error?.message === 'string' ? error.message : res.statusText,
    Array.isArray(error?.details) ? error.details.filter(isProblem) : [],
  );
}

function isProblem(d: unknown): d is FieldProblem {
  const p = d as Partial<FieldProblem> | null;
  return typeof p?.path === 'string' && typeof p.code === 'string' && typeof p.message === 'string';
}

/** True when `e` is an ApiError with this HTTP status. */
export const isStatus = (e: unknown, status: number): e is ApiError => e instanceof ApiError && e.status === status;
