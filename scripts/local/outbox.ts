import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type CognitoLocalDb = { Users?: Record<string, { Attributes?: { Name: string; Value: string }[]; ConfirmationCode?: string }> };

/** Every code cognito-local holds for a user now, by email address; undefined when the file cannot be read just now. */
export function codesInOutbox(dataDir: string, userPoolId: string): Map<string, string> | undefined {
  const out = new Map<string, string>();
  let db: CognitoLocalDb;
  try {
    db = JSON.parse(readFileSync(join(dataDir, `${userPoolId}.json`), 'utf8')) as CognitoLocalDb;
  } catch {
    return undefined; // not written yet, or caught mid-write: the next look will see it
  }
  for (const u of Object.values(db.Users ?? {})) {
    const email = u.Attributes?.find((a) => a.Name === 'email')?.Value;
    if (email && u.ConfirmationCode) out.set(email, u.ConfirmationCode);
  }
  return out;
}

/**
 * The code last "sent" to an address, waiting a moment for it: cognito-local rewrites its data
 * file whole on every change, so a look may catch it mid-write.
 */
export async function codeSentTo(dataDir: string, userPoolId: string, email: string, timeoutMs = 3000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const code = codesInOutbox(dataDir, userPoolId)?.get(email);
    if (code) return code;
    if (Date.now() > until) throw new Error(`no code was sent to ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Local mode sends no email. Cognito's codes (a password reset) stay on the user in
 * cognito-local's data file; this prints each new one in the `npm start` console, which serves
 * as the outbox. Answers a function that stops watching.
 */
export function printOutbox(dataDir: string, userPoolId: string, print: (line: string) => void, everyMs = 1000): () => void {
  let seen = codesInOutbox(dataDir, userPoolId) ?? new Map<string, string>();
  const timer = setInterval(() => {
    const now = codesInOutbox(dataDir, userPoolId);
    if (!now) return;
    for (const [email, code] of now) {
      if (seen.get(email) !== code) print(`Local outbox: password-reset code for ${email}: ${code}`);
    }
    seen = now;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
