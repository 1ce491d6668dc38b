import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The local inbox: a real SMTP server on 127.0.0.1 that keeps every message it receives in memory
 * (raw source and parsed), and a small HTTP server to read them:
 *   GET    /messages            JSON, newest first; `?to=` keeps those sent to one address
 *   GET    /messages/:id/raw    the message as it arrived (message/rfc822)
 *   DELETE /messages            forgets them all
 *   GET    /                    an inbox page for people
 * Recipients whose address starts with `refuse-` are refused, so a failed send can be shown.
 * Plain SMTP without auth or STARTTLS: it listens on loopback only, and the mailer sends to it
 * exactly as it would to any SMTP server. Nothing leaves the machine.
 */

export type InboxMessage = {
  id: string;
  receivedAt: string;
  /** The SMTP envelope: who the message was actually delivered to. */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Every header, lowercased name → its value as sent (unfolded). */
  headers: Record<string, string>;
  raw: string;
};

/** Enough for any demo or test run; the oldest go first. */
const KEEP = 1000;

export type LocalInbox = { smtpHost: string; smtpPort: number; url: string; stop: () => Promise<void> };

export async function startInbox(): Promise<LocalInbox> {
  const messages: InboxMessage[] = [];
  let next = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    logger: false,
    size: 10 * 1024 * 1024,
    // A way to see a failed send: any address whose local part starts with `refuse-` is refused
    // (550), as a receiving server refuses an unknown mailbox.
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().startsWith('refuse-')) callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const h of parsed.headerLines)
              headers[h.key] = h.line
                .slice(h.line.indexOf(':') + 1)
                .replace(/\r?\n[ \t]+/g, ' ')
                .trim();
            const toList = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
            messages.unshift({
              id: String(next++),
              receivedAt: new Date().toISOString(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              from: parsed.from?.text ?? '',
              to: toList.flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              headers,
              raw,
            });
            messages.length = Math.min(messages.length, KEEP);
            callback();
          })
          .catch((e: unknown) => callback(e instanceof Error ? e : new Error('unreadable message')));
      });
    },
  });
  await new Promise<void>((res, rej) => {
    smtp.on('error', rej);
    smtp.listen(0, '127.0.0.1', () => res());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http = createServer((req, res) => answer(req, res, messages));
  await new Promise<void>((res) => http.listen(0, '127.0.0.1', () => res()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const stop = async () => {
    http.closeAllConnections();
    await Promise.all([new Promise((r) => http.close(r)), new Promise<void>((r) => smtp.close(() => r()))]);
  };
  return { smtpHost: '127.0.0.1', smtpPort, url, stop };
}

function answer(req: IncomingMessage, res: ServerResponse, messages: InboxMessage[]): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(body);
  };
  if (url.pathname === '/messages' && req.method === 'GET') {
    const to = url.searchParams.get('to')?.toLowerCase();
    const found = to ? messages.filter((m) => [...m.envelope.to, ...m.to].some((a) => a.toLowerCase() === to)) : messages;
    send(200, 'application/json', JSON.stringify(found));
    return;
  }
  if (url.pathname === '/messages' && req.method === 'DELETE') {
    messages.length = 0;
    res.writeHead(204);
    res.end();
    return;
  }
  const raw = /^\/messages\/([0-9]+)\/raw$/.exec(url.pathname);
  if (raw && req.method === 'GET') {
    const m = messages.find((x) => x.id === raw[1]);
    if (m) send(200, 'text/plain; charset=utf-8', m.raw);
    else send(404, 'text/plain', 'No such message');
    return;
  }
  if (url.pathname === '/' && req.method === 'GET') {
    // The page's CSP also binds the sandboxed frames (srcdoc inherits it): no script, no remote resource.
    send(200, 'text/html; charset=utf-8', page(messages), {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'",
      'referrer-policy': 'no-referrer',
    });
    return;
  }
  send(404, 'text/plain', 'Not found');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The text part, escaped, with its web addresses made links (the HTML part's frame cannot navigate). */
const linkified = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" target="_blank" rel="noreferrer">${url}</a>`);

/** The inbox for people. A message's HTML is shown only inside a sandboxed frame (no scripts), never in the page. */
function page(messages: InboxMessage[]): string {
  const items = messages
    .map(
      (m) => `<article>
<h2>${escapeHtml(m.subject || '(no subject)')}</h2>
<p class="meta">From ${escapeHtml(m.from)} · to ${escapeHtml(m.envelope.to.join(', '))} · ${escapeHtml(m.receivedAt)} · <a href="/messages/${m.id}/raw">source</a></p>
<details><summary>Headers</summary><pre>${escapeHtml(
        Object.entries(m.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      )}</pre></details>
${m.html ? `<iframe sandbox title="HTML of message ${m.id}" srcdoc="${escapeHtml(m.html)}"></iframe>` : ''}
<details open><summary>Text</summary><pre dir="auto">${linkified(m.text)}</pre></details>
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local inbox</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:900px;padding:16px;color:#1a1a1a}
article{border:1px solid #ccc;border-radius:6px;padding:12px 16px;margin-block-end:16px}
h2{font-size:1.1rem;margin:0 0 4px 0}.meta{color:#555;font-size:.9rem;margin:0 0 8px 0}
iframe{width:100%;height:420px;border:1px solid #ddd;background:#fff}pre{white-space:pre-wrap;word-break:break-word}
</style></head>
<body><h1>Local inbox</h1>
<p>Every email the app sent while running locally (kept in memory, newest first). Nothing leaves this machine. <a href="/">Refresh</a></p>
${items || '<p>No email yet.</p>'}
</body></html>`;
}
