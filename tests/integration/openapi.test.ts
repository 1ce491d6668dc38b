import { describe, expect, it } from 'vitest';
import { Agent, app } from '../helpers';
import { responseChecker } from '../response-check';

type Responses = Record<string, { $ref?: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
type Operation = { responses: Responses; security?: unknown[]; requestBody?: unknown };
const documentNow = async () => (await new Agent().get('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };

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
    const { openApiDocument } = await import('../../functions/app');
    const { metaApi, openApiDocumentJson } = await import('../../functions/meta/api');
    expect(JSON.parse(openApiDocumentJson())).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const res = await metaApi.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
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

  it('declares every error status an operation can answer, each with the Error schema, and hides none behind default', async () => {
    const doc = await documentNow();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(op.responses, where).not.toHaveProperty('default');
        const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
        for (const [status, r] of errors) expect(r.$ref, `${where} ${status}`).toBe(`#/components/responses/E${status}`);
        const statuses = errors.map(([s]) => Number(s));
        if (op.security) expect(statuses, where).toEqual(expect.arrayContaining([401, 403, 503]));
        if (op.requestBody) expect(statuses, where).toContain(400);
        if (method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining([403, 413, 415, 503]));
        if (path.includes('{')) expect(statuses, where).toContain(404);
        expect(
          statuses.filter((s) => s >= 500 && s !== 503),
          where,
        ).toEqual([]);
      }
    }
    expect(Object.keys(doc.paths['/api/auth/sign-in']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '202', '401', '429']),
    );
  });

  it('types every field of an answer: goals are strings, and objects admit no undeclared field', async () => {
    const doc = await documentNow();
    const mentorship = doc.paths['/api/mentorships/{id}']?.get?.responses['200']?.content?.['application/json']?.schema as {
      properties: { goals: { properties: Record<string, { type?: string }>; additionalProperties: boolean } };
      additionalProperties: boolean;
    };
    expect(mentorship.additionalProperties).toBe(false);
    expect(mentorship.properties.goals.additionalProperties).toBe(false);
    for (const field of ['shortTerm', 'mediumTerm', 'longTerm']) expect(mentorship.properties.goals.properties[field]?.type).toBe('string');
  });

  it('fails an answer with an undeclared field, an undeclared status or an error off the contract shape, naming the request', async () => {
    const check = responseChecker(JSON.parse(JSON.stringify((await import('../../functions/app')).openApiDocument())));
    const json = 'application/json';
    expect(() => check('GET', 'http://x/api/auth/mfa', 200, { totp: true }, json)).not.toThrow();
    expect(() => check('GET', 'http://x/api/auth/mfa', 200, { totp: true, secret: 'x' }, json)).toThrow(
      /GET \/api\/auth\/mfa answered 200: .*additional properties/,
    );
    expect(() => check('GET', 'http://x/api/auth/mfa', 200, {}, json)).toThrow(/must have required property 'totp'/);
    expect(() => check('GET', 'http://x/api/auth/mfa', 409, { error: { code: 'conflict', message: 'No.' } }, json)).toThrow(
      /status 409 is not declared/,
    );
    expect(() => check('GET', 'http://x/api/auth/mfa', 401, { error: { code: 'unauthenticated' } }, json)).toThrow(/message/);
    expect(() => check('POST', 'http://x/api/auth/sign-out', 204, { ok: true }, json)).toThrow(/declares no body/);
    expect(() =>
      check('GET', 'http://x/api/nothing-here', 404, { error: { code: 'not_found', message: 'Not found.' } }, json),
    ).not.toThrow();
    expect(() => check('GET', 'http://x/api/nothing-here', 200, {}, json)).toThrow(/only a 404/);
  });
});
