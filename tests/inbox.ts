import type { InboxMessage } from '../scripts/local/inbox';

/**
 * Reading the local inbox (scripts/local/inbox.ts) that the global setup started: the mailer sent
 * these through real SMTP. Waits by polling for a condition, never for a fixed time.
 */
const inboxUrl = () => {
  const url = process.env.LOCAL_INBOX_URL;
  if (!url) throw new Error('LOCAL_INBOX_URL is not set: the global setup starts the local inbox');
  return url;
};

/** The messages sent to `to`, newest first. */
export async function emailsTo(to: string): Promise<InboxMessage[]> {
  const res = await fetch(`${inboxUrl()}/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`local inbox answered ${res.status}`);
  return (await res.json()) as InboxMessage[];
}

/**
 * The newest message to `to` that `match` accepts (any, without it), once it has arrived; fails
 * after `timeoutMs` (generous: the machine may be busy). To prove that nothing more came, drain the
 * local queue (drainLocalEmail) and count with `emailsTo`.
 */
export async function waitForEmail(opts: { to: string; match?: (m: InboxMessage) => boolean; timeoutMs?: number }): Promise<InboxMessage> {
  const until = Date.now() + (opts.timeoutMs ?? 15_000);
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const found = (await emailsTo(opts.to)).find((m) => !opts.match || opts.match(m));
    if (found) return found;
    if (Date.now() > until) throw new Error(`no email to ${opts.to} arrived within ${opts.timeoutMs ?? 15_000} ms`);
    await new Promise((r) => setTimeout(r, delay));
  }
}
