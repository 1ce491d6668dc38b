import { Hono } from 'hono/tiny';
import { SearchQuerySchema, SearchResultSchema } from '../../shared/search-schemas';
import { pageOf } from '../../shared/schemas';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { search } from './service';

export const searchRoutes = new Hono<Env>().get(
  '/',
  describe(
    DOCS && {
      summary: 'Search what she may open (practices, threads, posts, events, members), by relevance',
      tags: ['knowledge'],
      responses: { 200: { description: 'A page of results', schema: pageOf(SearchResultSchema) } },
    },
  ),
  activeMember,
  validate('query', SearchQuerySchema),
  async (c) => respond(c, pageOf(SearchResultSchema), await search(c.var.session, c.var.member, c.req.valid('query')), 200),
);
