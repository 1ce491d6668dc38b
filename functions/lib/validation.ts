import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type * as z from 'zod/mini';
import { DETAIL_CODES, type DetailCode } from '../../shared/error-codes';
import { type ErrorDetail, ValidationError } from './errors';
import { register } from './openapi';

type Issue = z.core.$ZodIssue;

const isDetailCode = (v: unknown): v is DetailCode => typeof v === 'string' && (DETAIL_CODES as readonly string[]).includes(v);

/** The value at `path` in what was sent: undefined when a field is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** zod's number-or-bigint bound as a number (our bounds are all small). */
const bound = (n: number | bigint) => Number(n);

/** What a too_small / too_large bound counts: a list's items, or a number's value. */
const counted = (origin: string): 'array' | 'number' => (origin === 'array' || origin === 'set' ? 'array' : 'number');

/**
 * One zod issue as the contract's detail: a stable code and its params, so the app can word it in
 * the member's language; zod's English message stays for outside clients. A refinement in
 * shared/schemas.ts names its code in `params.code`.
 */
function issueDetail(issue: Issue, input: unknown, fallbackPath: string): ErrorDetail {
  const path = issue.path.map(String).join('.') || fallbackPath;
  const at = (code: DetailCode, params?: ErrorDetail['params']): ErrorDetail => ({
    path,
    code,
    message: issue.message,
    ...(params ? { params } : {}),
  });
  // A field left out reports as a type or enum mismatch against `undefined`; say what it is.
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
    return { path, code: 'required', message: issue.code === 'custom' ? issue.message : 'Required.' };
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path, code: 'unknown_field', message: `Unknown field: ${issue.keys.join(', ')}.`, params: { fields: issue.keys } };
    case 'invalid_type':
      return at('invalid_type', { expected: issue.expected });
    case 'invalid_format':
      return at('invalid_format', { format: issue.format });
    case 'too_small':
      return issue.origin === 'string'
        ? at('too_short', { minimum: bound(issue.minimum) })
        : at('too_small', { minimum: bound(issue.minimum), origin: counted(issue.origin) });
    case 'too_big':
      return issue.origin === 'string'
        ? at('too_long', { maximum: bound(issue.maximum) })
        : at('too_large', { maximum: bound(issue.maximum), origin: counted(issue.origin) });
    case 'invalid_value':
      return at('invalid_enum', { options: issue.values.map(String) });
    case 'custom': {
      const { code, ...params } = issue.params ?? {};
      return isDetailCode(code) ? at(code, Object.keys(params).length ? params : undefined) : at('invalid_value');
    }
    default:
      return at('invalid_value');
  }
}

/** Fields the server keeps (`id`, `status`, `roles` …): sending one is `read_only`, not an unknown field. */
const READ_ONLY_FIELDS = new Set(['id', 'status', 'roles']);

/** The details of one issue: unknown fields split into the server's own (read-only) and the rest. */
function issueDetails(issue: Issue, input: unknown, fallbackPath: string): ErrorDetail[] {
  if (issue.code !== 'unrecognized_keys') return [issueDetail(issue, input, fallbackPath)];
  const prefix = issue.path.map(String).join('.');
  const readOnly = issue.keys.filter((k) => READ_ONLY_FIELDS.has(k));
  const unknown = issue.keys.filter((k) => !READ_ONLY_FIELDS.has(k));
  return [
    ...readOnly.map(
      (k): ErrorDetail => ({
        path: prefix ? `${prefix}.${k}` : k,
        code: 'read_only',
        message: `${k} is kept by the server and cannot be set.`,
      }),
    ),
    ...(unknown.length
      ? [
          {
            path: prefix || fallbackPath,
            code: 'unknown_field' as const,
            message: `Unknown field: ${unknown.join(', ')}.`,
            params: { fields: unknown },
          },
        ]
      : []),
  ];
}

/**
 * zValidator with the contract's 400: every issue becomes `{path, code, message, params?}`. The
 * schema is also registered for the OpenAPI document.
 */
export function validate<T extends z.ZodMiniType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const mw = zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.issues.flatMap((i) => issueDetails(i, result.data, target));
      throw new ValidationError('Some fields are not valid.', details);
    }
  });
  const docTarget = target === 'json' ? 'json' : target === 'query' ? 'query' : target === 'param' ? 'param' : undefined;
  return docTarget ? register(mw, { [docTarget]: schema }) : mw;
}
