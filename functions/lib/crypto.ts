import type * as NodeCrypto from 'node:crypto';

/**
 * node:crypto, loaded on first use. Loading it costs about as much as a whole bare Hono handler
 * at cold start (~6 ms here); the requests that hash (cursors, ids, the audit chain, throttles,
 * token signatures) pay it once, the others never.
 */
let loaded: typeof NodeCrypto | undefined;

export function nodeCrypto(): typeof NodeCrypto {
  loaded ??= process.getBuiltinModule('node:crypto');
  return loaded;
}

export const sha256 = (data: string, encoding: 'hex' | 'base64url'): string =>
  nodeCrypto().createHash('sha256').update(data).digest(encoding);
