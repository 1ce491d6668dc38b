import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type CognitoLocalDb = {
  Users?: Record<string, { Attributes?: { Name: string; Value: string }[]; ConfirmationCode?: string; UserStatus?: string }>;
};

/** A code cognito-local holds for a user, and whether her account still waits for its sign-up to be confirmed. */
export type HeldCode = { code: string; unconfirmed: boolean };

/** Every code cognito-local holds for a user now, by email address; undefined when the file cannot be read just now. */
export function outboxOf(dataDir: string, userPoolId: string): Map<string, HeldCode> | undefined {
  const out = new Map<string, HeldCode>();
  let db: CognitoLocalDb;
  try {
    db = JSON.parse(readFileSync(join(dataDir, `${userPoolId}.json`), 'utf8')) as CognitoLocalDb;
  } catch {
    return undefined; // not written yet, or caught mid-write: the next look will see it
  }
  for (const u of Object.values(db.Users ?? {})) {
    const email = u.Attributes?.find((a) => a.Name === 'email')?.Value;
    if (email && u.ConfirmationCode) out.set(email, { code: u.ConfirmationCode, unconfirmed: u.UserStatus === 'UNCONFIRMED' });
  }
  return out;
}

/** The code held for an address now (undefined: none), waiting out a data file caught mid-rewrite. */
export async function heldCodeOf(dataDir: string, userPoolId: string, email: string): Promise<string | undefined> {
  for (;;) {
    const outbox = outboxOf(dataDir, userPoolId);
    if (outbox) return outbox.get(email)?.code;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The code last "sent" to an address, waiting a moment for it: cognito-local rewrites its data
 * file whole on every change, so a look may catch it mid-write. Pass what `heldCodeOf` saw before
 * the request as `replacing`: the sign-up's code stays behind after local mode confirms an account.
 */
export async function codeSentTo(
  dataDir: string,
  userPoolId: string,
  email: string,
  opts: { replacing?: string; timeoutMs?: number } = {},
): Promise<string> {
  const until = Date.now() + (opts.timeoutMs ?? 10_000);
  for (;;) {
    const held = outboxOf(dataDir, userPoolId)?.get(email);
    // One code per account: a new message's code is the one that replaced what was held before.
    if (held && held.code !== opts.replacing) return held.code;
    if (Date.now() > until) throw new Error(`no code was sent to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The lines to print for the codes that are new since the last look, each saying what it is for.
 * cognito-local keeps one code per user and its data file does not say which message sent it;
 * what does tell: a sign-up code is on an account still unconfirmed, or on an account that was
 * not there at the last look (local mode confirms sign-ups at once, leaving the code behind).
 * A new code on an account already there is a password reset.
 */
export function newCodeLines(before: Map<string, HeldCode>, now: Map<string, HeldCode>): string[] {
  const lines: string[] = [];
  for (const [email, held] of now) {
    if (before.get(email)?.code === held.code) continue;
    if (held.unconfirmed) lines.push(`Local outbox: sign-up confirmation code for ${email}: ${held.code}`);
    else if (!before.has(email))
      lines.push(
        `Local outbox: sign-up confirmation code for ${email}: ${held.code} (not needed: local mode confirms new accounts at once)`,
      );
    else lines.push(`Local outbox: password-reset code for ${email}: ${held.code}`);
  }
  return lines;
}

/**
 * Local mode sends no email. Cognito's codes (a sign-up's, a password reset's) stay on the user
 * in cognito-local's data file; this prints each new one in the `npm start` console, which
 * serves as the outbox. Answers a function that stops watching.
 */
export function printOutbox(dataDir: string, userPoolId: string, print: (line: string) => void, everyMs = 1000): () => void {
  let seen = outboxOf(dataDir, userPoolId) ?? new Map<string, HeldCode>();
  const timer = setInterval(() => {
    const now = outboxOf(dataDir, userPoolId);
    if (!now) return;
    for (const line of newCodeLines(seen, now)) print(line);
    seen = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
