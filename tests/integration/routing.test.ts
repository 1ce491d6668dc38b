import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { app } from '../../functions/app';
import { REPO_ROOT } from '../../infra/paths';
import { API_DOMAINS, type ApiDomain } from '../../infra/stacks/app-stack';
import { ORIGIN } from '../helpers';

/**
 * In AWS each domain is its own Lambda function, and API Gateway picks the function by its own
 * route-matching rules, not Hono's: a path of the local app that no function serves works locally
 * and answers 404 in AWS. This walks every route of the local app through API Gateway's rules to
 * the function it would reach, invokes that function's handler, and expects the route to be there.
 */

type Result = { statusCode: number; body: string };
type Handler = (event: unknown, context: unknown) => Promise<Result>;

/** A concrete path for a Hono route pattern: each `:param` filled in. */
const samplePath = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, '01ARZ3NDEKTSV4RRFFQ69G5FAV');

/**
 * The route API Gateway (HTTP API) picks for a request: an exact path first, then paths with
 * `{param}` segments (more literal segments win), greedy `{proxy+}` last (longest prefix wins); a
 * route naming the method beats `ANY` at the same path.
 */
function apiGatewayDomain(method: string, path: string): ApiDomain | undefined {
  const parts = path.split('/');
  let best: { domain: ApiDomain; rank: number[] } | undefined;
  for (const domain of API_DOMAINS) {
    for (const route of domain.routes) {
      const methods = route.methods.map(String);
      if (!methods.includes(method) && !methods.includes('ANY')) continue;
      const segs = route.path.split('/');
      const greedy = segs.at(-1) === '{proxy+}';
      const fixed = greedy ? segs.slice(0, -1) : segs;
      if (greedy ? parts.length <= fixed.length : parts.length !== fixed.length) continue;
      if (!fixed.every((s, i) => /^\{[^}]+\}$/.test(s) || s === parts[i])) continue;
      const literal = fixed.filter((s) => !s.startsWith('{')).length;
      const rank = [greedy ? 0 : 1, literal, methods.includes(method) ? 1 : 0];
      if (!best || outranks(rank, best.rank)) best = { domain, rank };
    }
  }
  return best?.domain;
}

/** Lexicographic: the first place they differ decides. */
function outranks(a: number[], b: number[]): boolean {
  const i = a.findIndex((x, j) => x !== b[j]);
  return i >= 0 && (a[i] ?? 0) > (b[i] ?? 0);
}

function event(method: string, path: string) {
  const host = new URL(ORIGIN).host;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    cookies: [],
    headers: { host, 'user-agent': 'vitest', ...(method === 'GET' ? {} : { origin: ORIGIN, 'content-type': 'application/json' }) },
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: host,
      domainPrefix: '127',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'routing-test',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

const handlers = new Map<string, Handler>();
async function handlerOf(domain: ApiDomain): Promise<Handler> {
  const have = handlers.get(domain.name);
  if (have) return have;
  const { handler } = (await import(/* @vite-ignore */ pathToFileURL(join(REPO_ROOT, domain.entry)).href)) as { handler: Handler };
  handlers.set(domain.name, handler);
  return handler;
}

describe('routing in AWS', () => {
  it('sends every route of the app to a function that serves it', async () => {
    // Each route is listed once per handler (guards, validators, the handler itself): once is enough.
    const routes = [
      ...new Map(
        app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ];
    expect(routes.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const { method, path: pattern } of routes) {
      const path = samplePath(pattern);
      const domain = apiGatewayDomain(method, path);
      if (!domain) {
        missing.push(`${method} ${pattern}: no API Gateway route`);
        continue;
      }
      // Signed out, with an empty body: a route that exists answers before any lookup (401, 400,
      // 403, 2xx); only a path the function does not have answers the app's own 404.
      const res = await (await handlerOf(domain))(event(method, path), { awsRequestId: 'routing', getRemainingTimeInMillis: () => 10_000 });
      const notFound = res.statusCode === 404 && JSON.parse(res.body || '{}')?.error?.code === 'not_found';
      if (notFound) missing.push(`${method} ${pattern}: the ${domain.name} function answers 404`);
    }
    expect(missing).toEqual([]);
  });
});
