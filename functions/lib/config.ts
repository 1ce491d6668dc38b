import * as z from 'zod';

/**
 * Every setting the API reads, parsed once at cold start. A missing or malformed value fails
 * the function at init rather than on a user's request.
 */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  /** Signs list cursors so a tampered cursor is refused. */
  CURSOR_SECRET: z.string().min(16),
  /** Local mode: sign-ups are confirmed at once, cookies may be sent over plain http. */
  LOCAL_MODE: flag,
  /** Local only: endpoints of DynamoDB Local and cognito-local. Unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  COGNITO_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-central-1'),
  /** The app's own origin for the CSRF check, e.g. http://127.0.0.1:3000. */
  APP_ORIGIN: z.url().optional(),
  /** Behind CloudFront: the viewer's host arrives in x-forwarded-host (set by a CloudFront Function). */
  TRUST_FORWARDED_HOST: flag,
  /** Failed sign-ins allowed per email inside the window before 429. */
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Sign-up attempts per client address per window; 0 turns the per-address throttle off (local mode). */
  SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
  SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  /** Bodies larger than this are refused with 413 (contract: 64 KiB). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
});

export type Config = z.infer<typeof EnvSchema>;

export const config: Config = EnvSchema.parse(process.env);
