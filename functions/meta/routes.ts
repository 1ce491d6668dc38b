import { Hono } from 'hono/tiny';
import { EXPERTISE, countries, languages } from '../../shared/meta';
import { MetaSchema } from '../../shared/schemas';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';

export const metaRoutes = new Hono<Env>().get(
  '/',
  describe(
    DOCS && {
      summary: 'Expertise codes, countries and languages',
      tags: ['meta'],
      responses: { 200: { description: 'Reference data', schema: MetaSchema } },
    },
  ),
  (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return respond(c, MetaSchema, { expertise: EXPERTISE.map((e) => ({ ...e })), countries: countries(), languages: languages() }, 200);
  },
);
