import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// No static import from functions/: startServer sets process.env before it loads the API.
import { freePort } from '../../scripts/local/services';
import { startServer } from '../../scripts/start';

/** The whole local product (`npm start`) on a free port: the API and the built SPA behind one origin. */
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const origin = () => server?.origin ?? '';
const dist = join(process.cwd(), 'web/dist');

/** A GET whose body stays as sent (fetch would decompress it), as a browser receives it. */
function rawGet(
  path: string,
  acceptEncoding = 'gzip',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${origin()}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The app's own entry, a hashed file under /assets/: the page's module script (the first-paint script is a classic one). */
const entryScript = () => {
  const src = [...readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/<script type="module"[^>]+src="(\/assets\/[^"]+\.js)"/g)].at(
    -1,
  )?.[1];
  if (!src) throw new Error('no entry script in web/dist/index.html');
  return src;
};

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

  it('sends hashed assets gzipped and cacheable for a year, and the same bytes once decoded', async () => {
    const src = entryScript();
    const res = await rawGet(src);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.body).equals(readFileSync(join(dist, src)))).toBe(true);
  });

  it('sends a file the page loads (a hashed asset, the icon, config.json) the headers it obeys, and leaves the page-only ones to pages', async () => {
    for (const path of [entryScript(), '/icon.svg', '/config.json']) {
      const asset = await rawGet(path);
      expect(asset.status, path).toBe(200);
      expect(asset.headers['x-content-type-options'], path).toBe('nosniff');
      expect(asset.headers['cross-origin-resource-policy'], path).toBe('same-origin');
      for (const pageOnly of ['content-security-policy', 'permissions-policy', 'x-frame-options', 'referrer-policy']) {
        expect(asset.headers[pageOnly], `${path} ${pageOnly}`).toBeUndefined();
      }
    }
    // A page, and the page a missing asset path answers with, keep every one of them.
    for (const path of ['/directory', '/assets/no-such-file.js']) {
      const page = await rawGet(path);
      expect(page.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(page.headers['permissions-policy'], path).toContain('camera=()');
      expect(page.headers['x-frame-options'], path).toBe('DENY');
      expect(page.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('sends a hashed asset as brotli to a browser that accepts it, the same bytes once decoded', async () => {
    const src = entryScript();
    const res = await rawGet(src, 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).equals(readFileSync(join(dist, src)))).toBe(true);
  });

  it.each(['/', '/index.html', '/directory', '/threads/some-thread', '/assets/no-such-file.js'])(
    'answers %s with index.html, revalidated on every use (no-cache)',
    async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      // Under 1 kB it is not worth compressing (Hono's threshold); either way the bytes are the file's.
      const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
      expect(body.equals(readFileSync(join(dist, 'index.html')))).toBe(true);
    },
  );

  it('revalidates the site’s config.json on every use', async () => {
    const res = await rawGet('/config.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body;
    expect(JSON.parse(body.toString('utf8'))).toHaveProperty('exitUrl');
  });

  it('compresses API answers and keeps their own cache headers', async () => {
    const meta = await rawGet('/api/meta');
    expect(meta.status).toBe(200);
    expect(meta.headers['content-encoding']).toBe('gzip');
    expect(meta.headers['cache-control']).not.toMatch(/immutable|no-cache/);
    const plain = await fetch(`${origin()}/api/meta`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(gunzipSync(meta.body).toString('utf8'))).toEqual(await plain.json());
    const me = await rawGet('/api/me');
    expect(me.status).toBe(401);
    expect(me.headers['cache-control']).toBe('no-store');
  });
});
