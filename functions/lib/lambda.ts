import type { Context } from 'aws-lambda';
import type { Env, Hono, Schema } from 'hono';
import { handle } from 'hono/aws-lambda';
import { logContext, logsWritten } from './log';
import { metricsWritten } from './metrics';

/**
 * An API domain as a Lambda handler: Hono's adapter, with each invocation's context given to the
 * Logger (its request id and cold start on every line), and the answer returned only once the
 * invocation's log lines and metrics are out: Lambda may freeze the process as soon as it returns.
 */
export function lambdaHandler<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>) {
  const handler = handle(app);
  return async (event: Parameters<typeof handler>[0], context: Context) => {
    logContext(context);
    const answer = await handler(event, context);
    await Promise.all([logsWritten(), metricsWritten()]);
    return answer;
  };
}

/** A schedule's, a queue's or a stream's handler, returning only once its log lines and metrics are out. */
export function backgroundHandler<A extends unknown[], R>(run: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await run(...args);
    } finally {
      await Promise.all([logsWritten(), metricsWritten()]);
    }
  };
}
