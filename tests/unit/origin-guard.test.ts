import { describe, expect, it } from 'vitest';
import { createApi, ORIGIN_HEADER } from '../../functions/lib/http';

const SECRET = 'a-48-character-secret-that-cloudfront-adds-xxxxx';

describe('requests around CloudFront', () => {
  const app = createApi({ originSecret: SECRET }).get('/api/ping', (c) => c.json({ ok: true }, 200));

  it('are refused in the contract shape when the origin header is missing or wrong', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { [ORIGIN_HEADER]: 'guess' },
      { [ORIGIN_HEADER]: `${SECRET}x` },
      { [ORIGIN_HEADER]: SECRET.slice(1) },
    ];
    for (const headers of attempts) {
      const res = await app.request('/api/ping', { headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'Use the app’s own address.' } });
    }
  });

  it('pass when CloudFront added the header, and unknown paths still answer 404', async () => {
    const ok = await app.request('/api/ping', { headers: { [ORIGIN_HEADER]: SECRET } });
    expect(ok.status).toBe(200);
    const missing = await app.request('/api/nothing', { headers: { [ORIGIN_HEADER]: SECRET } });
    expect(missing.status).toBe(404);
  });

  it('are not checked locally, where no secret is set', async () => {
    const local = createApi({}).get('/api/ping', (c) => c.json({ ok: true }, 200));
    expect((await local.request('/api/ping')).status).toBe(200);
  });
});

describe('state-changing requests from a browser (CSRF)', () => {
  // The app's own origin: APP_ORIGIN in the test env, and the request's own origin when unset.
  const OWN = 'http://127.0.0.1:3000';
  const app = createApi({}).post('/api/ping', (c) => c.json({ ok: true }, 200));
  const post = (headers: Record<string, string>) => app.request(`${OWN}/api/ping`, { method: 'POST', headers });
  const refused = async (res: Response, message: string) => {
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message, details: [{ path: '', code: 'cross_origin', message }] } });
  };

  it('are refused when the Origin names another origin, a lookalike or another port included', async () => {
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:3001',
      'https://127.0.0.1:3000',
      'http://127.0.0.1:3000.evil.example',
      'null',
    ]) {
      await refused(await post({ origin }), 'Cross-origin requests are refused.');
    }
  });

  it('are refused when the browser says the request is cross-site, whatever the Origin', async () => {
    await refused(await post({ 'sec-fetch-site': 'cross-site' }), 'Cross-site requests are refused.');
    await refused(await post({ 'sec-fetch-site': 'cross-site', origin: OWN }), 'Cross-site requests are refused.');
  });

  it('pass from the app’s own origin, same-origin fetches and non-browser clients without an Origin', async () => {
    expect((await post({ origin: OWN })).status).toBe(200);
    expect((await post({ origin: OWN, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it('are not checked on reads, which change nothing', async () => {
    const reads = createApi({}).get('/api/ping', (c) => c.json({ ok: true }, 200));
    expect((await reads.request(`${OWN}/api/ping`, { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});
