import type { ConflictReason, ErrorCode, ErrorDetail, ForbiddenReason, UnauthenticatedReason } from '../../shared/error-codes';

export type { ErrorDetail };

/**
 * Typed domain errors. Services throw them; `app.onError` maps them to the contract's error shape
 * once, so no handler repeats response boilerplate. Every code is one of shared/error-codes.ts, so
 * the app can word it in the member's language; `message` stays English for outside clients.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

/** The one detail of an error about the request as a whole (path ''). */
const because = (code: ErrorDetail['code'], message: string, params?: ErrorDetail['params']): ErrorDetail[] => [
  { path: '', code, message, ...(params ? { params } : {}) },
];

export class ValidationError extends AppError {
  constructor(message = 'The request is not valid.', details?: ErrorDetail[]) {
    super(400, 'validation_failed', message, details);
  }
}
/** `reason`, when given, tells the member why (her sign-in step lapsed, her session was ended …). */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.', reason?: UnauthenticatedReason) {
    super(401, 'unauthenticated', message, reason ? because(reason, message) : undefined);
  }
}
/** `reason`, when given, tells the member why she may not (her own case, membership not active …). */
export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.', reason?: ForbiddenReason, params?: ErrorDetail['params']) {
    super(403, 'forbidden', message, reason ? because(reason, message, params) : undefined);
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}
/** `reason` is the detail's stable code, for tests and clients; the message is for people who read English. */
export class ConflictError extends AppError {
  constructor(
    readonly reason: ConflictReason,
    message = 'This conflicts with the current state. Reload and try again.',
    params?: ErrorDetail['params'],
  ) {
    super(409, 'conflict', message, because(reason, message, params));
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(limit: number) {
    super(413, 'payload_too_large', `The body is larger than ${limit} bytes.`);
  }
}
export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
}
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many attempts. Wait a moment and try again.');
  }
}
export class UnavailableError extends AppError {
  constructor() {
    super(503, 'unavailable', 'The service is busy. Nothing was changed; try again shortly.');
  }
}
