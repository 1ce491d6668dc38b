import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the API’s log lines', () => {
  it('carry ids, routes and outcomes, never what a request said, even when something fails', async () => {
    // Logs are on here (the test run silences them), and the API is loaded afresh to see that.
    vi.stubEnv('LOG_LEVEL', 'info');
    // Metrics on too, as in Lambda: their lines must be as clean as the logs.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.resetModules();
    const lines: string[] = [];
    // Powertools writes to the process's streams through a Console of its own.
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const { createApi } = await import('../../functions/lib/http');
    const personal = { email: 'sadia.rahimi@example.org', name: 'Sadia Rahimi', post: 'the raid at the Torkham crossing' };
    const app = createApi({})
      // A library that refuses an input often quotes it in its message: that message must stay out.
      .post('/api/members/:id/notes', async (c) => {
        const body = (await c.req.json()) as typeof personal;
        throw new Error(`refused ${body.email} (${body.name}): ${body.post}`);
      })
      .get('/api/search', (c) => c.json({ found: c.req.query('q') }));

    const json = { 'content-type': 'application/json' };
    const failed = await app.request('/api/members/m-123/notes', {
      method: 'POST',
      headers: { ...json, cookie: 'cn_session=a-session-token-value' },
      body: JSON.stringify(personal),
    });
    expect(failed.status).toBe(500);
    expect((await app.request(`/api/search?q=${encodeURIComponent(personal.name)}`)).status).toBe(200);

    // The Logger and Metrics load beside the first request; an invocation waits for its lines (lib/lambda.ts).
    const { logsWritten } = await import('../../functions/lib/log');
    const { metricsWritten } = await import('../../functions/lib/metrics');
    await Promise.all([logsWritten(), metricsWritten()]);
    const written = lines.join('\n');
    // The failure is there, by name and place, with the id in its path …
    expect(written).toContain('"message":"unhandled"');
    expect(written).toContain('/api/members/m-123/notes');
    expect(lines.filter((l) => l.includes('"message":"request"'))).toHaveLength(2);
    // The requests were counted, by route pattern and status class, as embedded metrics.
    const emf = lines.filter((l) => l.includes('"_aws"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(emf.map((m) => [m.route, m.status, m.Requests])).toEqual(
      expect.arrayContaining([
        ['/api/members/:id/notes', '5xx', 1],
        ['/api/search', '2xx', 1],
      ]),
    );
    expect(emf.filter((m) => m.ServerErrors === 1).map((m) => m.route)).toEqual(['/api/members/:id/notes']);
    // … and nothing she sent: not her address, her name, her words, her session or her search.
    for (const said of [personal.email, personal.name, 'Sadia', 'Torkham', 'a-session-token-value', 'refused']) {
      expect(written).not.toContain(said);
    }
  });

  it('still writes every line, before and after, as plain JSON when the Logger cannot load', async () => {
    vi.resetModules();
    vi.doMock('@aws-lambda-powertools/logger', () => {
      throw new Error('not shipped');
    });
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const { log, logsWritten } = await import('../../functions/lib/log');
      log.warn('before', { id: 'a' });
      await logsWritten();
      log.warn('after', { id: 'b' });
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
        { level: 'warn', message: 'before', id: 'a' },
        { level: 'warn', message: 'after', id: 'b' },
      ]);
    } finally {
      vi.doUnmock('@aws-lambda-powertools/logger');
    }
  });
});
