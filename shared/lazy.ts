/**
 * A schema built on its first use rather than at import: a Lambda builds only the schemas of the
 * routes it serves, when a request needs them (building all of them cost a cold start ~10 ms).
 * A transparent proxy: every use (parse, composition, JSON Schema) reaches the real schema.
 * Marked pure at each use so a bundle drops the schemas it never references.
 *
 * Written here with the same traps as zod's `z.util.createTransparentProxy` rather than calling
 * it: zod exposes it only on its `util` namespace, which no bundler can tree-shake, so that one
 * call put all of zod's utilities (10 kB minified) into every Lambda function and the web app.
 */
export function lazy<T extends object>(build: () => T): T {
  let target: T | undefined;
  const real = (): T => {
    target ??= build();
    return target;
  };
  return new Proxy({} as T, {
    get: (_, prop, receiver) => Reflect.get(real(), prop, receiver),
    set: (_, prop, value, receiver) => Reflect.set(real(), prop, value, receiver),
    has: (_, prop) => Reflect.has(real(), prop),
    deleteProperty: (_, prop) => Reflect.deleteProperty(real(), prop),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, prop) => Reflect.getOwnPropertyDescriptor(real(), prop),
    defineProperty: (_, prop, descriptor) => Reflect.defineProperty(real(), prop, descriptor),
  });
}
