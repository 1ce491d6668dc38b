import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Checks an answer of the API against the published OpenAPI document: its status must be one the
 * operation declares, and its body must match that status's schema (objects are closed:
 * `additionalProperties: false`), or be empty where the document declares no body.
 * Every request the integration tests make through `Agent` is checked this way, so the document
 * cannot drift from what the routes answer.
 */
type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content?: Record<string, unknown> }> };
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * OpenAPI 3.0 writes a nullable union as `{nullable: true, anyOf: [...]}`, which Ajv's `nullable`
 * keyword refuses without a `type`: spelled here as the union with null that it means.
 */
function nullableUnions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableUnions);
  if (!node || typeof node !== 'object') return node;
  const o = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableUnions(v)]));
  if (o.nullable !== true || 'type' in o) return o;
  const { nullable: _, ...rest } = o;
  return { anyOf: [rest, { enum: [null] }] };
}

export function responseChecker(raw: Doc) {
  const doc = nullableUnions(raw) as Doc;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'doc');
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ref: string) => {
    let v = compiled.get(ref);
    if (!v) {
      v = ajv.compile({ $ref: ref });
      compiled.set(ref, v);
    }
    return v;
  };
  const routes = Object.entries(doc.paths).map(([template, ops]) => {
    const names = template.match(/\{\w+\}/g) ?? [];
    const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    return { template, ops, re, params: names.length };
  });
  const errorRef = 'doc#/components/schemas/Error';
  const explain = (errors: ValidateFunction['errors']) =>
    (errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`).join('; ');

  return function check(method: string, url: string, status: number, body: unknown, contentType: string | null): void {
    const path = new URL(url).pathname;
    if (!path.startsWith('/api/') || method === 'HEAD') return;
    const m = method.toLowerCase();
    const route = routes.filter((r) => r.re.test(path) && r.ops[m]).sort((a, b) => a.params - b.params)[0];
    const where = `${method} ${path} answered ${status}`;
    const fail = (why: string) => {
      throw new Error(`The answer breaks the OpenAPI document: ${where}: ${why}\nbody: ${JSON.stringify(body)?.slice(0, 600)}`);
    };
    if (!route) {
      if (status !== 404) fail('no operation is documented for this path, so only a 404 may answer');
      if (!validator(errorRef)(body)) fail(explain(validator(errorRef).errors));
      return;
    }
    const op = route.ops[m] as Operation;
    const declared = op.responses[String(status)];
    if (!declared) fail(`status ${status} is not declared (declared: ${Object.keys(op.responses).join(', ')})`);
    const response = declared?.$ref ? doc.components.responses[declared.$ref.split('/').pop() ?? ''] : declared;
    const json = response?.content?.['application/json'];
    const other = Object.keys(response?.content ?? {}).find((t) => t !== 'application/json');
    if (!json && other) {
      if (!contentType?.startsWith(other)) fail(`content-type ${contentType} is not ${other}`);
      return;
    }
    if (!json) {
      if (body !== null && body !== '') fail('the document declares no body for this status');
      return;
    }
    if (!contentType?.startsWith('application/json')) fail(`content-type ${contentType} is not application/json`);
    const ref = declared?.$ref
      ? `doc#/${pointer('components', 'responses', declared.$ref.split('/').pop() ?? '', 'content', 'application/json', 'schema')}`
      : `doc#/${pointer('paths', route.template, m, 'responses', String(status), 'content', 'application/json', 'schema')}`;
    const v = validator(ref);
    if (!v(body)) fail(explain(v.errors));
  };
}
