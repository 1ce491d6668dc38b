import type { MemberRecord } from '../../functions/members/repository';
import type { SearchDoc } from '../../functions/search/sources';
import { type Figure, type PopulationProbe, timed } from './capacity';
import { CYCLE, FIRST_THREADS, SPACE_ID, benchThread } from './discussion';

/*
 * Search figures (issue 14), a PopulationProbe of the capacity section: the discussion probe's
 * threads (100 at the smallest size, then one per member: 10,000 at 10k, 100,000 at 100k), each
 * indexed as search indexes it (functions/search/index.ts: one entry per distinct word), written
 * with BatchWriteItem straight into the table. At every size a member searches two ways — two
 * words that every fifth thread holds, and a word every thread holds typed as a prefix — and the
 * read units (ReturnConsumedCapacity TOTAL) and latency are measured. The capacity must be flat:
 * each word is one Query bounded by the window, then one batched read of the page's candidates.
 * The budget is 100k ≤ 1.2 × 10k; the capacity section's own flat budget (10 %) is stricter.
 * It is judged from the first size where every word's window fills (each word is in at least one
 * thread of a CYCLE): below it a search reads fewer entries and finds fewer results, which is the
 * bound at work, and a page of 5 results is no comparison for a page of 20.
 */

const QUERIES = [
  { key: 'search-two-words', label: 'search "victim interviews" (2 words, one in 20 threads), page of 20', q: 'victim interviews' },
  { key: 'search-prefix', label: 'search "colleag" (a prefix of a word in every thread), page of 20', q: 'colleag' },
];

export function searchProbe(): PopulationProbe {
  let indexed = 0;
  let viewer: MemberRecord | undefined;
  return {
    id: 'search',
    async populate(p, added) {
      const { documentWords, entryItem } = await import('../../functions/search/index');
      viewer ??= added.find((m) => m.id === p.probeMemberId);
      // The same threads the discussion probe wrote for this size.
      const target = p.size === 0 ? FIRST_THREADS : p.size + added.length;
      const from = indexed;
      function* items() {
        for (let i = from; i < target; i++) {
          const { thread, post } = benchThread(i);
          if (thread.state !== 'published') continue;
          const doc: SearchDoc = {
            kind: 'thread',
            id: thread.id,
            title: thread.title,
            body: post.body,
            at: thread.createdAt,
            link: `/threads/${thread.id}`,
            audience: 'members',
            countries: [],
            themes: [],
            languages: [],
          };
          for (const w of documentWords(doc)) yield entryItem(doc, w.word, w.title);
        }
      }
      const written = await p.writeItems(items(), 'search index entries');
      indexed = Math.max(indexed, target);
      return written;
    },
    async measure(p) {
      const { WINDOW, search } = await import('../../functions/search/service');
      const windowsFill = Math.floor(indexed / CYCLE) >= WINDOW;
      const member = viewer;
      if (!member) throw new Error('search probe measured before it populated');
      const session = { userId: member.id, email: member.email, groups: [], isBoard: false };
      const figures: Figure[] = [
        { key: 'search-indexed', label: `threads indexed in ${SPACE_ID}`, kind: 'info', value: indexed, unit: 'threads' },
      ];
      for (const query of QUERIES) {
        const t = await timed(p, () => search(session, member, { q: query.q, limit: 20 }));
        if (t.last.items.length === 0) throw new Error(`search "${query.q}" found nothing`);
        if (windowsFill && t.last.items.length < 20) throw new Error(`search "${query.q}" filled no page at ${p.size} members`);
        figures.push(
          {
            key: `${query.key}-rcu`,
            label: `${query.label}: all requests (${t.requests})`,
            kind: 'capacity',
            value: t.units,
            unit: 'RCU',
            ...(windowsFill ? { flatFrom: p.size } : {}),
            data: { unitsSeen: t.unitsSeen, requests: t.requests, items: t.last.items.length },
          },
          { key: `${query.key}-ms`, label: `${query.label}: latency (median)`, kind: 'latency', value: t.median, unit: 'ms' },
        );
      }
      return figures;
    },
  };
}
