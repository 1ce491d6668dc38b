/**
 * The mailer's settings, parsed once when an email module first loads (as functions/lib/config.ts
 * does for the API), naming every bad one at once. Kept apart from the API's config: the functions
 * that only queue jobs never load them.
 */
export type EmailSettings = {
  /** The sender's address, e.g. `cn@<domain>`; its display name is always the neutral "CN". */
  EMAIL_FROM: string;
  /** Signs the unsubscribe links (HMAC-SHA256). */
  EMAIL_TOKEN_SECRET: string;
  /** `smtp` locally (the local inbox), `ses` in AWS; without SMTP_HOST, `ses`. */
  EMAIL_TRANSPORT: 'smtp' | 'ses';
  SMTP_HOST?: string;
  SMTP_PORT: number;
  /** SES: the configuration set whose events (bounces, complaints) turn email off. */
  SES_CONFIGURATION_SET?: string;
  /** Where the links in an email lead: the app's own origin, e.g. https://cn.example.org. */
  APP_ORIGIN: string;
};

type Env = Record<string, string | undefined>;

export function parseEmailSettings(env: Env): EmailSettings {
  const problems: string[] = [];
  const transport = env.EMAIL_TRANSPORT ?? (env.SMTP_HOST ? 'smtp' : 'ses');
  if (transport !== 'smtp' && transport !== 'ses') problems.push('EMAIL_TRANSPORT: one of smtp, ses');
  if (transport === 'smtp' && !env.SMTP_HOST) problems.push('SMTP_HOST: required for the smtp transport');
  const port = Number(env.SMTP_PORT ?? '25');
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push('SMTP_PORT: a port number');
  const secret = env.EMAIL_TOKEN_SECRET ?? '';
  if (secret.length < 32) problems.push('EMAIL_TOKEN_SECRET: required, at least 32 characters');
  const origin = env.APP_ORIGIN ?? '';
  if (!URL.canParse(origin)) problems.push('APP_ORIGIN: required, a URL');
  const from = env.EMAIL_FROM ?? (transport === 'smtp' ? 'notices@localhost' : '');
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(from)) problems.push('EMAIL_FROM: required, a bare address (the display name is fixed)');
  if (problems.length > 0) throw new Error(`Invalid email settings: ${problems.join('; ')}`);
  return {
    EMAIL_FROM: from,
    EMAIL_TOKEN_SECRET: secret,
    EMAIL_TRANSPORT: transport as 'smtp' | 'ses',
    SMTP_HOST: env.SMTP_HOST,
    SMTP_PORT: port,
    SES_CONFIGURATION_SET: env.SES_CONFIGURATION_SET || undefined,
    APP_ORIGIN: new URL(origin).origin,
  };
}

let parsed: EmailSettings | undefined;

/** The settings, parsed on first use and kept for the execution environment. */
export function emailSettings(): EmailSettings {
  parsed ??= parseEmailSettings(process.env);
  return parsed;
}
