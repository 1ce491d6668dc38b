import { clock } from '../lib/clock';
import { onWrite } from '../lib/db';
import { keys } from '../lib/keys';
import { type OfferEntry, offerCandidates } from './repository';

/**
 * The offer partitions suggestions rank (mentor cards by topic and by language), kept per instance
 * for a moment. A pool is the same for every mentee who asks (her blocks, her open requests and the
 * profiles shown are read fresh on every call), it is read eventually consistently anyway, and
 * nothing in it is a rule: a request's transaction checks offering, capacity and blocks again.
 * Four Queries of up to 40 cards were most of a suggestion's cost, in DynamoDB and in the SDK.
 *
 * Bounded in time and size. This instance's own writes to an offer partition empty the pools at
 * once (lib/db.ts onWrite), so a mentor's change shows on the next call it serves; another
 * instance's shows within TTL_MS, except what a shown suggestion would reveal: suggestions()
 * compares every card it shows with the mentor's profile as read for the answer, and ranks from
 * fresh pools when one differs (a field she just hid, an offer she just withdrew).
 */
export const OFFER_POOLS = { ttlMs: 2000, maxPools: 200 } as const;

type Pool = { at: number; entries: Promise<OfferEntry[]> };

const pools = new Map<string, Pool>();

const OFFER_PREFIXES = [keys.facetPartition('offerTopic', ''), keys.facetPartition('offerLanguage', '')];

onWrite((pk) => {
  if (OFFER_PREFIXES.some((p) => pk.startsWith(p))) forgetOfferPools();
});

/** Drops every pool; a read in flight is dropped with it, so what it saw is never kept. */
export function forgetOfferPools(): void {
  pools.clear();
}

/** The first `limit` cards of an offer partition, from this instance's copy while it is under TTL_MS old. */
export function offerPool(partition: string, limit: number): Promise<OfferEntry[]> {
  const now = clock.now();
  const key = `${partition}|${limit}`;
  const kept = pools.get(key);
  if (kept && now - kept.at < OFFER_POOLS.ttlMs) return kept.entries;
  const entries = offerCandidates(partition, limit);
  if (pools.size >= OFFER_POOLS.maxPools) pools.clear();
  pools.set(key, { at: now, entries });
  // A failed read is not kept: the next call tries again.
  entries.catch(() => {
    if (pools.get(key)?.entries === entries) pools.delete(key);
  });
  return entries;
}
