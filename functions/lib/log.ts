import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/**
 * Structured logs through Powertools' Logger: JSON lines with the service, the level, a message
 * and the fields given — ids, routes, statuses, timings. Never pass a body, a name, an email, a
 * query string, a token or any other personal data here: the logs leave the member's control.
 * The Lambda event is never logged; in AWS each line also carries the invocation's request id and
 * whether it was a cold start (`logContext`, from lib/lambda.ts).
 *
 * The Logger loads beside the function's first request, not before it (it ships beside the bundle
 * as one file, about 20 ms of module loading): a line written before it is ready waits in order, and an
 * invocation ends only once its lines are out (`logsWritten`). `LOG_LEVEL=silent` (the tests)
 * keeps errors only.
 */
type Fields = Record<string, string | number | boolean | undefined>;
type Level = 'info' | 'warn' | 'error';

const levelOf = (v: string | undefined) => (v === 'silent' ? 'ERROR' : (v ?? 'INFO').toUpperCase());

let logger: Logger | undefined;
let context: Context | undefined;
/** Where a line goes once the Logger has loaded (or failed to): until then lines wait. */
let out: ((level: Level, msg: string, fields: Fields) => void) | undefined;
const waiting: [Level, string, Fields][] = [];

/**
 * In a Lambda bundle the Logger is one file beside it (LOGGER_FILE in infra/lambda-bundling.ts:
 * loaded as some 40 modules from node_modules it cost the first request a fifth of the stack
 * floor's cold start); run unbundled (the local server, the tests), it is the package.
 */
const loggerModule = (): Promise<typeof import('@aws-lambda-powertools/logger')> =>
  process.env.CN_LAMBDA_BUNDLE === 'true'
    ? import(new URL('./powertools-logger.mjs', import.meta.url).href)
    : import('@aws-lambda-powertools/logger');

const loading: Promise<void> = loggerModule().then(
  ({ Logger }) => {
    const loaded = new Logger({
      serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'champions-network',
      logLevel: levelOf(process.env.LOG_LEVEL) as 'INFO',
    });
    if (context) loaded.addContext(context);
    logger = loaded;
    out = (level, msg, fields) => loaded[level](msg, fields);
    for (const line of waiting.splice(0)) out(...line);
  },
  // Without the Logger a line still goes out, as plain JSON with the same fields.
  () => {
    out = (level, msg, fields) => console.error(JSON.stringify({ level, message: msg, ...fields }));
    for (const line of waiting.splice(0)) out(...line);
  },
);

function write(level: Level, msg: string, fields: Fields) {
  if (out) out(level, msg, fields);
  else waiting.push([level, msg, fields]);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
};

/** The invocation every following line belongs to (its request id, cold start). */
export function logContext(ctx: Context): void {
  context = ctx;
  logger?.addContext(ctx);
}

/** Settles once every line written so far is out. */
export const logsWritten = (): Promise<void> => loading;

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
