import { Hono } from 'hono/tiny';
import { PlanInputSchema, PlanSchema } from '../../shared/plan-schemas';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as plans from './service';

/** Her own plan, at /api/plan. */
export const planRoutes = new Hono<Env>()
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Her personal development plan (an empty plan, version 0, before the first write)',
        tags: ['programme'],
        responses: { 200: { description: 'The plan', schema: PlanSchema } },
      },
    ),
    activeMember,
    async (c) => respond(c, PlanSchema, await plans.getOwn(c.var.member), 200),
  )
  .put(
    '/',
    describe(
      DOCS && {
        summary: 'Replace her plan at its version; new goals, actions and reflections get ids; sharing names her own accepted mentorships',
        tags: ['programme'],
        responses: { 200: { description: 'The plan', schema: PlanSchema } },
      },
    ),
    activeMember,
    validate('json', PlanInputSchema),
    async (c) => respond(c, PlanSchema, await plans.put(c.var.member, c.req.valid('json')), 200),
  );

/** A member's plan as a reader may see it, at /api/members/:id/plan. */
export const sharedPlanRoutes = new Hono<Env>().get(
  '/:id/plan',
  describe(
    DOCS && {
      summary: 'A plan shared with the caller, read-only: the board if shared with it, her mentor in a shared accepted mentorship',
      tags: ['programme'],
      responses: { 200: { description: 'The plan, without its sharing', schema: PlanSchema } },
      errors: [404],
    },
  ),
  activeMember,
  async (c) => respond(c, PlanSchema, await plans.getShared(c.var.session, c.var.member, c.req.param('id')), 200),
);
