/**
 * The registry of what search finds. Each kind of document registers how to load it and who may
 * open it; the indexer (index.ts) and the query (service.ts) know nothing else about threads,
 * events or members. A kind added later (the library's practices) is one more registration.
 */

import type { SearchKind } from '../../shared/search-schemas';
import type { Session } from '../lib/session';
import type { MemberRecord } from '../members/repository';

export type { SearchKind };

/**
 * A document as search sees it. `audience` is the pre-filter of the index entries: a discussion
 * space's or a practice's audience, or `restricted` when only the source's own rule can say (an
 * event for some kinds, countries or a cohort). Countries, themes and languages are only those
 * every member who may open the document may also see.
 */
export type SearchDoc = {
  kind: SearchKind;
  id: string;
  title: string;
  /** Plain text or Markdown; its words are indexed after the title's. */
  body: string;
  at: string;
  link: string;
  audience: 'members' | 'practitioners' | 'board' | 'restricted';
  countries: string[];
  themes: string[];
  languages: string[];
};

/** Who searches: her session, her record, and the members blocked either way (read once a search). */
export type SearchViewer = { session: Session; member: MemberRecord; blocked: ReadonlySet<string> };

export type SearchSource<T> = {
  /** The records by id, batched; missing ones absent. `consistent` for indexing, not for showing. */
  load(ids: string[], opts: { consistent: boolean }): Promise<Map<string, T>>;
  /** The record as a document, or null when it must not be found at all (held, removed, inactive…). */
  doc(record: T): SearchDoc | null;
  /** Of these records, the ids she may open: the same rule as the route that shows them. */
  canOpen(viewer: SearchViewer, records: T[]): Promise<Set<string>>;
};

/** A source with its record type hidden behind closures, so one map holds every kind. */
type Registered = {
  docs(ids: string[], opts: { consistent: boolean }): Promise<Map<string, SearchDoc>>;
  visible(viewer: SearchViewer, ids: string[]): Promise<Map<string, SearchDoc>>;
};

const sources = new Map<SearchKind, Registered>();

export function registerSearchSource<T>(kind: SearchKind, source: SearchSource<T>): void {
  const docsOf = (records: Map<string, T>) => {
    const out = new Map<string, { record: T; doc: SearchDoc }>();
    for (const [id, record] of records) {
      const doc = source.doc(record);
      if (doc) out.set(id, { record, doc });
    }
    return out;
  };
  sources.set(kind, {
    async docs(ids, opts) {
      const found = docsOf(await source.load(ids, opts));
      return new Map([...found].map(([id, f]) => [id, f.doc]));
    },
    async visible(viewer, ids) {
      // Shown, not decided on: an eventually consistent read is enough (half the cost).
      const found = docsOf(await source.load(ids, { consistent: false }));
      const open = await source.canOpen(
        viewer,
        [...found.values()].map((f) => f.record),
      );
      return new Map([...found].filter(([id]) => open.has(id)).map(([id, f]) => [id, f.doc]));
    },
  });
}

export function searchSource(kind: SearchKind): Registered | undefined {
  return sources.get(kind);
}
