/**
 * Structured logs with ids and outcomes only. Never pass a body, a name, an email or any other
 * personal data here: the logs leave the member's control.
 */
type Fields = Record<string, string | number | boolean | undefined>;

const quiet = process.env.LOG_LEVEL === 'silent';

function write(level: 'info' | 'warn' | 'error', msg: string, fields: Fields) {
  if (quiet && level === 'info') return;
  const line = JSON.stringify({ level, msg, ...fields, t: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else if (!quiet) console.log(line);
}

export const log = {
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
};

/**
 * Log lines that alarms count (infra/constructs/operations.ts makes metrics of them): renaming one
 * silences its alarm, so both sides read the name from here.
 */
export const LOG_EVENTS = {
  /** A wrong password or authenticator code (never the address). */
  signInFailed: 'auth.failed',
} as const;
