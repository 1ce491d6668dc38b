import { randomUUID } from 'node:crypto';
import { AdminAddUserToGroupCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { codeSentTo, heldCodeOf } from '../scripts/local/outbox';
import type { ProfileInput } from '../shared/schemas';
import { responseChecker } from './response-check';

/**
 * Test helpers that go through the public entry points: `app.request()` with a cookie jar,
 * against the real DynamoDB Local and cognito-local that the global setup started.
 * Import this module only from test files (after tests/setup/env.ts has loaded the env).
 */
const { app, openApiDocument } = await import('../functions/app');
const checkAnswer = responseChecker(JSON.parse(JSON.stringify(openApiDocument())));

export const ORIGIN = 'http://127.0.0.1:3000';
export const PASSWORD = 'a long and unusual passphrase 42';

/**
 * A JSON answer, read loosely in assertions (the one `any` in the codebase: the tests' expect()
 * calls are what check its shape, and typing every answer here would only restate the schemas).
 */
// biome-ignore lint/suspicious/noExplicitAny: see above
type JsonBody = any;
export type Res = { status: number; body: JsonBody; headers: Headers };

/** A browser-like client: keeps cookies, sends JSON with the app's own Origin on writes. */
export class Agent {
  cookies = new Map<string, string>();
  userId = '';
  email = '';

  async req(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // Browsers send Origin on writes; pass origin: '' to act as a non-browser client.
    if (method !== 'GET' && !('origin' in h)) h.origin = ORIGIN;
    if (h.origin === '') delete h.origin;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
      h['content-length'] = String(Buffer.byteLength(payload));
    }
    const res = await app.request(`http://127.0.0.1:3000${path}`, { method, headers: h, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (!name) continue;
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    // Every answer must be one the published document declares, with a body of its schema.
    checkAnswer(method, `http://127.0.0.1:3000${path}`, res.status, parsed, res.headers.get('content-type'));
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.req('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.req('POST', path, body, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) => this.req('PUT', path, body, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.req('PATCH', path, body, headers);
  del = (path: string, headers?: Record<string, string>) => this.req('DELETE', path, undefined, headers);
}

export const uniqueEmail = (tag = 'user') => `${tag}-${randomUUID().slice(0, 8)}@example.org`;

/** Signs up (local mode confirms at once) and signs in. */
export async function signedInAgent(tag = 'user'): Promise<Agent> {
  const a = new Agent();
  a.email = uniqueEmail(tag);
  const up = await a.post('/api/auth/sign-up', { email: a.email, password: PASSWORD });
  if (up.status !== 202) throw new Error(`sign-up failed: ${up.status} ${JSON.stringify(up.body)}`);
  // Sign-up answers nothing about the account (the same for a taken address); sign-in names it.
  const inRes = await a.post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
  if (inRes.status !== 200) throw new Error(`sign-in failed: ${inRes.status}`);
  a.userId = inRes.body.user.id;
  return a;
}

export function profile(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    displayName: 'Test Member',
    kind: 'practitioner',
    country: 'PK',
    statement: 'I lead trafficking investigations in Lahore.',
    expertise: ['investigation'],
    languages: ['ur', 'en'],
    organization: 'Punjab Police',
    jobTitle: 'Inspector',
    bio: 'Investigator.',
    ...overrides,
  };
}

/** An applicant: signed in, first profile saved, status pending. */
export async function applicant(overrides: Partial<ProfileInput> = {}, tag = 'applicant'): Promise<Agent> {
  const a = await signedInAgent(tag);
  const res = await a.put('/api/members/me', profile(overrides));
  if (res.status !== 200) throw new Error(`profile failed: ${res.status} ${JSON.stringify(res.body)}`);
  return a;
}

let boardAgent: Promise<Agent> | undefined;

/**
 * A board member. The first one in a run is made the way an operator bootstraps the network:
 * added to the Cognito `board` group and activated directly (there is no board yet to vet her).
 */
export function board(): Promise<Agent> {
  boardAgent ??= (async () => {
    const a = await applicant({ displayName: 'Board Member', kind: 'practitioner' }, 'board');
    await makeBoard(a);
    const repo = await import('../functions/members/repository');
    const m = await repo.getMember(a.userId);
    if (!m) throw new Error('board profile missing');
    await repo.replaceMember(m, { ...m, status: 'active', version: m.version + 1 }, m.version);
    return a;
  })();
  return boardAgent;
}

/**
 * Another board member, for tests that post as the board: every member, the board included, may
 * post 5 times a minute, and one shared board account would run out within a test file.
 */
export async function anotherBoardMember(): Promise<Agent> {
  const a = await member({ displayName: 'Board Colleague' }, 'board-colleague');
  await makeBoard(a);
  return a;
}

/** Adds the account to the Cognito board group and signs in again so the token carries it. */
export async function makeBoard(a: Agent): Promise<void> {
  const idp = new CognitoIdentityProviderClient({
    region: process.env.AWS_REGION,
    endpoint: process.env.COGNITO_ENDPOINT,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: process.env.USER_POOL_ID, Username: a.email, GroupName: 'board' }));
  idp.destroy();
  const res = await a.post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
  if (res.status !== 200) throw new Error('board sign-in failed');
}

/** An active member: applied and approved by the board. */
export async function member(overrides: Partial<ProfileInput> = {}, tag = 'member'): Promise<Agent> {
  const a = await applicant(overrides, tag);
  const b = await board();
  const res = await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' });
  if (res.status !== 200) throw new Error(`approve failed: ${res.status} ${JSON.stringify(res.body)}`);
  return a;
}

/** The contract's error shape with the given status and code. */
export function expectError(res: Res, status: number, code: string) {
  if (res.status !== status || res.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  if (typeof res.body.error.message !== 'string' || res.body.error.message.length === 0) throw new Error('error without message');
}

export { app };

/**
 * Asks for a password reset and answers the code cognito-local "emailed" (local mode sends no
 * mail). It keeps one code per account, and the sign-up's stays behind after local mode confirms
 * it, so the reset's code is the one that replaced whatever was there before the request.
 */
export async function requestResetCode(email: string): Promise<string> {
  const where = [process.env.TEST_COGNITO_DATA_DIR ?? '', process.env.USER_POOL_ID ?? ''] as const;
  const before = await heldCodeOf(...where, email);
  const res = await new Agent().post('/api/auth/forgot-password', { email });
  if (res.status !== 204) throw new Error(`forgot-password answered ${res.status}`);
  return codeSentTo(...where, email, { replacing: before });
}

/**
 * Limits count in fixed windows (a minute, an hour…). A test that fills one waits, when the
 * window is about to turn, for the next, so its requests all fall in the same one.
 */
export async function awayFromWindowEdge(windowSeconds: number, marginSeconds = 10): Promise<void> {
  const intoWindow = (Date.now() / 1000) % windowSeconds;
  if (windowSeconds - intoWindow < marginSeconds) await new Promise((r) => setTimeout(r, (windowSeconds - intoWindow + 0.5) * 1000));
}

/** A champion offering `capacity` places in investigation, mentoring in English. */
export function offeringProfile(capacity: number): Partial<ProfileInput> {
  return {
    kind: 'champion',
    mentoring: {
      offering: { active: true, capacity, topics: ['investigation'], languages: ['en'] },
      seeking: {
        active: false,
        topics: [],
        goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
        sameCountryOnly: false,
        outsideOrganizationOnly: false,
      },
    },
  };
}

/** A champion offering three places. */
export const mentorProfile: Partial<ProfileInput> = offeringProfile(3);
