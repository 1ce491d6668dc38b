import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { ValidationError } from './errors';
import { register } from './openapi';

/**
 * zValidator with the contract's 400: every issue becomes `{path, message}`. The schema is also
 * registered for the OpenAPI document.
 */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const mw = zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || target,
        message: i.code === 'unrecognized_keys' ? `Unknown field: ${i.keys.join(', ')}.` : i.message,
      }));
      throw new ValidationError('Some fields are not valid.', details);
    }
  });
  const docTarget = target === 'json' ? 'json' : target === 'query' ? 'query' : target === 'param' ? 'param' : undefined;
  return docTarget ? register(mw, { [docTarget]: schema }) : mw;
}
