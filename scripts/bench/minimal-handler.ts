import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

/** The cold-init baseline: the smallest Hono Lambda handler, bundled exactly like the real ones. */
export const handler = handle(new Hono().get('/', (c) => c.text('ok')));
