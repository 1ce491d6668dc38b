import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ProfileInput } from '../../shared/schemas';

/**
 * Demo data for local mode only: one account per role and about forty members across the
 * network's countries, kinds and expertise. Everything goes through the real services
 * (putProfile, the board's decision), so the seed exercises the same rules as a user would.
 * Call only after process.env holds the local configuration.
 */

export const DEMO_ACCOUNTS = [
  { email: 'board@example.org', role: 'board', name: 'Amina Qureshi', kind: 'practitioner', country: 'PK' },
  { email: 'practitioner@example.org', role: 'practitioner', name: 'Sadia Rahimi', kind: 'practitioner', country: 'AF' },
  { email: 'champion@example.org', role: 'champion', name: 'Carlos Mendes', kind: 'champion', country: 'BR' },
] as const;

export const demoPassword = () => process.env.DEMO_PASSWORD ?? 'champions-demo-2026';

const PEOPLE: { name: string; kind: 'practitioner' | 'champion'; country: string; languages: string[]; tz: string }[] = [
  { name: 'فاطمہ بی بی', kind: 'practitioner', country: 'PK', languages: ['ur', 'en'], tz: 'Asia/Karachi' },
  { name: 'Ayesha Siddiqui', kind: 'practitioner', country: 'PK', languages: ['ur', 'pa', 'en'], tz: 'Asia/Karachi' },
  { name: 'Nadia Khan', kind: 'practitioner', country: 'PK', languages: ['ur', 'ps', 'en'], tz: 'Asia/Karachi' },
  { name: 'Imran Baloch', kind: 'champion', country: 'PK', languages: ['ur', 'bal', 'en'], tz: 'Asia/Karachi' },
  { name: 'Hamid Yousafzai', kind: 'champion', country: 'PK', languages: ['ps', 'ur', 'en'], tz: 'Asia/Karachi' },
  { name: 'مریم احمدی', kind: 'practitioner', country: 'AF', languages: ['prs', 'ps'], tz: 'Asia/Kabul' },
  { name: 'Zarghona Stanikzai', kind: 'practitioner', country: 'AF', languages: ['ps', 'prs', 'en'], tz: 'Asia/Kabul' },
  { name: 'Farid Noori', kind: 'champion', country: 'AF', languages: ['prs', 'en'], tz: 'Asia/Kabul' },
  { name: 'زينب الموسوي', kind: 'practitioner', country: 'IQ', languages: ['ar', 'en'], tz: 'Asia/Baghdad' },
  { name: 'Shilan Ahmed', kind: 'practitioner', country: 'IQ', languages: ['ckb', 'ar', 'en'], tz: 'Asia/Baghdad' },
  { name: 'Haider Al-Jubouri', kind: 'champion', country: 'IQ', languages: ['ar', 'en'], tz: 'Asia/Baghdad' },
  { name: 'Layla Hassan', kind: 'practitioner', country: 'IQ', languages: ['ar', 'kmr'], tz: 'Asia/Baghdad' },
  { name: 'نرگس کریمی', kind: 'practitioner', country: 'IR', languages: ['fa', 'en'], tz: 'Asia/Tehran' },
  { name: 'Shirin Tehrani', kind: 'practitioner', country: 'IR', languages: ['fa', 'en'], tz: 'Asia/Tehran' },
  { name: 'Reza Moradi', kind: 'champion', country: 'IR', languages: ['fa', 'en'], tz: 'Asia/Tehran' },
  { name: 'सीता थापा', kind: 'practitioner', country: 'NP', languages: ['ne', 'en'], tz: 'Asia/Kathmandu' },
  { name: 'Pooja Gurung', kind: 'practitioner', country: 'NP', languages: ['ne', 'hi', 'en'], tz: 'Asia/Kathmandu' },
  { name: 'Bikash Shrestha', kind: 'champion', country: 'NP', languages: ['ne', 'en'], tz: 'Asia/Kathmandu' },
  { name: 'Anjali Rai', kind: 'practitioner', country: 'NP', languages: ['ne'], tz: 'Asia/Kathmandu' },
  { name: 'María Fernanda López', kind: 'practitioner', country: 'CO', languages: ['es', 'en'], tz: 'America/Bogota' },
  { name: 'Luz Marina Ospina', kind: 'practitioner', country: 'CO', languages: ['es'], tz: 'America/Bogota' },
  { name: 'Andrés Restrepo', kind: 'champion', country: 'CO', languages: ['es', 'en'], tz: 'America/Bogota' },
  { name: 'Catalina Gómez', kind: 'practitioner', country: 'CO', languages: ['es', 'pt'], tz: 'America/Bogota' },
  { name: 'Ana Paula Souza', kind: 'practitioner', country: 'BR', languages: ['pt', 'es', 'en'], tz: 'America/Sao_Paulo' },
  { name: 'Juliana Ferreira', kind: 'practitioner', country: 'BR', languages: ['pt'], tz: 'America/Manaus' },
  { name: 'Rafael Oliveira', kind: 'champion', country: 'BR', languages: ['pt', 'en'], tz: 'America/Sao_Paulo' },
  { name: 'Beatriz Santos', kind: 'practitioner', country: 'BR', languages: ['pt', 'es'], tz: 'America/Sao_Paulo' },
  { name: 'Fatima Zahra Benali', kind: 'practitioner', country: 'MA', languages: ['ar', 'fr'], tz: 'Africa/Casablanca' },
  { name: 'Grace Wanjiru', kind: 'practitioner', country: 'KE', languages: ['sw', 'en'], tz: 'Africa/Nairobi' },
  { name: 'Peter Otieno', kind: 'champion', country: 'KE', languages: ['sw', 'en'], tz: 'Africa/Nairobi' },
  { name: 'Rukhsana Begum', kind: 'practitioner', country: 'BD', languages: ['bn', 'en'], tz: 'Asia/Dhaka' },
  { name: 'Priya Sharma', kind: 'practitioner', country: 'IN', languages: ['hi', 'en'], tz: 'Asia/Kolkata' },
  { name: 'Thomas Müller', kind: 'champion', country: 'DE', languages: ['de', 'en'], tz: 'Europe/Berlin' },
  { name: 'Claire Dubois', kind: 'practitioner', country: 'FR', languages: ['fr', 'en'], tz: 'Europe/Paris' },
  { name: 'Elif Yılmaz', kind: 'practitioner', country: 'TR', languages: ['tr', 'en'], tz: 'Europe/Istanbul' },
  { name: 'Olena Kovalenko', kind: 'practitioner', country: 'UA', languages: ['uk', 'ru', 'en'], tz: 'Europe/Kyiv' },
  { name: 'Martin Andersson', kind: 'champion', country: 'SE', languages: ['en'], tz: 'Europe/Stockholm' },
];

const EXPERTISE_CYCLE = [
  ['investigation', 'victim_protection'],
  ['prosecution', 'legislation'],
  ['border_management', 'migrant_smuggling'],
  ['labour_inspection', 'victim_protection'],
  ['international_cooperation', 'investigation'],
  ['leadership', 'training'],
  ['financial_investigation', 'digital_evidence'],
];

const ORGS = [
  'Federal Investigation Agency',
  'Provincial Police',
  'Public Prosecution Service',
  'Labour Inspectorate',
  'Border Police',
  'Anti-Trafficking Unit',
];
const TITLES = ['Inspector', 'Sub-Inspector', 'Deputy Prosecutor', 'Labour Inspector', 'Superintendent', 'Investigator'];

/** Demo records are pure functions of their index, so the seed is the same on every machine. */
function demoProfile(
  i: number,
  p: { name: string; kind: 'practitioner' | 'champion'; country: string; languages: string[]; tz: string },
): ProfileInput {
  const expertise = EXPERTISE_CYCLE[i % EXPERTISE_CYCLE.length] ?? ['investigation'];
  const offering = p.kind === 'champion' || i % 4 === 0;
  return {
    displayName: p.name,
    kind: p.kind,
    country: p.country,
    organization: ORGS[i % ORGS.length],
    jobTitle: TITLES[i % TITLES.length],
    bio: `Works on ${expertise.join(' and ').replace(/_/g, ' ')}. Happy to share lessons learnt with the network.`,
    expertise: [...expertise] as ProfileInput['expertise'],
    languages: p.languages,
    timezone: p.tz,
    // One set of goals: the profile's are those she seeks mentoring with (the profile page edits one set).
    goals: { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: 'Shape national policy' },
    mentoring: {
      offering: { active: offering, capacity: offering ? 2 + (i % 3) : 0, topics: [...expertise] as never, languages: p.languages },
      seeking: {
        active: !offering,
        topics: (offering ? [] : [...new Set(['leadership', expertise[0]])]) as never,
        goals: { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: 'Shape national policy' },
        sameCountryOnly: false,
        outsideOrganizationOnly: i % 5 === 0,
      },
    },
    // Every third member widens her country, organisation and title to all members.
    visibility:
      i % 3 === 0 ? { country: 'members', organization: 'members', jobTitle: 'members' } : i % 3 === 1 ? { country: 'members' } : {},
    statement: 'I investigate trafficking cases and want to learn from peers across the region.',
  };
}

async function ensureAccount(
  idp: CognitoIdentityProviderClient,
  poolId: string,
  clientId: string,
  email: string,
  password: string,
): Promise<string> {
  try {
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email }));
    return user.UserAttributes?.find((a) => a.Name === 'sub')?.Value ?? '';
  } catch {
    const res = await idp.send(
      new SignUpCommand({ ClientId: clientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: email }));
    return res.UserSub ?? '';
  }
}

/** Seeds once: skipped when the demo board account already has an active profile. */
export async function seed(): Promise<{ seeded: boolean; members: number }> {
  const { config } = await import('../../functions/lib/config');
  if (!config.LOCAL_MODE) throw new Error('Demo data exists only in local mode.');
  const members = await import('../../functions/members/service');
  const repo = await import('../../functions/members/repository');
  const board = await import('../../functions/board/service');
  const spaces = await import('./seed-spaces');

  const idp = new CognitoIdentityProviderClient({
    region: config.AWS_REGION,
    endpoint: config.COGNITO_ENDPOINT,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const password = demoPassword();
  const ids: Record<string, string> = {};
  for (const a of DEMO_ACCOUNTS)
    ids[a.email] = await ensureAccount(idp, config.USER_POOL_ID, config.USER_POOL_CLIENT_ID, a.email, password);
  const boardId = ids['board@example.org'] ?? '';
  await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: config.USER_POOL_ID, Username: 'board@example.org', GroupName: 'board' }));

  const existing = await repo.getMember(boardId);
  if (existing?.status === 'active') return { seeded: false, members: 0 };

  const boardSession = { userId: boardId, email: 'board@example.org', groups: ['board'], isBoard: true };
  // The first board member is approved directly: there is no other board member to approve her.
  const boardProfile = {
    ...demoProfile(0, { name: 'Amina Qureshi', kind: 'practitioner', country: 'PK', languages: ['ur', 'en'], tz: 'Asia/Karachi' }),
  };
  if (!existing) await members.putProfile(boardSession, boardProfile);
  const pending = await repo.getMember(boardId);
  if (pending && pending.status === 'pending') {
    await repo.replaceMember(
      pending,
      { ...pending, status: 'active', decidedAt: new Date().toISOString(), version: pending.version + 1 },
      pending.version,
    );
  }

  const all = [
    ...DEMO_ACCOUNTS.filter((a) => a.role !== 'board').map((a, i) => ({
      id: ids[a.email] ?? '',
      email: a.email,
      p: {
        name: a.name,
        kind: a.kind,
        country: a.country,
        languages: a.country === 'AF' ? ['prs', 'ps', 'en'] : ['pt', 'es', 'en'],
        tz: a.country === 'AF' ? 'Asia/Kabul' : 'America/Sao_Paulo',
      },
      i: i + 1,
    })),
    ...PEOPLE.map((p, i) => ({ id: `demo-${String(i + 1).padStart(4, '0')}`, email: `member${i + 1}@demo.invalid`, p, i: i + 3 })),
  ];
  let count = 1;
  for (const m of all) {
    const session = { userId: m.id, email: m.email, groups: [], isBoard: false };
    if (!(await repo.getMember(m.id))) await members.putProfile(session, demoProfile(m.i, m.p));
    await board.decide(boardSession, m.id, 'approve', 'Vetted by the advisory board (demo data).');
    count++;
  }
  // Two applicants wait for the board, so the applications page has something to show.
  const applicants: [number, (typeof PEOPLE)[number]][] = [
    [1, { name: 'Hina Javed', kind: 'practitioner', country: 'PK', languages: ['ur', 'en'], tz: 'Asia/Karachi' }],
    [2, { name: 'Sofía Ramírez', kind: 'practitioner', country: 'CO', languages: ['es'], tz: 'America/Bogota' }],
  ];
  for (const [n, p] of applicants) {
    const id = `demo-applicant-${n}`;
    if (!(await repo.getMember(id)))
      await members.putProfile({ userId: id, email: `applicant${n}@demo.invalid`, groups: [], isBoard: false }, demoProfile(n, p));
  }
  // ── personal development plan (issue 12)
  const { seedPlan } = await import('./seed-plan');
  // Her mentor in the demo is Farid Noori (a demo member, not a sign-in account), so the champion's
  // account stays free for the walk (tests/e2e) in which she asks him: one demo mentorship, which
  // her plan is shared with and whose conversation seedConversation writes below.
  const farid = all.find((m) => m.p.name === 'Farid Noori');
  if (farid) await seedPlan(ids['practitioner@example.org'] ?? '', 'practitioner@example.org', farid.id, farid.email);
  await spaces.seedSpaces();
  const intro = await spaces.seedDiscussion(
    { id: boardId, name: boardProfile.displayName ?? 'Amina Qureshi' },
    all.map((m) => ({ id: m.id, name: m.p.name, kind: m.p.kind, country: m.p.country, language: m.p.languages[0] ?? 'en' })),
  );
  // The board's queue is not empty in the demo: a held anonymous reply and a report.
  const [poster, reporter, reported] = [all[5], all[6], all[7]];
  const reportedPost = intro.postIds[all.indexOf(reported as (typeof all)[number])];
  if (poster && reporter && reportedPost) await spaces.seedModeration(intro.threadId, reportedPost, poster.id, reporter.id);
  const eventsSeed = await import('./seed-events');
  const seededEvents = await eventsSeed.seedEvents({
    board: boardId,
    practitioner: ids['practitioner@example.org'] ?? '',
    members: all.filter((m) => m.id.startsWith('demo-')).map((m) => m.id),
  });
  // ── attachments (issue 14): the past webinar's slides and exercise, as event materials.
  const { seedEventFiles } = await import('./seed-files');
  await seedEventFiles(boardId, seededEvents.pastPart);
  const { seedConversation } = await import('./seed-conversation');
  if (farid) await seedConversation(ids['practitioner@example.org'] ?? '', farid.id);
  // ── email (issue 13): a request the champion has not answered for four days, for his nudge.
  const ayesha = all.find((m) => m.p.name === 'Ayesha Siddiqui');
  const { seedWaitingRequest } = await import('./seed-email');
  if (ayesha) await seedWaitingRequest(ids['champion@example.org'] ?? '', ayesha.id);
  // ── email and announcements (issue 13)
  const { seedAnnouncements } = await import('./seed-announcements');
  await seedAnnouncements({ userId: boardId, email: 'board@example.org' });
  // ── knowledge: the library of good practices (issue 14)
  const { seedPractices } = await import('./seed-practices');
  await seedPractices({
    board: { id: boardId, email: 'board@example.org' },
    practitioner: { id: ids['practitioner@example.org'] ?? '', email: 'practitioner@example.org' },
    members: all.map((m) => ({ id: m.id, email: m.email, name: m.p.name })),
  });
  // ── search (issue 14): everything above, in the index (the writes above also asked for it; this
  // covers what the seed wrote straight into the table, and writes nothing twice).
  const { seedSearchDemo } = await import('./seed-search');
  await seedSearchDemo({ id: boardId, name: boardProfile.displayName ?? 'Amina Qureshi' });
  const { drainLocalSearch } = await import('../../functions/search/changes');
  await drainLocalSearch();
  const { backfillSearch } = await import('../backfill-search');
  await backfillSearch();
  // ── knowledge: the board's insights (issue 14): counters rebuilt from everything seeded above,
  // some of it written straight to the table (past events' attendance) rather than through the services.
  const { backfillInsights } = await import('../backfill-insights');
  await backfillInsights();
  idp.destroy();
  return { seeded: true, members: count };
}
