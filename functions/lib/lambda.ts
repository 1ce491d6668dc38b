import type { Context } from 'aws-lambda';
import type { Env, Hono, Schema } from 'hono';
import { handle } from 'hono/aws-lambda';
import { logger } from './log';

/**
 * An API domain as a Lambda handler: Hono's adapter, with each invocation's context given to the
 * Logger first, so that every line of the request carries its request id, the function and
 * whether this was a cold start. (Metrics are written as each request ends: lib/metrics.ts.)
 */
export function lambdaHandler<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>) {
  const handler = handle(app);
  return (event: Parameters<typeof handler>[0], context: Context) => {
    logger.addContext(context);
    return handler(event, context);
  };
}
