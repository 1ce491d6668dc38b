import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// No static import from functions/: startServer sets process.env before it loads the API.
import { freePort } from '../../scripts/local/services';
import { startServer } from '../../scripts/start';

/** The whole local product (`npm start`) on a free port: the API and the built SPA behind one origin. */
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const origin = () => server?.origin ?? '';

beforeAll(async () => {
  server = await startServer({ port: await freePort() });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('the local server', () => {
  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])(
    'answers %s on an unknown /api path with the contract’s JSON 404, never the SPA',
    async (method) => {
      for (const path of ['/api/no-such-thing', '/api/members/me/no/such/thing', '/api']) {
        const res = await fetch(`${origin()}${path}`, {
          method,
          headers: { origin: origin(), 'content-type': 'application/json' },
          body: ['GET', 'HEAD'].includes(method) ? undefined : '{}',
        });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        if (method !== 'HEAD') expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
      }
    },
  );

  it('still serves the SPA for a page path, refusing browser features there too', async () => {
    const res = await fetch(`${origin()}/members/someone`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  });
});
