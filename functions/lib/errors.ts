/**
 * Typed domain errors. Services throw them; `app.onError` maps them to the contract's error shape
 * once, so no handler repeats response boilerplate.
 */
export type ErrorDetail = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message = 'The request is not valid.', details?: ErrorDetail[]) {
    super(400, 'validation_failed', message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue.') {
    super(401, 'unauthenticated', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'forbidden', message);
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}
/** `reason` is a stable snake_case word for tests and clients; the message is for people. */
export class ConflictError extends AppError {
  constructor(
    readonly reason: string,
    message = 'This conflicts with the current state. Reload and try again.',
  ) {
    super(409, 'conflict', message, [{ path: '', message: reason }]);
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
