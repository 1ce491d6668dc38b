import { describe, expect, it } from 'vitest';
import { Agent, app } from '../helpers';

describe('the published API description', () => {
  it('lists every route the app serves, with the schemas the routes validate with', async () => {
    const res = await new Agent().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    for (const r of app.routes.filter((r) => r.method !== 'ALL')) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(paths[path], `${r.method} ${path}`).toHaveProperty(r.method.toLowerCase());
    }
    const signUp = paths['/api/auth/sign-up']?.post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties: boolean } }> };
    };
    expect(Object.keys(signUp.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(['email', 'password']);
    expect(signUp.requestBody.content['application/json']?.schema.additionalProperties).toBe(false);
  });

  it('ships the meta Lambda a document identical to the live one (run `npm run openapi` when routes change)', async () => {
    const { OPENAPI_JSON } = await import('../../functions/meta/openapi-document');
    const { openApiDocument } = await import('../../functions/app');
    expect(JSON.parse(OPENAPI_JSON)).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const { metaApi } = await import('../../functions/meta/api');
    const res = await metaApi.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(OPENAPI_JSON));
  });

  it('serves the reference data with at least 8 expertise codes', async () => {
    const res = await new Agent().get('/api/meta');
    expect(res.status).toBe(200);
    expect(res.body.expertise.length).toBeGreaterThanOrEqual(8);
    expect(res.body.expertise.map((e: { code: string }) => e.code)).toEqual(
      expect.arrayContaining([
        'investigation',
        'prosecution',
        'victim_protection',
        'legislation',
        'border_management',
        'labour_inspection',
        'international_cooperation',
        'leadership',
      ]),
    );
    expect(res.body.countries.find((c: { code: string }) => c.code === 'PK')).toEqual({ code: 'PK', label: 'Pakistan' });
    expect(res.body.countries).toHaveLength(249);
    expect(res.body.languages.find((l: { code: string }) => l.code === 'ur')).toEqual({ code: 'ur', label: 'Urdu' });
  });
});
