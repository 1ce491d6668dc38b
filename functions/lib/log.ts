import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured logs through Powertools' Logger: JSON lines with the service, the level, a message
 * and the fields given — ids, routes, statuses, timings. Never pass a body, a name, an email, a
 * query string, a token or any other personal data here: the logs leave the member's control.
 * The Lambda event is never logged (`logEvent` stays off); in AWS each line also carries the
 * invocation's request id and whether it was a cold start (`addContext` in lib/lambda.ts).
 *
 * `LOG_LEVEL=silent` (the tests) keeps errors only.
 */
type Fields = Record<string, string | number | boolean | undefined>;

const levelOf = (v: string | undefined) => (v === 'silent' ? 'ERROR' : (v ?? 'INFO').toUpperCase());

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'champions-network',
  logLevel: levelOf(process.env.LOG_LEVEL) as 'INFO',
});

export const log = {
  info: (msg: string, fields: Fields = {}) => logger.info(msg, fields),
  warn: (msg: string, fields: Fields = {}) => logger.warn(msg, fields),
  error: (msg: string, fields: Fields = {}) => logger.error(msg, fields),
};

/** The field each log line's message is in (Powertools' `message`): metric filters read it. */
export const LOG_MESSAGE_FIELD = 'message';

/**
 * Log lines that alarms count (infra/constructs/operations.ts makes metrics of them): renaming one
 * silences its alarm, so both sides read the name from here.
 */
export const LOG_EVENTS = {
  /** A wrong password or authenticator code (never the address). */
  signInFailed: 'auth.failed',
} as const;
