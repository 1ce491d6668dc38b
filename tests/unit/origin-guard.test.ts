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
