import { log } from '../lib/log';
import type { SearchKind } from './sources';

/**
 * Tells search that documents changed. In AWS this does nothing: the table's stream carries
 * every change of a thread, post, event or member to the indexer function (stream.ts), which
 * maps the item to the document and re-indexes it. Locally there is no stream, so the same
 * mapping and the same `reindex` run in this process, after the caller's write and beside its
 * answer; `drainLocalSearch()` waits for them (tests, the seed).
 */
export type SearchChange = { kind: SearchKind; id: string };

const pending = new Set<Promise<unknown>>();

/**
 * The indexer, named by a variable so that the bundler leaves it out of the Lambda bundles of
 * the functions that call this (in AWS this path is never taken).
 */
const LOCAL_INDEXER = './index';

export function searchChanged(...changes: SearchChange[]): void {
  if (process.env.LOCAL_MODE !== 'true') return;
  for (const { kind, id } of changes) {
    const p = localRuns()
      .run(true, () => import(LOCAL_INDEXER) as Promise<typeof import('./index')>)
      .then((m) => localRuns().run(true, () => m.reindex(kind, id)))
      .catch((e: unknown) => log.warn('search not indexed', { kind, id, error: e instanceof Error ? e.name : 'unknown' }))
      .finally(() => pending.delete(p));
    pending.add(p);
  }
}

/**
 * Marks the table calls of local re-indexing, which runs beside whatever the process does next,
 * so that a test counting one request's own calls can leave them out (as for local email).
 */
let runs: import('node:async_hooks').AsyncLocalStorage<true> | undefined;
function localRuns(): import('node:async_hooks').AsyncLocalStorage<true> {
  runs ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<true>();
  return runs;
}

/** Whether this code runs inside a local re-index. */
export const inLocalSearch = (): boolean => runs?.getStore() === true;

/** Local mode: resolves once every re-index asked for so far has run (or failed). */
export async function drainLocalSearch(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/**
 * The documents a changed table item concerns, from its image (the new one, or the old one when
 * it was deleted): the one map from the table to search, used by the stream consumer.
 */
export function changesOfImage(image: Record<string, unknown> | undefined): SearchChange[] {
  if (!image) return [];
  const id = typeof image.id === 'string' ? image.id : undefined;
  if (!id) return [];
  switch (image.entity) {
    case 'thread':
      return [{ kind: 'thread', id }];
    case 'post':
      // The opening post is indexed as its thread; a reply as itself.
      return image.opening === true && typeof image.threadId === 'string'
        ? [{ kind: 'thread', id: image.threadId }]
        : [{ kind: 'post', id }];
    case 'event':
      return [{ kind: 'event', id }];
    case 'member':
      return [{ kind: 'member', id }];
    case 'practice':
      return [{ kind: 'practice', id }];
    default:
      return [];
  }
}

/** The entity types whose items the stream hands to search (the event source mapping's filter). */
export const INDEXED_ENTITIES = ['thread', 'post', 'event', 'member', 'practice'] as const;
