import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOGGER_BUILD, LOGGER_FILE, loggerBuildArgs } from '../../infra/lambda-bundling';
import { REPO_ROOT } from '../../infra/paths';
import { LAMBDA_BUILD } from '../../scripts/bench/bundles';
import { ORIGIN, signedInAgent } from '../helpers';

/**
 * The members function exactly as Lambda runs it: bundled with the CDK's settings (the SDK
 * clients external, aws-jwt-verify's Web Crypto build, util-dynamodb bundled), invoked with
 * API Gateway HTTP API events, against the same DynamoDB Local and cognito-local tokens.
 * The other tests import the TypeScript sources; this one catches what only the bundle can get
 * wrong.
 */
const run = promisify(execFile);

type Result = { statusCode: number; body: string; headers?: Record<string, string>; cookies?: string[] };
type Handler = (event: unknown, context: unknown) => Promise<Result>;

let handler: Handler;

beforeAll(async () => {
  // Inside the repository, so the bundle's external SDK import resolves from node_modules.
  const dir = join(REPO_ROOT, 'test-results', 'lambda-bundles', 'members');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `index-${process.pid}.mjs`);
  await build({ ...LAMBDA_BUILD, absWorkingDir: REPO_ROOT, entryPoints: ['functions/handlers/members.ts'], outfile, write: true });
  // Powertools' Logger beside it, by the very command the CDK runs after bundling
  // (infra/constructs/api-function.ts).
  await run(join(REPO_ROOT, 'node_modules/.bin/esbuild'), [...loggerBuildArgs(join(dir, LOGGER_FILE)), '--log-level=warning'], {
    cwd: REPO_ROOT,
  });
  ({ handler } = (await import(pathToFileURL(outfile).href)) as { handler: Handler });
}, 60_000);

function event(method: string, path: string, cookies: string[] = [], body?: unknown) {
  const host = new URL(ORIGIN).host;
  const headers: Record<string, string> = { host, 'user-agent': 'vitest' };
  if (method !== 'GET') headers.origin = ORIGIN;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: host,
      domainPrefix: '127',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

const context = { awsRequestId: 'test', functionName: 'members', getRemainingTimeInMillis: () => 10_000 };

describe('the members Lambda bundle', () => {
  it('loads Powertools’ Logger from the one file shipped beside it, not from node_modules', async () => {
    const dir = join(REPO_ROOT, 'test-results', 'lambda-bundles', 'members');
    const code = readFileSync(join(dir, `index-${process.pid}.mjs`), 'utf8');
    expect(code).toContain(`import(new URL("./${LOGGER_FILE}",import.meta.url).href)`);
    expect(code).not.toContain('@aws-lambda-powertools/logger');
    const { Logger } = (await import(pathToFileURL(join(dir, LOGGER_FILE)).href)) as typeof import('@aws-lambda-powertools/logger');
    expect(new Logger({ serviceName: 'members', logLevel: 'ERROR' }).getLevelName()).toBe('ERROR');
  });

  it('ships the same Logger file whether built by the CDK’s command or by the benchmark’s esbuild options', async () => {
    // The benchmark (scripts/bench/bundles.ts) builds LOGGER_BUILD through esbuild's API; the CDK
    // runs loggerBuildArgs on the command line. One setting added to one and not the other shows here.
    const dir = join(REPO_ROOT, 'test-results', 'lambda-bundles', 'members');
    const api = await build({
      ...LOGGER_BUILD,
      entryPoints: [...LOGGER_BUILD.entryPoints],
      mainFields: [...LOGGER_BUILD.mainFields],
      absWorkingDir: REPO_ROOT,
      write: false,
      logLevel: 'silent',
    });
    expect(api.outputFiles).toHaveLength(1);
    expect(api.outputFiles[0]?.text).toBe(readFileSync(join(dir, LOGGER_FILE), 'utf8'));
  });

  it('answers a signed-in member from her Cognito token (Web Crypto verification) and DynamoDB', async () => {
    const agent = await signedInAgent('bundle');
    const cookies = [...agent.cookies].map(([k, v]) => `${k}=${v}`);
    const res = await handler(event('GET', '/api/me', cookies), context);
    expect(res.statusCode).toBe(200);
    const me = JSON.parse(res.body);
    expect(me).toMatchObject({ id: agent.userId, email: agent.email, profile: null });
  });

  it('refuses a missing or forged session in the contract shape', async () => {
    const none = await handler(event('GET', '/api/me'), context);
    expect(none.statusCode).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('unauthenticated');

    const agent = await signedInAgent('bundle-forged');
    const token = agent.cookies.get('cn_id') ?? '';
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['board'] })).toString('base64url');
    const forged = await handler(event('GET', '/api/me', [`cn_id=${header}.${forgedPayload}.${token.split('.')[2]}`]), context);
    expect(forged.statusCode).toBe(401);
  });

  it('validates bodies with the lazily built schemas (400 with details, unknown fields refused)', async () => {
    const agent = await signedInAgent('bundle-body');
    const cookies = [...agent.cookies].map(([k, v]) => `${k}=${v}`);
    const res = await handler(event('PUT', '/api/members/me', cookies, { displayName: '', role: 'board' }), context);
    expect(res.statusCode).toBe(400);
    const paths = JSON.parse(res.body).error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['displayName']));
    expect(
      JSON.parse(res.body)
        .error.details.map((d: { message: string }) => d.message)
        .join(' '),
    ).toMatch(/Unknown field: role/);
  });
});
