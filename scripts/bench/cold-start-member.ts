import { randomUUID } from 'node:crypto';
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Run by the cold-init section (scripts/bench/bundles.ts) in its own process, with the local
 * services' environment: the API's config is parsed once per process, and the bench's later
 * sections start services of their own. Signs a member up through the API, puts her on the board
 * and activates her (as scripts/bootstrap-board.ts does), signs her in again so her token carries
 * the group, and prints her id and session cookies as one JSON line: every function's first
 * request can then be a signed-in read that the table answers.
 */
const ORIGIN = 'http://127.0.0.1:3000';
const PASSWORD = 'a long and unusual passphrase 42';
const email = `cold-${randomUUID().slice(0, 8)}@example.org`;

const { app } = await import('../../functions/app');
const repo = await import('../../functions/members/repository');
const { db } = await import('../../functions/lib/db');

const cookies = new Map<string, string>();
async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  for (const c of res.headers.getSetCookie()) {
    const [name, ...rest] = (c.split(';')[0] ?? '').split('=');
    if (name) cookies.set(name, rest.join('='));
  }
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res;
}

await call('POST', '/api/auth/sign-up', { email, password: PASSWORD });
const signedIn = (await (await call('POST', '/api/auth/sign-in', { email, password: PASSWORD })).json()) as { user: { id: string } };
const userId = signedIn.user.id;
await call('PUT', '/api/members/me', {
  displayName: 'Cold Start',
  kind: 'practitioner',
  country: 'PK',
  statement: 'I lead trafficking investigations in Lahore.',
  expertise: ['investigation'],
  languages: ['ur', 'en'],
  organization: 'Punjab Police',
  jobTitle: 'Inspector',
  bio: 'Investigator.',
});

const idp = new CognitoIdentityProviderClient({
  region: process.env.AWS_REGION,
  endpoint: process.env.COGNITO_ENDPOINT,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: process.env.USER_POOL_ID, Username: email, GroupName: 'board' }));
idp.destroy();
const m = await repo.getMember(userId);
if (!m) throw new Error('profile missing');
await repo.replaceMember(m, { ...m, status: 'active', version: m.version + 1 }, m.version);
await db.transactWrite({ TransactItems: [repo.boardRosterWrite(userId, true)] });
await call('POST', '/api/auth/sign-in', { email, password: PASSWORD });

process.stdout.write(`${JSON.stringify({ userId, cookies: [...cookies].map(([k, v]) => `${k}=${v}`) })}\n`, () => process.exit(0));
