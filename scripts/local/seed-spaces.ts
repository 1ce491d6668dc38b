import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';

/** The contract's three discussion spaces, one per audience. Written only when missing. */
const SPACES = [
  { id: 'members', name: 'Members’ lounge', description: 'Good practices and lessons learnt, open to every member.', audience: 'members' },
  {
    id: 'practitioners',
    name: 'Practitioners’ circle',
    description: 'For women practitioners only: the barriers we face and how we get past them.',
    audience: 'practitioners',
  },
  { id: 'board', name: 'Advisory board', description: 'Board deliberations.', audience: 'board' },
] as const;

export async function seedSpaces(): Promise<void> {
  const at = new Date().toISOString();
  for (const s of SPACES) {
    try {
      await db.putItem({
        TableName: TABLE,
        Item: toAttr({ ...keys.space(s.id), ...keys.spaceIndex(s.audience, s.id), entity: 'space', version: 1, ...s, createdAt: at }),
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    } catch (e) {
      if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
    }
  }
}

/** A demo member as the discussion seed needs her. */
export type DemoAuthor = { id: string; name: string; kind: 'practitioner' | 'champion'; country: string; language: string };

/** A greeting in her first language, so the demo shows posts in several scripts and directions. */
const GREETING: Record<string, string> = {
  ur: 'السلام علیکم',
  ps: 'سلام',
  prs: 'سلام',
  fa: 'سلام',
  ar: 'مرحبا',
  ckb: 'سڵاو',
  ne: 'नमस्ते',
  hi: 'नमस्ते',
  bn: 'নমস্কার',
  es: 'Hola a todas',
  pt: 'Olá a todas',
  fr: 'Bonjour à toutes',
  de: 'Hallo zusammen',
  tr: 'Merhaba',
  sw: 'Habari',
};

const PRACTITIONER_LINES = [
  'I work on trafficking investigations and I am glad to have colleagues to ask when a case gets difficult.',
  'I inspect workplaces for forced labour. I would like to learn how others work with prosecutors early on.',
  'I am a prosecutor. Happy to share how we prepare survivors for court without making them repeat their story.',
  'I work at the border. Smuggling routes change every season here; I hope we can compare notes.',
];
const CHAMPION_LINES = [
  'I mentor colleagues who are building investigation teams, and I have room for two more mentees.',
  'I support women officers in my service and offer mentoring on leadership and case management.',
];

/**
 * One welcome thread in the members' lounge, opened by the board, with an introduction from
 * every demo member: the demo then has a busy thread (longer than one page) to read and page
 * through. Written straight to the table as the API would write it; the seed's own words are
 * trusted, so no holding or rate limit applies.
 */
export async function seedDiscussion(
  boardMember: { id: string; name: string },
  authors: DemoAuthor[],
): Promise<{ threadId: string; postIds: string[] }> {
  const repo = await import('../../functions/discussion/repository');
  const { ulid } = await import('../../functions/lib/ids');
  const { countries } = await import('../../shared/meta');
  const countryName = new Map(countries().map((c) => [c.code, c.label]));
  // Spread over the last two days, oldest first, so the thread reads like one.
  const start = Date.now() - 2 * 24 * 3600 * 1000;
  const at = (i: number) => start + i * 37 * 60 * 1000;
  const threadId = ulid(at(0));
  const post = (i: number, author: { id: string; name: string }, body: string, opening: boolean) => {
    const createdAt = new Date(at(i)).toISOString();
    return {
      id: ulid(at(i)),
      threadId,
      spaceId: 'members',
      authorId: author.id,
      authorName: author.name,
      identity: 'named' as const,
      body,
      state: 'published' as const,
      heldReasons: [],
      opening,
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
  };
  const opening = post(
    0,
    boardMember,
    'Welcome to the Champions Network. Please introduce yourself: where you work, what you work on, and what you would like to learn from others here.\n\nA reminder: **never post a victim’s name, phone number or ID number**. Posts that look like personal data wait for the board.',
    true,
  );
  const replies = authors.map((a, i) => {
    const lines = a.kind === 'champion' ? CHAMPION_LINES : PRACTITIONER_LINES;
    const greeting = GREETING[a.language] ?? 'Hello';
    const where = countryName.get(a.country) ?? a.country;
    // The greeting is its own paragraph: each paragraph takes its own direction (dir="auto"), so an
    // Urdu greeting does not turn the English sentence after it right-to-left.
    return post(i + 1, a, `${greeting}!\n\nI am ${a.name}, from ${where}. ${lines[i % lines.length]}`, false);
  });
  const last = replies.at(-1) ?? opening;
  await repo.transact([
    repo.threadPut({
      id: threadId,
      spaceId: 'members',
      title: 'Introductions: say hello',
      authorId: boardMember.id,
      authorName: boardMember.name,
      identity: 'named',
      state: 'published',
      locked: false,
      pinned: true,
      replyCount: replies.length,
      lastPostAt: last.createdAt,
      openingPostId: opening.id,
      createdAt: opening.createdAt,
      version: 1,
    }),
    repo.postPut(opening),
  ]);
  for (const p of replies) await repo.transact([repo.postPut(p), repo.publishedIncrement(p.authorId)]);
  return { threadId, postIds: replies.map((r) => r.id) };
}

/**
 * Something for the board's moderation queue, made through the services as members would make
 * it: an anonymous reply, which waits for the board, and a report about one of the introductions.
 */
export async function seedModeration(threadId: string, reportedPostId: string, poster: string, reporter: string): Promise<void> {
  const discussion = await import('../../functions/discussion/service');
  const moderation = await import('../../functions/moderation/service');
  const { getMember } = await import('../../functions/members/repository');
  const viewer = async (id: string) => {
    const member = await getMember(id);
    if (!member) throw new Error(`seed: no demo member ${id}`);
    return { session: { userId: id, email: `${id}@demo.invalid`, groups: [], isBoard: false }, member };
  };
  await discussion.reply(await viewer(poster), threadId, {
    identity: 'anonymous',
    body: 'I would rather not say where I work. Has anyone here dealt with a case where the recruiter was a relative of the victim? The family keeps pressing her to withdraw her statement.',
  });
  await moderation.report(await viewer(reporter), {
    targetType: 'post',
    targetId: reportedPostId,
    reason: 'personal_data',
    note: 'Please check this one: it says where she works, which could be enough to identify her.',
  });
}
