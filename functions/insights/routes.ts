import { Hono } from 'hono/tiny';
import { InsightsQuerySchema, InsightsSchema } from '../../shared/insights-schemas';
import { boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { insights } from './service';

export const insightRoutes = new Hono<Env>().get(
  '/',
  describe(
    DOCS && {
      summary:
        'The network by month (from–to, yyyy-mm, at most 24 months; by default the last 12): members, applications, mentorship requests and mentorships, feedback, events, discussion and the moderation queue. Every count from 1 to 4 is suppressed, and so is any total it could be worked out from',
      tags: ['board'],
      responses: { 200: { description: 'Series and tables', schema: InsightsSchema } },
    },
  ),
  boardMember,
  validate('query', InsightsQuerySchema),
  async (c) => respond(c, InsightsSchema, await insights(c.req.valid('query')), 200),
);
