import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { messagesOf } from '../conversations/export';
import { cancelMeetingsBetween } from '../conversations/meetings';
import { sameGoals } from '../../shared/plan-schemas';
import {
  type AudienceLevel,
  type Block,
  type Goals,
  DEFAULT_VISIBILITY,
  type DirectoryQuery,
  type Me,
  type Profile,
  type ProfileInput,
  type Reapply,
  VISIBILITY_FIELDS,
  type Visibility,
} from '../../shared/schemas';
import { nameLookalikeKey, sortKeyForName } from '../../shared/text';
import { counted } from '../insights/counters';
import { TABLE, db, failedConditions, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { ConflictError, type ErrorDetail, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import type { Page } from '../lib/cursor';
import type { Session } from '../lib/session';
import { detachAuthor, postsByAuthor } from '../discussion/repository';
import * as mentorshipRepo from '../mentorship/repository';
import { getSettings } from '../board/settings';
import { withBoardNotices } from '../notifications/repository';
import { exportEvents } from '../events/her-data';
import { filesUploadedBy } from '../files/her-data';
import { exportPreferences } from './preferences';
import { searchChanged } from '../search/changes';
import * as repo from './repository';
import type { MemberRecord } from './repository';

/** Member ids are Cognito subs; anything else cannot name a member, so it is simply not found. */
const MEMBER_ID = /^[A-Za-z0-9-]{1,64}$/;

export function memberIdOrNotFound(id: string | undefined): string {
  if (!id || !MEMBER_ID.test(id)) throw new NotFoundError();
  return id;
}

/** Who is looking at a profile, and what that entitles her to. */
export type Viewer = { id: string; isBoard: boolean };

/**
 * The profile as `viewer` may see it. Owner and board: every field, with visibility, status and
 * version. Others: id, displayName and kind, plus each field whose audience includes them.
 */
export function viewOf(m: repo.MemberView, viewer: Viewer, partner = false): Profile {
  const full = viewer.isBoard || viewer.id === m.id;
  const base: Profile = { id: m.id, displayName: m.displayName, kind: m.kind };
  const fields: Partial<Profile> = {
    country: m.country,
    organization: m.organization,
    jobTitle: m.jobTitle,
    bio: m.bio,
    expertise: m.expertise,
    languages: m.languages,
    timezone: m.timezone,
    goals: m.goals,
    mentoring: m.mentoring,
  };
  const completions = m.completions?.length ? m.completions : undefined;
  if (full) return { ...base, ...fields, completions, visibility: m.visibility, status: m.status, version: m.version };
  const shown = (level: AudienceLevel | undefined) => level === 'members' || (level === 'partners' && partner);
  const out: Record<string, unknown> = { ...base };
  for (const f of VISIBILITY_FIELDS) {
    if (f !== 'programme' && fields[f] !== undefined && shown(m.visibility[f])) out[f] = fields[f];
  }
  // `programme` governs the completions list; a record from before the field existed reads as 'board'.
  if (completions && shown(m.visibility.programme ?? DEFAULT_VISIBILITY.programme)) out.completions = completions;
  return out as Profile;
}

export function rolesOf(session: Session, m: MemberRecord | undefined): string[] {
  return [...(m ? [m.kind] : []), ...(session.isBoard ? ['board'] : [])];
}

/** What /api/me answers, from her member record as the guard read it (`m`, none before she applied). */
export async function getMe(session: Session, m: MemberRecord | undefined): Promise<Me> {
  return {
    id: session.userId,
    email: session.email,
    roles: rolesOf(session, m),
    status: m?.status ?? 'pending',
    profile: m ? viewOf(m, { id: session.userId, isBoard: session.isBoard }) : null,
    ...(m?.decisionReason && m.status === 'declined' ? { decisionReason: m.decisionReason } : {}),
    ...(m && sanctionInForce(m) ? { sanction: sanctionInForce(m) } : {}),
    ...(m?.status === 'declined' ? { reapplyFrom: reapplyFrom(m, (await getSettings()).reapplyAfterDays) } : {}),
  };
}

// ---------------------------------------------------------------- applying again (issue 9, N4)

/** A declined applicant may apply once more; a second decline is final. */
const MAX_APPLICATIONS = 2;

/** From when a declined applicant may apply again, or null when her decision is final. */
function reapplyFrom(m: MemberRecord, afterDays: number): string | null {
  if ((m.applications ?? 1) >= MAX_APPLICATIONS) return null;
  const decided = Date.parse(m.decidedAt ?? m.updatedAt);
  return new Date(decided + afterDays * 86_400_000).toISOString();
}

/**
 * A declined applicant's new application: her profile as it stands with a new statement, back
 * to `pending` and into the board's list. Allowed once, after the board's waiting period; the
 * write is conditioned on her record's version and `declined` status, so concurrent attempts
 * create one application.
 */
export async function reapply(session: Session, input: { statement: string; version: number }): Promise<Reapply> {
  const prev = await repo.getMember(session.userId);
  if (!prev) throw new ConflictError('no_application', 'You have not applied yet.');
  if (prev.status !== 'declined') throw new ConflictError('not_declined', 'Only a declined application can be made again.');
  const from = reapplyFrom(prev, (await getSettings()).reapplyAfterDays);
  if (from === null) throw new ConflictError('reapply_used', 'You have already applied again; the board’s decision is final.');
  const now = new Date().toISOString();
  if (now < from) throw new ConflictError('reapply_too_soon', `You may apply again from ${inWordsUtc(from)}.`, { from });
  if (input.version !== prev.version)
    throw new ConflictError('stale_version', 'Your profile changed since you loaded it. Reload and try again.');
  const { decidedAt: _a, decidedBy: _b, decisionReason: _r, ...rest } = prev;
  const next: MemberRecord = {
    ...rest,
    status: 'pending',
    statement: input.statement,
    submittedAt: now,
    applications: (prev.applications ?? 1) + 1,
    updatedAt: now,
    version: prev.version + 1,
  };
  const { items, followUp } = await withBoardNotices([counted('applications', now, 'submitted')], 'board.application', next.id, now);
  try {
    await repo.replaceMember(prev, next, input.version, items);
  } catch (e) {
    if (failedConditions(e)?.length) throw new ConflictError('stale_version', 'Your application changed meanwhile. Reload to see it.');
    throw e;
  }
  await followUp();
  return { memberId: next.id, status: next.status, statement: next.statement, submittedAt: next.submittedAt, version: next.version };
}

/** "4 March 2027": a date written into an error message a person reads. */
const inWordsUtc = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** A read-only or suspension sanction still running, as she is told it (not who decided it). */
function sanctionInForce(m: repo.MemberRecord): { type: 'read_only' | 'suspend'; until: string; reason: string } | undefined {
  const s = (m as repo.MemberRecord & { sanction?: { type: 'read_only' | 'suspend'; until: string; reason?: string } }).sanction;
  return s && s.until > new Date().toISOString() ? { type: s.type, until: s.until, reason: s.reason ?? '' } : undefined;
}

/** The sanctions about her, newest first: warnings too, each with the board's reason. */
export async function listOwnSanctions(session: Session, q: { limit: number; cursor?: string }) {
  return repo.listSanctions(session.userId, { ...q, scope: `sanctions:${session.userId}` });
}

/**
 * A save failed a condition: when the name is now another member's (a board member's), say so
 * at the field; otherwise the caller's own conflict applies.
 */
async function nameTakenOr(name: string, memberId: string, otherwise: ConflictError): Promise<never> {
  const holder = await repo.nameHolder(nameLookalikeKey(name));
  if (holder !== undefined && holder !== memberId) throw nameTaken();
  throw otherwise;
}

/**
 * A 400 at the field, not a 409: no reload or retry makes this name acceptable; she has to
 * choose another, as with any other invalid value.
 */
const nameTaken = () =>
  new ValidationError('This name reads the same as an advisory board member’s. Choose another name.', [
    { path: 'displayName', code: 'reserved_name', message: 'Reserved for a board member.' },
  ]);

const missing = (input: ProfileInput, fields: (keyof ProfileInput)[]) =>
  fields.filter((f) => input[f] === undefined).map((f): ErrorDetail => ({ path: f, code: 'required', message: 'Required.' }));

function mergedVisibility(prev: Visibility, input: ProfileInput['visibility']): Visibility {
  const out = { ...DEFAULT_VISIBILITY, ...prev };
  for (const f of VISIBILITY_FIELDS) {
    const v = input?.[f];
    if (v) out[f] = v;
  }
  return out;
}

/**
 * The first PUT creates the profile and the application (pending). Later PUTs replace the
 * editable fields at the stored `version`; visibility and mentoring settings are kept when
 * the body leaves them out. `kind` is fixed once set.
 */
export async function putProfile(session: Session, input: ProfileInput): Promise<Profile> {
  const now = new Date().toISOString();
  const prev = await repo.getMember(session.userId);
  const viewer = { id: session.userId, isBoard: session.isBoard };
  if (!prev) {
    const absent = missing(input, ['displayName', 'kind', 'country', 'statement']);
    if (absent.length) throw new ValidationError('Some required fields are missing.', absent);
    if (input.version !== undefined)
      throw new ValidationError('A new profile has no version yet.', [
        { path: 'version', code: 'version_not_expected', message: 'Leave out on the first save.' },
      ]);
    const m: MemberRecord = {
      id: session.userId,
      email: session.email,
      status: 'pending',
      kind: input.kind!,
      displayName: input.displayName!,
      sortName: sortKeyForName(input.displayName!),
      country: input.country!,
      organization: input.organization,
      jobTitle: input.jobTitle,
      bio: input.bio,
      expertise: input.expertise ?? [],
      languages: input.languages ?? [],
      timezone: input.timezone,
      goals: input.goals,
      mentoring: input.mentoring,
      visibility: mergedVisibility(DEFAULT_VISIBILITY, input.visibility),
      statement: input.statement!,
      submittedAt: now,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const nameKey = nameLookalikeKey(m.displayName);
    const { items, followUp } = await withBoardNotices(
      [
        ...repo.displayNameWrites(nameKey, m.id, session.isBoard),
        repo.boardRosterWrite(m.id, session.isBoard),
        counted('applications', now, 'submitted'),
      ],
      'board.application',
      m.id,
      now,
    );
    try {
      await repo.createMember(m, items);
    } catch (e) {
      if (failedConditions(e)?.length)
        return nameTakenOr(m.displayName, m.id, new ConflictError('profile_exists', 'Your profile already exists. Reload to edit it.'));
      throw e;
    }
    await followUp();
    return viewOf(m, viewer);
  }

  if (input.version === undefined)
    throw new ValidationError('Send the version of the profile you edited.', [{ path: 'version', code: 'required', message: 'Required.' }]);
  if (input.kind !== undefined && input.kind !== prev.kind)
    throw new ValidationError('The member kind cannot change.', [
      { path: 'kind', code: 'immutable', message: 'Fixed after the first save.' },
    ]);
  const absent = missing(input, ['displayName', 'country']);
  if (absent.length) throw new ValidationError('Some required fields are missing.', absent);
  if (input.statement !== undefined && prev.status !== 'pending') {
    throw new ValidationError('The application statement can only change while it waits for the board.', [
      { path: 'statement', code: 'not_editable', message: 'Not editable now.' },
    ]);
  }
  if (prev.status === 'deactivated') throw new ForbiddenError('This account is closed.', 'account_closed');
  // A form opened before her last change (a plan write moves the goals and the version) is stale
  // before anything else: telling her the goals are read-only would send her looking the wrong way.
  if (input.version !== prev.version)
    throw new ConflictError('stale_version', 'The profile changed since you loaded it. Reload and try again.');
  const keptGoals = goalsKeptFromPlan(prev, input);
  const next: MemberRecord = {
    ...prev,
    displayName: input.displayName!,
    sortName: sortKeyForName(input.displayName!),
    country: input.country!,
    organization: input.organization,
    jobTitle: input.jobTitle,
    bio: input.bio,
    expertise: input.expertise ?? [],
    languages: input.languages ?? [],
    timezone: input.timezone,
    ...keptGoals,
    visibility: mergedVisibility(prev.visibility, input.visibility),
    statement: input.statement ?? prev.statement,
    updatedAt: now,
    version: prev.version + 1,
  };
  const names = repo.displayNameWrites(nameLookalikeKey(next.displayName), prev.id, session.isBoard, nameLookalikeKey(prev.displayName));
  try {
    await repo.replaceMember(prev, next, input.version, [...names, repo.boardRosterWrite(prev.id, session.isBoard)]);
  } catch (e) {
    if (failedConditions(e)?.length)
      return nameTakenOr(
        next.displayName,
        prev.id,
        new ConflictError('stale_version', 'The profile changed since you loaded it. Reload and try again.'),
      );
    throw e;
  }
  return viewOf(next, viewer);
}

const isBlank = (g: Goals | undefined) => !g || sameGoals(g, undefined);

/**
 * Goals are written in her development plan (issue 12), which keeps the profile's goals (and her
 * mentoring `seeking` goals) in step: here they are read-only. Sending them back unchanged, or
 * empty (a form without them gets the schema's empty default), keeps what is stored; sending
 * others is a 400 `read_only`, so no client overwrites her plan's goals unknowingly.
 */
function goalsKeptFromPlan(prev: MemberRecord, input: ProfileInput): Pick<MemberRecord, 'goals' | 'mentoring'> {
  const seekingNow = prev.mentoring?.seeking?.goals ?? prev.goals;
  const details: ErrorDetail[] = [];
  if (!isBlank(input.goals) && !sameGoals(input.goals, prev.goals))
    details.push({ path: 'goals', code: 'read_only', message: 'Goals are written in your development plan.' });
  const sentSeeking = input.mentoring?.seeking.goals;
  if (!isBlank(sentSeeking) && !sameGoals(sentSeeking, seekingNow))
    details.push({ path: 'mentoring.seeking.goals', code: 'read_only', message: 'Goals are written in your development plan.' });
  if (details.length) throw new ValidationError('Goals are written in your development plan.', details);
  const mentoring = input.mentoring
    ? { ...input.mentoring, seeking: { ...input.mentoring.seeking, goals: seekingNow ?? { shortTerm: '', mediumTerm: '', longTerm: '' } } }
    : prev.mentoring;
  return { goals: prev.goals, mentoring };
}

/** The caller's active membership, or 403 (pending, declined, suspended). */
export async function requireActive(session: Session): Promise<MemberRecord> {
  return activeOrForbidden(await repo.getMember(session.userId));
}

/** Her record when her membership is active; 403 otherwise (pending, declined, suspended, none). */
function activeOrForbidden(m: MemberRecord | undefined): MemberRecord {
  if (m?.status !== 'active') throw new ForbiddenError('Your membership is not active yet.', 'membership_not_active');
  return m;
}

/**
 * A member's profile as the caller may see it; `caller` is her own record as the guard read it.
 * For a member looking at another, the target and the blocks between them are one read; whether
 * they are partners is asked only when the target shows a field to partners.
 */
/**
 * The keys a profile read needs beyond her own record, so that the route's guard reads them with her
 * session (one round trip): the target and a block either way. None when the id cannot name
 * another member (then getProfile answers without them).
 */
export function profileReadKeys(viewerId: string, rawId: string | undefined) {
  if (!rawId || !MEMBER_ID.test(rawId) || rawId === viewerId) return [];
  return repo.memberWithBlocksKeys(viewerId, rawId);
}

/** `read`: the items of profileReadKeys as the guard read them; read here when absent. */
export async function getProfile(
  session: Session,
  rawId: string | undefined,
  caller: MemberRecord | undefined,
  read?: readonly (Record<string, AttributeValue> | undefined)[],
): Promise<Profile> {
  const id = memberIdOrNotFound(rawId);
  const viewer = { id: session.userId, isBoard: session.isBoard };
  if (!session.isBoard) activeOrForbidden(caller);
  if (id === session.userId) {
    if (!caller) throw new NotFoundError();
    return viewOf(caller, viewer);
  }
  const wanted = profileReadKeys(session.userId, id);
  const { member: target, blocked } = read ? repo.memberWithBlocksOf(read, wanted) : await repo.memberWithBlocks(session.userId, id);
  if (session.isBoard) {
    if (!target) throw new NotFoundError();
    return viewOf(target, viewer);
  }
  if (target?.status !== 'active' || blocked) throw new NotFoundError();
  // Whether they are partners changes what she sees only when the target shows a field to partners.
  const partner = VISIBILITY_FIELDS.some((f) => target.visibility[f] === 'partners') && (await repo.isPartner(id, session.userId));
  return viewOf(target, viewer, partner);
}

/** A page of the directory; `caller` is her own record as the guard read it. */
export async function directory(session: Session, q: DirectoryQuery, caller: MemberRecord | undefined): Promise<Page<Profile>> {
  if (!session.isBoard) activeOrForbidden(caller);
  const viewer = { id: session.userId, isBoard: session.isBoard };
  const scope = `dir:${session.userId}:${q.expertise ?? ''}:${q.country ?? ''}:${q.language ?? ''}:${q.kind ?? ''}`;
  const [page, blocks] = await Promise.all([
    repo.listDirectory(q, { limit: q.limit, cursor: q.cursor, boardView: session.isBoard, scope }),
    repo.listBlockRelations(session.userId),
  ]);
  return {
    // Her own card shows what other members see of her, not her full profile, so the directory
    // never suggests that a board-only field is public.
    items: page.items
      .filter((m) => !blocks.all.has(m.id))
      .map((m) => viewOf(m, m.id === viewer.id && !viewer.isBoard ? { id: '', isBoard: false } : viewer)),
    nextCursor: page.nextCursor,
  };
}

export async function block(session: Session, rawId: string | undefined): Promise<void> {
  const targetId = memberIdOrNotFound(rawId);
  await requireActive(session);
  if (targetId === session.userId)
    throw new ValidationError('You cannot block yourself.', [{ path: 'id', code: 'self_target', message: 'Choose another member.' }]);
  const target = await repo.getMember(targetId);
  // Blocking someone already blocking you answers like any other block: the block stays invisible.
  if (!target || (target.status !== 'active' && target.status !== 'suspended')) throw new NotFoundError();
  const at = new Date().toISOString();
  await repo.putBlock(session.userId, targetId, target.displayName, at);
  // Their conversations close with the block; the meetings agreed in them leave both agendas.
  await cancelMeetingsBetween(session.userId, targetId, at);
}

export async function listBlocks(session: Session, q: { limit: number; cursor?: string }): Promise<Page<Block>> {
  const page = await repo.listBlocksMade(session.userId, { ...q, scope: `blocks:${session.userId}` });
  return { items: page.items.map((b) => ({ memberId: b.blocked, displayName: b.blockedName, at: b.at })), nextCursor: page.nextCursor };
}

export async function unblock(session: Session, rawId: string | undefined): Promise<void> {
  const targetId = memberIdOrNotFound(rawId);
  await requireActive(session);
  await repo.deleteBlock(session.userId, targetId);
}

/** Every item of a paged list, page after page (exports only: never on a request that lists). */
async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Her mentorships on both sides, with the check-ins of each and the feedback she gave. */
async function mentoringOf(memberId: string) {
  const now = new Date().toISOString();
  const list = (side: 'mentor' | 'mentee') =>
    allPages((cursor) =>
      (side === 'mentor' ? mentorshipRepo.listAsMentor : mentorshipRepo.listAsMentee)(memberId, {
        limit: 50,
        cursor,
        scope: `export:${memberId}:${side}`,
        now,
      }),
    );
  const [asMentor, asMentee] = await Promise.all([list('mentor'), list('mentee')]);
  return Promise.all(
    [...asMentor, ...asMentee].map(async (m) => {
      const [checkIns, feedback, messages] = await Promise.all([
        allPages((cursor) => mentorshipRepo.listCheckIns(m.id, { limit: 50, cursor, scope: `export:${memberId}:${m.id}` })),
        mentorshipRepo.listFeedback(m.id),
        messagesOf(m.id, memberId),
      ]);
      return {
        id: m.id,
        role: m.mentorId === memberId ? ('mentor' as const) : ('mentee' as const),
        state: m.state,
        message: m.message,
        goals: m.goals,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
        checkIns: checkIns.map((c) => ({
          date: c.date,
          notes: c.notes,
          nextSteps: c.nextSteps,
          byMe: c.authorId === memberId,
          at: c.createdAt,
        })),
        myFeedback: feedback.filter((f) => f.memberId === memberId).map((f) => ({ rating: f.rating, text: f.text, at: f.at })),
        myMessages: messages,
      };
    }),
  );
}

/** Everything the member wrote or owns. Blocks made against her are not hers and stay out. */
export async function exportData(session: Session) {
  const [own, posts, mentorships, preferences, events, files] = await Promise.all([
    repo.listOwnItems(session.userId),
    postsByAuthor(session.userId),
    mentoringOf(session.userId),
    exportPreferences(session.userId),
    exportEvents(session.userId),
    filesUploadedBy(session.userId),
  ]);
  const strip = (i: Record<string, unknown>) => {
    const { pk: _p, sk: _s, gsi1pk: _a, gsi1sk: _b, ...rest } = i;
    return rest;
  };
  const found = own.find((i) => i.entity === 'member');
  // Her application was decided by the board, not by a person she can look up: the deciding board
  // member's id stays out, as it does for sanctions. The sort key is ours, not her data.
  const { decidedBy: _by, sortName: _sort, ...profile } = found ?? {};
  return {
    exportedAt: new Date().toISOString(),
    account: { id: session.userId, email: session.email },
    profile: found ? strip(profile) : null,
    blocks: own
      .filter((i) => typeof i.sk === 'string' && i.sk.startsWith('BLOCK#OUT#'))
      .map((i): Block => ({ memberId: String(i.blocked), displayName: String(i.blockedName ?? ''), at: String(i.at) })),
    notifications: own.filter((i) => i.entity === 'notification').map(strip),
    events,
    files,
    posts: posts.map((p) => ({
      id: p.id,
      threadId: p.threadId,
      opening: p.opening,
      identity: p.identity,
      body: p.body,
      state: p.state,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
    mentorships,
    // Where she is signed in: only when each sign-in started (no device details are kept).
    sessions: own.filter((i) => i.entity === 'session').map((i) => ({ startedAt: String(i.startedAt) })),
    // What the board decided about her, with its reasons; not which board member decided.
    // Her private messages to the board, with its replies (never which board member answered).
    boardMessages: own
      .filter((i) => i.entity === 'boardMessage')
      .map((i) => ({
        body: String(i.body),
        at: String(i.at),
        state: String(i.state),
        ...(i.reply ? { reply: String(i.reply), handledAt: String(i.handledAt) } : {}),
      })),
    sanctions: own
      .filter((i) => i.entity === 'sanction')
      .map((i) => ({ type: String(i.type), reason: String(i.reason), ...(i.until ? { until: String(i.until) } : {}), at: String(i.at) })),
    preferences,
    // Her development plan (issue 12) as she wrote it; her goals' ids only index the check-ins.
    plan: planOf(own.find((i) => i.entity === 'plan')),
  };
}

function planOf(item: Record<string, unknown> | undefined) {
  if (!item) return null;
  const { pk: _p, sk: _s, entity: _e, goalIds: _g, ...plan } = item;
  return plan;
}

/**
 * Erases the member's data: her partition, her directory facets and both sides of every block.
 * The Cognito account is removed by the caller afterwards, so a failure here leaves a working
 * account rather than an orphaned profile.
 */
export async function eraseData(memberId: string): Promise<void> {
  await detachAuthor(memberId);
  const own = await repo.listOwnItems(memberId);
  const profile = await repo.getMember(memberId);
  const mirrors = own.flatMap((i) => {
    const sk = String(i.sk);
    if (sk.startsWith('BLOCK#OUT#')) return [{ pk: `MEMBER#${sk.slice('BLOCK#OUT#'.length)}`, sk: `BLOCK#IN#${memberId}` }];
    if (sk.startsWith('BLOCK#IN#')) return [{ pk: `MEMBER#${sk.slice('BLOCK#IN#'.length)}`, sk: `BLOCK#OUT#${memberId}` }];
    return [];
  });
  const facets = profile?.status === 'active' ? repo.memberKeys.facetKeys(profile) : [];
  const ownKeys = own.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })).filter((k) => k.sk !== 'PROFILE');
  const isSession = (k: { sk: string }) => k.sk.startsWith(keys.sessionPrefix);
  // The profile goes last but for her sessions: while any delete is left, she is still signed in
  // and finds her account, and asking again (after a 503) finishes the erasure.
  await repo.deleteKeys([...mirrors, ...facets, ...ownKeys.filter((k) => !isSession(k))]);
  if (profile) {
    await repo.releaseName(nameLookalikeKey(profile.displayName), memberId);
    await repo.leaveBoardRoster(memberId);
    await db.transactWrite({
      TransactItems: [
        { Delete: { TableName: TABLE, Key: toAttr(keys.member(memberId)) } },
        ...repo.networkCount(profile, undefined),
        // A member who had joined has left; an applicant never joined, so she never counted.
        ...(profile.status === 'pending' || profile.status === 'declined'
          ? []
          : [counted('members', new Date().toISOString(), `left|${profile.kind}|${profile.country}`)]),
      ],
    });
    // Her name leaves the index with her record.
    searchChanged({ kind: 'member', id: memberId });
  }
  await repo.deleteKeys(ownKeys.filter(isSession));
}
