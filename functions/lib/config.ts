/**
 * Every setting the API reads, parsed once at cold start. A missing or malformed value fails
 * the function at init rather than on a user's request, naming every bad setting at once.
 *
 * Plain code rather than a zod schema: this runs on every cold start, and building and running
 * a schema for it cost about as much as a whole bare Hono handler's init.
 */
export type Config = {
  TABLE_NAME: string;
  USER_POOL_ID: string;
  USER_POOL_CLIENT_ID: string;
  /** Signs list cursors so a tampered cursor is refused. */
  CURSOR_SECRET: string;
  /**
   * The key CURSOR_SECRET replaced at its last rotation: cursors and sign-in challenges it signed
   * are still read for one period, so a rotation breaks no list she is paging through.
   */
  CURSOR_SECRET_PREVIOUS?: string;
  /** Local mode: sign-ups are confirmed at once, cookies may be sent over plain http. */
  LOCAL_MODE: boolean;
  /** Local only: endpoints of DynamoDB Local and cognito-local. Unset in AWS. */
  DYNAMODB_ENDPOINT?: string;
  COGNITO_ENDPOINT?: string;
  AWS_REGION: string;
  /** The app's own origin for the CSRF check, e.g. http://127.0.0.1:3000. */
  APP_ORIGIN?: string;
  /** Behind CloudFront: the viewer's host arrives in x-forwarded-host (set by a CloudFront Function). */
  TRUST_FORWARDED_HOST: boolean;
  /** Failed sign-ins allowed per email inside the window before 429. */
  SIGNIN_MAX_FAILURES: number;
  SIGNIN_WINDOW_SECONDS: number;
  /** Sign-up attempts per client address per window; 0 turns the per-address throttle off (local mode). */
  SIGNUP_MAX_PER_ADDRESS: number;
  SIGNUP_WINDOW_SECONDS: number;
  /** Bodies larger than this are refused with 413 (contract: 64 KiB). */
  MAX_BODY_BYTES: number;
  /**
   * In AWS: the value CloudFront adds to every API request in `x-origin-verify`. Requests without
   * it reached API Gateway directly, around CloudFront's TLS policy and security headers, and are
   * refused. Unset locally (there is no CloudFront).
   */
  ORIGIN_SECRET?: string;
  /** The origin value before its last rotation, accepted while CloudFront's edges move to the new one. */
  ORIGIN_SECRET_PREVIOUS?: string;
};

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): Config {
  const problems: string[] = [];
  const text = (name: string, minLength = 1): string => {
    const v = env[name];
    if (v === undefined || v.length < minLength) problems.push(`${name}: required, at least ${minLength} character(s)`);
    return v ?? '';
  };
  const url = (name: string): string | undefined => {
    const v = env[name];
    if (v === undefined) return undefined;
    if (!URL.canParse(v)) problems.push(`${name}: not a URL`);
    return v;
  };
  const flag = (name: string): boolean => {
    const v = env[name] ?? 'false';
    if (!['true', 'false', '1', '0'].includes(v)) problems.push(`${name}: one of true, false, 1, 0`);
    return v === 'true' || v === '1';
  };
  const secret = (name: string, minLength: number): string | undefined => {
    const v = env[name];
    if (v !== undefined && v !== '' && v.length < minLength) problems.push(`${name}: at least ${minLength} characters when set`);
    return v;
  };
  const whole = (name: string, min: number, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(v) || v < min) problems.push(`${name}: a whole number, at least ${min}`);
    return v;
  };
  const config: Config = {
    TABLE_NAME: text('TABLE_NAME'),
    USER_POOL_ID: text('USER_POOL_ID'),
    USER_POOL_CLIENT_ID: text('USER_POOL_CLIENT_ID'),
    CURSOR_SECRET: text('CURSOR_SECRET', 16),
    LOCAL_MODE: flag('LOCAL_MODE'),
    DYNAMODB_ENDPOINT: url('DYNAMODB_ENDPOINT'),
    COGNITO_ENDPOINT: url('COGNITO_ENDPOINT'),
    AWS_REGION: env.AWS_REGION ?? 'eu-central-1',
    APP_ORIGIN: url('APP_ORIGIN'),
    TRUST_FORWARDED_HOST: flag('TRUST_FORWARDED_HOST'),
    SIGNIN_MAX_FAILURES: whole('SIGNIN_MAX_FAILURES', 1, 5),
    SIGNIN_WINDOW_SECONDS: whole('SIGNIN_WINDOW_SECONDS', 1, 900),
    SIGNUP_MAX_PER_ADDRESS: whole('SIGNUP_MAX_PER_ADDRESS', 0, 20),
    SIGNUP_WINDOW_SECONDS: whole('SIGNUP_WINDOW_SECONDS', 1, 3600),
    MAX_BODY_BYTES: whole('MAX_BODY_BYTES', 1024, 64 * 1024),
    ORIGIN_SECRET: secret('ORIGIN_SECRET', 32),
    // Empty until the first rotation (the secret's `previous` key starts empty).
    CURSOR_SECRET_PREVIOUS: secret('CURSOR_SECRET_PREVIOUS', 16) || undefined,
    ORIGIN_SECRET_PREVIOUS: secret('ORIGIN_SECRET_PREVIOUS', 32) || undefined,
  };
  if (problems.length > 0) throw new Error(`Invalid settings: ${problems.join('; ')}`);
  return config;
}

export const config: Config = parseConfig(process.env);
