/**
 * Demo data for search (issue 14): two threads in the members' lounge whose words show the
 * folding at work — an Urdu one (found by پاكستان typed with the Arabic kaf, or by its Persian
 * spelling), and an Arabic one written with harakat (found by typing the words without them).
 * Written straight to the table as the API would write them; `backfillSearch` then indexes
 * everything the seed wrote. Idempotent: the seed runs this once, on a fresh table.
 */
export async function seedSearchDemo(author: { id: string; name: string }): Promise<string[]> {
  const repo = await import('../../functions/discussion/repository');
  const { ulid } = await import('../../functions/lib/ids');
  const threads = [
    {
      title: 'پاکستان میں انسانی اسمگلنگ کی روک تھام',
      body: 'ہمارے صوبے میں لیبر انسپکٹرز اور پولیس نے مل کر بھٹہ مزدوروں کے ۱۲ مقدمات کی تفتیش کی۔ کیا کسی اور ملک میں ایسا مشترکہ طریقہ کار اپنایا گیا ہے؟',
    },
    {
      title: 'حِمَايَةُ الضَّحَايَا أَثْنَاءَ التَّحْقِيقِ',
      body: 'نُشَارِكُ تَجْرِبَتَنَا فِي مَدْرَسَةِ الشُّرْطَةِ: جَلَسَاتُ الاسْتِمَاعِ لِلضَّحِيَّةِ تَكُونُ فِي غُرْفَةٍ آمِنَةٍ، وَبِحُضُورِ أَخِصَّائِيَّةٍ اجْتِمَاعِيَّةٍ.',
    },
  ];
  const ids: string[] = [];
  const start = Date.now() - 6 * 3600 * 1000;
  for (const [i, t] of threads.entries()) {
    const createdAt = new Date(start + i * 3600 * 1000).toISOString();
    const threadId = ulid(Date.parse(createdAt));
    const postId = ulid(Date.parse(createdAt) + 1);
    await repo.transact([
      repo.threadPut({
        id: threadId,
        spaceId: 'members',
        title: t.title,
        authorId: author.id,
        authorName: author.name,
        identity: 'named',
        state: 'published',
        locked: false,
        pinned: false,
        replyCount: 0,
        lastPostAt: createdAt,
        openingPostId: postId,
        createdAt,
        version: 1,
      }),
      repo.postPut({
        id: postId,
        threadId,
        spaceId: 'members',
        authorId: author.id,
        authorName: author.name,
        identity: 'named',
        body: t.body,
        state: 'published',
        heldReasons: [],
        opening: true,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      }),
    ]);
    ids.push(threadId);
  }
  return ids;
}
