import { inAudience as inSpaceAudience } from '../discussion/service';
import { type PostRecord, type ThreadRecord, getSpace, getThreadsAndPosts } from '../discussion/repository';
import { canSee } from '../events/rules';
import type { EventRecord } from '../events/repository';
import { getMany, recordOf, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { getMembers, type MemberRecord } from '../members/repository';
import type { PracticeRecord } from '../practices/repository';
import { readableBy } from '../practices/view';
import { registerSearchSource, type SearchViewer } from './sources';

/**
 * The sources of the discussion, the programme, the directory and the library. Each `canOpen` asks what the
 * route that shows the document asks: the space's audience, the event's audience, the member
 * being active and unblocked. Held, hidden and removed posts have no document at all.
 */

/** A named author she blocked or who blocked her hides the document; an anonymous one names nobody, so no block can apply. */
const hiddenByBlock = (v: SearchViewer, r: { identity: 'named' | 'anonymous'; authorId: string }) =>
  r.identity === 'named' && r.authorId !== '' && v.blocked.has(r.authorId);

async function spacesOpenTo(v: SearchViewer, spaceIds: string[]): Promise<Set<string>> {
  const open = new Set<string>();
  for (const id of new Set(spaceIds)) {
    const space = await getSpace(id);
    if (space && inSpaceAudience(space.audience, v)) open.add(id);
  }
  return open;
}

type ThreadWithOpening = { thread: ThreadRecord; opening: PostRecord | undefined; audience: SearchDocAudience };
type PostWithThread = { post: PostRecord; thread: ThreadRecord | undefined; audience: SearchDocAudience };
type SearchDocAudience = 'members' | 'practitioners' | 'board';

registerSearchSource<ThreadWithOpening>('thread', {
  async load(ids, { consistent }) {
    const { threads } = await getThreadsAndPosts({ threads: ids, posts: [] }, { consistent });
    const { posts } = await getThreadsAndPosts({ threads: [], posts: [...threads.values()].map((t) => t.openingPostId) }, { consistent });
    const out = new Map<string, ThreadWithOpening>();
    for (const t of threads.values()) {
      const space = await getSpace(t.spaceId);
      if (space) out.set(t.id, { thread: t, opening: posts.get(t.openingPostId), audience: space.audience });
    }
    return out;
  },
  doc({ thread, opening, audience }) {
    if (thread.state !== 'published' || opening?.state !== 'published') return null;
    return {
      kind: 'thread',
      id: thread.id,
      title: thread.title,
      body: opening.body,
      at: thread.createdAt,
      link: `/threads/${thread.id}`,
      audience,
      countries: [],
      themes: [],
      languages: [],
    };
  },
  async canOpen(v, records) {
    const spaces = await spacesOpenTo(
      v,
      records.map((r) => r.thread.spaceId),
    );
    return new Set(records.filter((r) => spaces.has(r.thread.spaceId) && !hiddenByBlock(v, r.thread)).map((r) => r.thread.id));
  },
});

registerSearchSource<PostWithThread>('post', {
  async load(ids, { consistent }) {
    const { posts } = await getThreadsAndPosts({ threads: [], posts: ids }, { consistent });
    const { threads } = await getThreadsAndPosts({ threads: [...posts.values()].map((p) => p.threadId), posts: [] }, { consistent });
    const out = new Map<string, PostWithThread>();
    for (const p of posts.values()) {
      const space = await getSpace(p.spaceId);
      if (space) out.set(p.id, { post: p, thread: threads.get(p.threadId), audience: space.audience });
    }
    return out;
  },
  doc({ post, thread, audience }) {
    // The opening post is found as its thread, never twice.
    if (post.opening || post.state !== 'published' || thread?.state !== 'published') return null;
    return {
      kind: 'post',
      id: post.id,
      title: thread.title,
      body: post.body,
      at: post.createdAt,
      link: `/threads/${post.threadId}#post-${post.id}`,
      audience,
      countries: [],
      themes: [],
      languages: [],
    };
  },
  async canOpen(v, records) {
    const spaces = await spacesOpenTo(
      v,
      records.map((r) => r.post.spaceId),
    );
    return new Set(records.filter((r) => spaces.has(r.post.spaceId) && !hiddenByBlock(v, r.post)).map((r) => r.post.id));
  },
});

registerSearchSource<EventRecord>('event', {
  async load(ids, { consistent }) {
    const out = new Map<string, EventRecord>();
    for (const raw of await getMany(
      [...new Set(ids)].map((id) => toAttr(keys.event(id))),
      { consistent },
    )) {
      const e = recordOf<EventRecord>(raw);
      out.set(e.id, e);
    }
    return out;
  },
  doc(e) {
    const a = e.audience;
    const open = !a.kinds?.length && !a.countries?.length && !a.memberIds?.length;
    return {
      kind: 'event',
      id: e.id,
      title: e.title,
      body: e.description,
      at: e.startsAt,
      link: `/events/${e.id}`,
      audience: open ? 'members' : 'restricted',
      countries: a.countries ?? [],
      themes: [],
      languages: e.languages,
    };
  },
  canOpen: async (v, records) => new Set(records.filter((e) => canSee(v.session, v.member, e)).map((e) => e.id)),
});

registerSearchSource<MemberRecord>('member', {
  load: (ids, { consistent }) => getMembers(ids, consistent),
  doc(m) {
    // Found by her name only, as the directory lists her: active members, to active members.
    if (m.status !== 'active') return null;
    return {
      kind: 'member',
      id: m.id,
      title: m.displayName,
      body: '',
      at: m.decidedAt ?? m.createdAt,
      link: `/members/${m.id}`,
      audience: 'members',
      // A field she shows to the board or her partners only is never matchable.
      countries: m.visibility.country === 'members' ? [m.country] : [],
      themes: [],
      languages: m.visibility.languages === 'members' ? m.languages : [],
    };
  },
  canOpen: async (v, records) => new Set(records.filter((m) => m.status === 'active' && !v.blocked.has(m.id)).map((m) => m.id)),
});

registerSearchSource<PracticeRecord>('practice', {
  async load(ids, { consistent }) {
    const out = new Map<string, PracticeRecord>();
    for (const raw of await getMany(
      [...new Set(ids)].map((id) => toAttr(keys.practice(id))),
      { consistent },
    )) {
      const p = recordOf<PracticeRecord>(raw);
      out.set(p.id, p);
    }
    return out;
  },
  doc(p) {
    // What members read: the last published revision, never one waiting for review; the author's
    // name is never indexed (an anonymous practice must not be found by it, and a named one is
    // found by what it says).
    const live = p.live;
    if (!live || p.state === 'removed') return null;
    return {
      kind: 'practice',
      id: p.id,
      title: live.title,
      body: [live.summary, live.done, live.worked, live.didNotWork].join('\n\n'),
      at: live.publishedAt,
      link: `/library/${p.id}`,
      audience: live.audience,
      countries: live.countries,
      themes: live.themes,
      languages: [live.language],
    };
  },
  canOpen: async (v, records) =>
    new Set(
      records
        .filter((p) => readableBy(p, { session: v.session, kind: v.member.kind }))
        .filter((p) => !hiddenByBlock(v, { identity: p.live?.identity ?? p.identity, authorId: p.authorId }))
        .map((p) => p.id),
    ),
});
