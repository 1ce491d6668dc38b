import type { AttributeValue, WriteRequest } from '@aws-sdk/client-dynamodb';
import { TABLE, db, fromAttr, isConditionFailure, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import { MAX_WORDS_PER_DOCUMENT, words } from './normalise';
import './builtin-sources';
import { type SearchDoc, type SearchKind, searchSource } from './sources';

/**
 * Writing the index. `reindex(kind, id)` loads the document as it stands, folds its words, and
 * writes only the difference against the document's manifest (the sort keys of its entries):
 * a new post writes its words, an edit the changed ones, a held, hidden, removed or erased
 * document loses them all. Locally it runs in process after the write that changed the
 * document (changes.ts); in AWS the table's stream calls it (stream.ts). Both call this.
 */

type Manifest = { entries: string[]; sig: string; version: number };

/** One manifest entry: `1` or `0` (whether the word is in the title), then the entry's sort key. */
const entry = (title: boolean, sk: string) => `${title ? 1 : 0}${sk}`;
const skOf = (e: string) => e.slice(1);
/** The word an entry's sort key starts with. */
const wordOf = (sk: string) => sk.slice(0, sk.indexOf('#'));

/** The title's words first (they rank higher), then the body's; at most MAX_WORDS_PER_DOCUMENT in all. */
export function documentWords(doc: Pick<SearchDoc, 'title' | 'body'>): { word: string; title: boolean }[] {
  const title = words(doc.title);
  const inTitle = new Set(title);
  const body = words(doc.body).filter((w) => !inTitle.has(w));
  return [...title.map((word) => ({ word, title: true })), ...body.map((word) => ({ word, title: false }))].slice(
    0,
    MAX_WORDS_PER_DOCUMENT,
  );
}

/** What the pre-filters read; a change of any of it rewrites every entry. */
const signature = (d: SearchDoc) => JSON.stringify([d.audience, d.countries, d.themes, d.languages]);

async function readManifest(kind: SearchKind, id: string): Promise<Manifest | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.searchManifest(kind, id)), ConsistentRead: true });
  return res.Item ? fromAttr<Manifest>(res.Item) : undefined;
}

/** Puts the manifest if it is still at `expected` (absent: none yet); false when another re-index came first. */
async function writeManifest(kind: SearchKind, id: string, next: Omit<Manifest, 'version'>, expected: number): Promise<boolean> {
  try {
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({ ...keys.searchManifest(kind, id), entity: 'searchManifest', ...next, version: expected + 1 }),
      ConditionExpression: expected === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expected === 0 ? {} : { ExpressionAttributeValues: toAttr({ ':v': expected }) }),
    });
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** BatchWriteItem, 25 at a time, unprocessed requests retried with a short back-off. */
export async function batchWrite(requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await db.batchWriteItem({ RequestItems: { [TABLE]: pending } });
      pending = res.UnprocessedItems?.[TABLE] ?? [];
    }
  }
}

/** The index item of one word of a document. */
export function entryItem(doc: SearchDoc, word: string, title: boolean): Record<string, AttributeValue> {
  return toAttr({
    ...keys.searchEntry(word, doc.at, doc.kind, doc.id),
    entity: 'searchEntry',
    version: 1,
    kind: doc.kind,
    id: doc.id,
    at: doc.at,
    t: title ? 1 : 0,
    aud: doc.audience,
    ctry: doc.countries,
    thm: doc.themes,
    lang: doc.languages,
  });
}

/**
 * Brings the index of one document up to date. Safe to run twice at once: the manifest is
 * first widened to every entry about to exist (so a crash leaves nothing it does not name), and
 * the run that loses the race on the manifest's version runs again from what is there now.
 */
export async function reindex(kind: SearchKind, id: string, attempt = 1): Promise<void> {
  const source = searchSource(kind);
  if (!source) return;
  const [found, manifest] = await Promise.all([source.docs([id], { consistent: true }), readManifest(kind, id)]);
  const doc = found.get(id);
  const before = manifest?.entries ?? [];
  const version = manifest?.version ?? 0;
  const want = doc ? documentWords(doc).map((w) => entry(w.title, keys.searchEntry(w.word, doc.at, kind, id).sk)) : [];
  const sig = doc ? signature(doc) : '';
  const beforeSks = new Set(before.map(skOf));
  const wantSks = new Set(want.map(skOf));
  const had = new Set(before);
  const puts = sig !== manifest?.sig ? want : want.filter((e) => !had.has(e));
  const deletes = [...beforeSks].filter((sk) => !wantSks.has(sk));
  if (puts.length === 0 && deletes.length === 0 && manifest && sig === manifest.sig) return;

  const lost = async () => {
    if (attempt >= 5) {
      log.warn('search reindex gave up', { kind, id });
      return;
    }
    await reindex(kind, id, attempt + 1);
  };
  const widened = [...new Set([...before, ...want])];
  if (!(await writeManifest(kind, id, { entries: widened, sig: manifest?.sig ?? '' }, version))) return lost();

  await batchWrite([
    ...deletes.map((sk) => ({ DeleteRequest: { Key: toAttr({ pk: keys.searchPartition(wordOf(sk)), sk }) } })),
    ...(doc ? puts.map((e) => ({ PutRequest: { Item: entryItem(doc, wordOf(skOf(e)), e.startsWith('1')) } })) : []),
  ]);

  if (!doc) {
    try {
      await db.deleteItem({
        TableName: TABLE,
        Key: toAttr(keys.searchManifest(kind, id)),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: toAttr({ ':v': version + 1 }),
      });
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      return lost();
    }
    return;
  }
  if (!(await writeManifest(kind, id, { entries: want, sig }, version + 1))) return lost();
}
