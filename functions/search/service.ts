import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { SearchQuery, SearchResult } from '../../shared/search-schemas';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import type { Session } from '../lib/session';
import { listBlockRelations, type MemberRecord } from '../members/repository';
import { normalise, queryWords, tokens } from './normalise';
import { type IndexFilter, type IndexHit, queryWord } from './repository';
import './builtin-sources';
import { type SearchDoc, type SearchKind, type SearchViewer, searchSource } from './sources';

/**
 * A search: one bounded Query per word she typed (the last one as a prefix), the hits ranked,
 * then the few candidates of the page checked by the rule of the route that shows each one
 * (batched reads), and each result given an excerpt with its matches marked.
 *
 * The index is read in windows of at most WINDOW entries per word, newest first. Results are
 * ranked within a window — every word matched first, then more words, a title match over a body
 * match, then the newest — and the cursor walks that ranked window, then opens the next. So a
 * search costs the same at 10,000 documents as at 100,000: what grows is how many windows
 * "more" can open, never what one page reads.
 */

/** Entries read per word and window. */
export const WINDOW = 100;
/** Windows one request may open when the ones before held nothing she may see. */
const WINDOWS_PER_REQUEST = 3;
/** Words of a query looked up; the rest are ignored (a query is a few words, not a paragraph). */
export const MAX_QUERY_WORDS = 5;

/** Which audiences' entries she can possibly open (the pre-filter); `restricted` ones are decided per document. */
function audiencesOf(session: Session, member: MemberRecord): string[] {
  if (session.isBoard) return ['members', 'practitioners', 'board', 'restricted'];
  return member.kind === 'practitioner' ? ['members', 'practitioners', 'restricted'] : ['members', 'restricted'];
}

type Candidate = { kind: SearchKind; id: string; at: string; words: Set<number>; title: number };

/** The ranking: all words first, then more words, then title matches, then the newest; ties by id. */
function rank(cands: Candidate[], wordCount: number): Candidate[] {
  return cands.sort(
    (a, b) =>
      Number(b.words.size === wordCount) - Number(a.words.size === wordCount) ||
      b.words.size - a.words.size ||
      b.title - a.title ||
      (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
      (a.kind + a.id < b.kind + b.id ? -1 : 1),
  );
}

/** Where each word's next window starts: absent, from the newest; `done`, nothing more. */
type WindowStart = (string | 'done' | undefined)[];

type CursorState = { starts: WindowStart; offset: number };

function encodeState(s: CursorState, scope: string): string | null {
  const k: Record<string, AttributeValue> = { o: { N: String(s.offset) } };
  s.starts.forEach((w, i) => {
    k[`w${i}`] = w === undefined ? { NULL: true } : w === 'done' ? { BOOL: true } : { S: w };
  });
  return encodeCursor(k, scope);
}

function decodeState(cursor: string | undefined, scope: string, wordCount: number): CursorState {
  const k = decodeCursor(cursor, scope);
  if (!k) return { starts: Array.from({ length: wordCount }, () => undefined), offset: 0 };
  return {
    offset: Number(k.o?.N ?? 0),
    starts: Array.from({ length: wordCount }, (_, i) => {
      const w = k[`w${i}`];
      return w?.S ?? (w?.BOOL ? 'done' : undefined);
    }),
  };
}

/** Reads one window of every word, merges the hits per document. */
async function readWindow(
  lookups: { word: string; exact: boolean }[],
  starts: WindowStart,
  filter: IndexFilter,
): Promise<{ ranked: Candidate[]; next: WindowStart }> {
  const results = await Promise.all(
    lookups.map((l, i) => {
      const start = starts[i];
      if (start === 'done') return Promise.resolve({ hits: [] as IndexHit[], lastSk: undefined });
      return queryWord(l.word, l.exact, filter, { limit: WINDOW, startSk: start });
    }),
  );
  const byDoc = new Map<string, Candidate>();
  results.forEach((r, i) => {
    for (const h of r.hits) {
      const key = `${h.kind}#${h.id}`;
      const c = byDoc.get(key) ?? { kind: h.kind, id: h.id, at: h.at, words: new Set<number>(), title: 0 };
      c.words.add(i);
      if (h.title) c.title++;
      byDoc.set(key, c);
    }
  });
  return {
    ranked: rank([...byDoc.values()], lookups.length),
    next: results.map((r, i) => (starts[i] === 'done' || r.lastSk === undefined ? 'done' : r.lastSk)),
  };
}

/** Of these candidates, the documents she may open, by the sources' own rules, in one batch per kind. */
async function openable(viewer: SearchViewer, cands: Candidate[]): Promise<Map<string, SearchDoc>> {
  const byKind = new Map<SearchKind, string[]>();
  for (const c of cands) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c.id]);
  const found = await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      const source = searchSource(kind);
      return source ? [...(await source.visible(viewer, ids))] : [];
    }),
  );
  return new Map(found.flat().map(([id, doc]) => [`${doc.kind}#${id}`, doc]));
}

export async function search(session: Session, member: MemberRecord, q: SearchQuery): Promise<Page<SearchResult>> {
  const { exact, prefix } = queryWords(q.q, MAX_QUERY_WORDS);
  const lookups = [...exact.map((word) => ({ word, exact: true })), ...(prefix ? [{ word: prefix, exact: false }] : [])];
  const scope = ['search', session.userId, normalise(q.q), q.kind, q.country, q.theme, q.language, q.from, q.to].join('|');
  let state = decodeState(q.cursor, scope, lookups.length);
  // Only one-letter words: nothing to look for.
  if (lookups.length === 0) return { items: [], nextCursor: null };

  const filter: IndexFilter = {
    audiences: audiencesOf(session, member),
    kind: q.kind,
    country: q.country,
    theme: q.theme,
    language: q.language,
    from: q.from,
    to: q.to,
  };
  const blocks = listBlockRelations(session.userId);
  const items: SearchResult[] = [];
  for (let windows = 0; windows < WINDOWS_PER_REQUEST; windows++) {
    const { ranked, next } = await readWindow(lookups, state.starts, filter);
    const viewer: SearchViewer = { session, member, blocked: (await blocks).all };
    let pos = state.offset;
    while (items.length < q.limit && pos < ranked.length) {
      // A few more than the page still needs: the pre-filter has let through only what she can
      // probably open, so most candidates are hers (reading twice the page cost twice the units).
      const chunk = ranked.slice(pos, pos + Math.max(5, q.limit - items.length + 3));
      const open = await openable(viewer, chunk);
      for (const c of chunk) {
        pos++;
        const doc = open.get(`${c.kind}#${c.id}`);
        if (doc) items.push(resultOf(doc, lookups));
        if (items.length === q.limit) break;
      }
    }
    if (pos < ranked.length) return { items, nextCursor: encodeState({ starts: state.starts, offset: pos }, scope) };
    const more = next.some((w) => w !== 'done');
    if (!more) return { items, nextCursor: null };
    state = { starts: next, offset: 0 };
    if (items.length === q.limit) break;
  }
  return { items, nextCursor: encodeState(state, scope) };
}

// ---------------------------------------------------------------- excerpts

const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 200;

/** Markdown as the plain words a reader sees: links by their text, no markup characters, one line per paragraph. */
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
      .replace(/[*_~`]+/g, '')
      // Lines stay lines (each may be in another script and direction); the rest of the space folds.
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .trim()
  );
}

const matchesWord = (lookups: { word: string; exact: boolean }[], w: string) =>
  lookups.some((l) => (l.exact ? w === l.word : w.startsWith(l.word)));

function marks(text: string, lookups: { word: string; exact: boolean }[], offset = 0) {
  return tokens(text)
    .filter((t) => matchesWord(lookups, t.word))
    .map((t) => ({ start: t.index + offset, end: t.index + t.length + offset }));
}

/** A short plain window around the first match in the body (its start when only the title matched). */
export function excerptOf(body: string, lookups: { word: string; exact: boolean }[]) {
  const text = plainText(body);
  const first = tokens(text).find((t) => matchesWord(lookups, t.word));
  let start = first ? Math.max(0, first.index - EXCERPT_BEFORE) : 0;
  // Start at a word, not inside one.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && first && space < first.index ? space + 1 : start;
  }
  let end = Math.min(text.length, start + EXCERPT_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && (!first || space > first.index + first.length)) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const window = text.slice(start, end);
  const excerpt = `${lead}${window}${end < text.length ? ' …' : ''}`;
  return { excerpt, matches: marks(window, lookups, lead.length) };
}

function resultOf(doc: SearchDoc, lookups: { word: string; exact: boolean }[]): SearchResult {
  const { excerpt, matches } = excerptOf(doc.body, lookups);
  return {
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    excerpt,
    matches,
    titleMatches: marks(doc.title, lookups),
    link: doc.link,
    at: doc.at,
  };
}
