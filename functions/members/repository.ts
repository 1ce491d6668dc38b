import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { mentorCard } from '../../shared/matching';
import {
  type AudienceLevel,
  type Completion,
  DEFAULT_VISIBILITY,
  type Goals,
  type Kind,
  type MemberStatus,
  type Mentoring,
  type Visibility,
} from '../../shared/schemas';
import {
  TABLE,
  db,
  failedConditions,
  fromAttr,
  getMany,
  isConditionFailure,
  madeIf,
  newestFirst,
  queryAll,
  recordOf,
  toAttr,
  values,
} from '../lib/db';
import { VISIBILITY_FIELDS, type VisibilityField } from '../../shared/profile-fields';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { type FacetKind, keys } from '../lib/keys';
import { searchChanged } from '../search/changes';

/** A member as stored: profile, status and application in one item. */
export type MemberRecord = {
  id: string;
  email: string;
  status: MemberStatus;
  kind: Kind;
  displayName: string;
  sortName: string;
  country: string;
  organization?: string;
  jobTitle?: string;
  bio?: string;
  expertise: string[];
  languages: string[];
  timezone?: string;
  goals?: Goals;
  mentoring?: Mentoring;
  visibility: Visibility;
  /** The series she completed, appended by the events service in the completion's transaction. */
  completions?: Completion[];
  statement: string;
  submittedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  decisionReason?: string;
  /** How many applications she has made (absent: one). A declined second one is final. */
  applications?: number;
  createdAt: string;
  updatedAt: string;
  version: number;
};

type Facet = { facet: FacetKind; value: string; level: AudienceLevel };

/**
 * The facets of an active member: one per directory filter value she can be found by, and, while
 * she offers mentoring, one per topic and language she mentors in (the candidate index that
 * suggestions read).
 */
export function facetsOf(m: MemberRecord): Facet[] {
  const offering = m.mentoring?.offering;
  const offers = offering?.active && offering.capacity > 0;
  const offerLanguages = offering?.languages.length ? offering.languages : m.languages;
  return [
    ...(offers ? offering.topics.map((t): Facet => ({ facet: 'offerTopic', value: t, level: 'members' })) : []),
    ...(offers
      ? [...new Set(offerLanguages.map((l) => l.toLowerCase()))].map((l): Facet => ({ facet: 'offerLanguage', value: l, level: 'members' }))
      : []),
    { facet: 'all', value: '', level: 'members' },
    { facet: 'kind', value: m.kind, level: 'members' },
    { facet: 'country', value: m.country, level: m.visibility.country },
    ...m.expertise.map((e): Facet => ({ facet: 'expertise', value: e, level: m.visibility.expertise })),
    ...m.languages.map((l): Facet => ({ facet: 'language', value: l.toLowerCase(), level: m.visibility.languages })),
  ];
}

/**
 * What a directory facet stores: the profile without the email, the statement or the board's notes,
 * nor her completions (appended to her record alone, a card's copy would go stale; the profile shows them).
 */
function cardOf(m: MemberRecord): Partial<MemberRecord> {
  const { email: _e, statement: _s, decisionReason: _r, decidedBy: _b, completions: _c, ...card } = m;
  return card;
}

/**
 * A stored member as the code reads it: a record saved before a visibility field existed gets that
 * field's default (discreet), so adding a field never exposes or breaks an existing member.
 */
function withDefaults<T extends { visibility?: Partial<Visibility> }>(m: T): T {
  return { ...m, visibility: { ...DEFAULT_VISIBILITY, ...m.visibility } };
}

const facetKey = (m: MemberRecord, f: Facet) => keys.facet(f.facet, f.value, m.sortName, m.id);
const keyString = (k: { pk: string; sk: string }) => `${k.pk}|${k.sk}`;

const memberItem = (m: MemberRecord, applicationStatus: 'pending' | 'approved' | 'declined') => ({
  ...keys.member(m.id),
  ...keys.applicationIndex(applicationStatus, m.submittedAt, m.id),
  entity: 'member',
  ...m,
});

const applicationStatusOf = (m: MemberRecord) => (m.status === 'pending' ? 'pending' : m.status === 'declined' ? 'declined' : 'approved');

const isOffer = (f: Facet) => f.facet === 'offerTopic' || f.facet === 'offerLanguage';

/** Whether she is in the candidate index suggestions read: active, and offering at least one place. */
export const offersMentoring = (m: MemberRecord | undefined): m is MemberRecord =>
  m?.status === 'active' && !!m.mentoring?.offering?.active && m.mentoring.offering.capacity > 0;

/** The keys of her offer facets (none unless she offers mentoring): the items that carry her accepted count. */
export const offerFacetKeys = (m: MemberRecord | undefined) =>
  offersMentoring(m)
    ? facetsOf(m)
        .filter(isOffer)
        .map((f) => facetKey(m, f))
    : [];

/**
 * Transaction items that make the directory match `next` (or remove `prev` from it when `next`
 * is undefined or not active). Facets that stay are overwritten in place: a transaction may not
 * touch one item twice. An offer facet stores her mentor card (what ranking needs, not her
 * profile) and `accepted`, her count of accepted mentorships as her STATS#MENTOR item holds it.
 */
export function facetWrites(prev: MemberRecord | undefined, next: MemberRecord | undefined, accepted = 0): TransactWriteItem[] {
  const nextFacets = next && next.status === 'active' ? facetsOf(next).map((f) => ({ f, key: facetKey(next, f) })) : [];
  const keep = new Set(nextFacets.map((x) => keyString(x.key)));
  const deletes =
    prev && prev.status === 'active'
      ? facetsOf(prev)
          .map((f) => facetKey(prev, f))
          .filter((k) => !keep.has(keyString(k)))
          .map((k): TransactWriteItem => ({ Delete: { TableName: TABLE, Key: toAttr(k) } }))
      : [];
  const puts = nextFacets.map(
    ({ f, key }): TransactWriteItem => ({
      Put: {
        TableName: TABLE,
        Item: toAttr({
          ...key,
          entity: 'facet',
          version: next?.version ?? 1,
          memberId: next?.id,
          level: f.level,
          ...(next && isOffer(f) ? { card: mentorCard(next), accepted } : { card: next && cardOf(next) }),
        }),
      },
    }),
  );
  return [...deletes, ...puts];
}

/** Her STATS#MENTOR counter as it stands: how many mentorships she has accepted, and its version. */
async function mentorCounter(id: string): Promise<{ accepted: number; version?: number }> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorStats(id)), ConsistentRead: true });
  const item = res.Item ? fromAttr<{ accepted?: number; version?: number }>(res.Item) : {};
  return { accepted: item.accepted ?? 0, version: item.version };
}

/** Holds only while her STATS#MENTOR counter is at the version read (absent if it was absent). */
function mentorCounterCheck(id: string, version: number | undefined): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.mentorStats(id)),
      ConditionExpression: version === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(version === undefined ? {} : { ExpressionAttributeValues: values({ ':v': version }) }),
    },
  };
}

export async function getMember(id: string): Promise<MemberRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.member(id)), ConsistentRead: true });
  return ownMember.of(res.Item);
}

/** Her member record as the guards read it, with her session (lib/session.ts requireSessionAnd). */
export const ownMember = {
  key: (id: string) => toAttr(keys.member(id)),
  of: (item: Record<string, AttributeValue> | undefined): MemberRecord | undefined =>
    item ? stripKeys(fromAttr<MemberRecord & Record<string, unknown>>(item)) : undefined,
};

function stripKeys<T extends Record<string, unknown>>(item: T): MemberRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, entity: _e, ...rest } = item;
  return withDefaults(rest as unknown as MemberRecord);
}

/** Creates the profile and its pending application; fails with a condition error if one exists. */
export async function createMember(m: MemberRecord, extra: TransactWriteItem[] = []): Promise<void> {
  await db.transactWrite({
    TransactItems: [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr(memberItem(m, 'pending')),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...extra,
    ],
  });
}

const NOT_HELD_BY_ANOTHER = 'attribute_not_exists(pk) OR memberId = :me';

/**
 * Transaction items for a display name with lookalike key `key`: a board member holds it (and
 * lets go of `previousKey`, her name before); anyone else only checks that no other member
 * holds it. Either fails its condition when the name is another board member's.
 */
export function displayNameWrites(key: string, memberId: string, isBoard: boolean, previousKey?: string): TransactWriteItem[] {
  const me = values({ ':me': memberId });
  if (!isBoard) {
    return [
      {
        ConditionCheck: {
          TableName: TABLE,
          Key: toAttr(keys.reservedName(key)),
          ConditionExpression: NOT_HELD_BY_ANOTHER,
          ExpressionAttributeValues: me,
        },
      },
    ];
  }
  return [
    {
      Put: {
        TableName: TABLE,
        Item: toAttr({ ...keys.reservedName(key), entity: 'reservedName', version: 1, memberId }),
        ConditionExpression: NOT_HELD_BY_ANOTHER,
        ExpressionAttributeValues: me,
      },
    },
    ...(previousKey !== undefined && previousKey !== key
      ? [
          {
            Delete: {
              TableName: TABLE,
              Key: toAttr(keys.reservedName(previousKey)),
              ConditionExpression: NOT_HELD_BY_ANOTHER,
              ExpressionAttributeValues: me,
            },
          },
        ]
      : []),
  ];
}

/**
 * Keeps the board roster (whom board notices go to) in step with the Cognito group as she saves
 * her profile: on it while she saves as a board member, off it once she saves as anyone else.
 */
export function boardRosterWrite(memberId: string, isBoard: boolean): TransactWriteItem {
  const key = toAttr(keys.boardRoster(memberId));
  return isBoard
    ? { Put: { TableName: TABLE, Item: toAttr({ ...keys.boardRoster(memberId), entity: 'boardRoster', version: 1, memberId }) } }
    : { Delete: { TableName: TABLE, Key: key } };
}

/** Takes her off the board roster when her account is erased. */
export async function leaveBoardRoster(memberId: string): Promise<void> {
  await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.boardRoster(memberId)) });
}

/** Who holds a display name (a board member), if anyone. */
export async function nameHolder(key: string): Promise<string | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.reservedName(key)), ConsistentRead: true });
  return res.Item ? fromAttr<{ memberId: string }>(res.Item).memberId : undefined;
}

/** Lets go of her name when her account is erased; a name another member holds is left alone. */
export async function releaseName(key: string, memberId: string): Promise<void> {
  await db
    .deleteItem({
      TableName: TABLE,
      Key: toAttr(keys.reservedName(key)),
      ConditionExpression: 'memberId = :me',
      ExpressionAttributeValues: values({ ':me': memberId }),
    })
    .catch((e: unknown) => {
      if (!isConditionFailure(e)) throw e;
    });
}

/**
 * Replaces a member's record if its stored version is `expectedVersion`, keeping the directory
 * facets in step, all in one transaction. `extra` items join the same transaction.
 */
export async function replaceMember(
  prev: MemberRecord,
  next: MemberRecord,
  expectedVersion: number,
  extra: TransactWriteItem[] = [],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    // Her offer facets carry her accepted count: read it, and hold it still for the transaction
    // (an accept or an end moves it, and those transactions check this record's version in turn).
    const counter = offersMentoring(next) ? await mentorCounter(next.id) : undefined;
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr(memberItem(next, applicationStatusOf(next))),
          ConditionExpression: 'attribute_exists(pk) AND version = :v AND #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: values({ ':v': expectedVersion, ':s': prev.status }),
        },
      },
      ...facetWrites(prev, next, counter?.accepted),
      ...networkCount(prev, next),
      ...extra,
    ];
    // Last, so the callers' reading of which condition failed (the record first, then `extra`) holds.
    if (counter) items.push(mentorCounterCheck(next.id, counter.version));
    try {
      await db.transactWrite({ TransactItems: items });
      // Her name, status and what she shows decide whether and how search finds her.
      searchChanged({ kind: 'member', id: next.id });
      return;
    } catch (e) {
      const failed = failedConditions(e);
      // Only the counter moved (a mentorship was accepted or ended meanwhile): read it again.
      if (counter && failed?.length === 1 && failed[0] === items.length - 1 && attempt < 5) continue;
      throw e;
    }
  }
}

/** Keeps the network's active-member counts in step when a member becomes, or stops being, active. */
export function networkCount(prev: MemberRecord | undefined, next: MemberRecord | undefined): TransactWriteItem[] {
  const delta = (next?.status === 'active' ? 1 : 0) - (prev?.status === 'active' ? 1 : 0);
  if (delta === 0) return [];
  const practitioner = (next ?? prev)?.kind === 'practitioner' ? delta : 0;
  return [
    {
      Update: {
        TableName: TABLE,
        Key: toAttr(keys.networkStats()),
        UpdateExpression: 'ADD active :d, practitioners :p, version :one SET entity = :e',
        ExpressionAttributeValues: values({ ':d': delta, ':p': practitioner, ':one': 1, ':e': 'stats' }),
      },
    },
  ];
}

export async function networkStats(): Promise<{ active: number; practitioners: number }> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.networkStats()) });
  const s = res.Item ? fromAttr<{ active?: number; practitioners?: number }>(res.Item) : {};
  return { active: s.active ?? 0, practitioners: s.practitioners ?? 0 };
}

/**
 * Members by id in one round trip per 100 (cohorts, the moderation queue, suggestions).
 * `consistent: false` halves the cost where a moment-old profile is harmless (showing one).
 */
export async function getMembers(ids: string[], consistent = true): Promise<Map<string, MemberRecord>> {
  const out = new Map<string, MemberRecord>();
  for (const raw of await getMany(
    [...new Set(ids)].map((id) => toAttr(keys.member(id))),
    { consistent },
  )) {
    const m = withDefaults(recordOf<MemberRecord>(raw));
    out.set(m.id, m);
  }
  return out;
}

/**
 * What a profile view (members/service.ts viewOf) and a mentor card read of a member, and her
 * sanction: her record without her email, her application, the board's decision and bookkeeping,
 * which a view of her for someone else never shows (a quarter of the item).
 */
export const PROFILE_VIEW_FIELDS = [
  'id',
  'displayName',
  'kind',
  'status',
  'version',
  'visibility',
  // Every field whose audience she chooses, so that one added there is read here too. Her
  // programme's audience governs `completions`, which is read under its own name.
  ...VISIBILITY_FIELDS.filter((f): f is Exclude<VisibilityField, 'programme'> => f !== 'programme'),
  'completions',
  'sanction',
] as const satisfies readonly (keyof MemberRecord | 'sanction')[];

export type MemberView = Pick<MemberRecord, Exclude<(typeof PROFILE_VIEW_FIELDS)[number], 'sanction'>> & {
  sanction?: { type: string; until: string };
};

/** Members by id as profile views read them (PROFILE_VIEW_FIELDS only), eventually consistent unless asked. */
export async function getMemberViews(ids: string[], consistent = true): Promise<Map<string, MemberView>> {
  const names = Object.fromEntries(PROFILE_VIEW_FIELDS.map((f, i) => [`#f${i}`, f]));
  const out = new Map<string, MemberView>();
  for (const raw of await getMany(
    [...new Set(ids)].map((id) => toAttr(keys.member(id))),
    { consistent, projection: Object.keys(names).join(', '), names },
  )) {
    const m = withDefaults(fromAttr<MemberView>(raw));
    out.set(m.id, m);
  }
  return out;
}

/** Blocks either way between two members, in one read. */
export async function blockedEitherWay(a: string, b: string): Promise<boolean> {
  const res = await db.batchGetItem({
    RequestItems: {
      [TABLE]: { Keys: [toAttr(keys.blockOut(a, b)), toAttr(keys.blockIn(a, b))], ProjectionExpression: 'pk', ConsistentRead: true },
    },
  });
  return (res.Responses?.[TABLE]?.length ?? 0) > 0;
}

/**
 * Member `id` and whether she and `viewer` block each other either way, in one strongly
 * consistent BatchGetItem (her record and both block items in the viewer's partition).
 */
export async function memberWithBlocks(viewer: string, id: string): Promise<{ member: MemberRecord | undefined; blocked: boolean }> {
  const wanted = memberWithBlocksKeys(viewer, id);
  return memberWithBlocksOf(await getMany([...wanted], { consistent: true }), wanted);
}

/** The keys memberWithBlocks reads: the member, and a block either way between her and the viewer. */
export function memberWithBlocksKeys(viewer: string, id: string): Record<string, AttributeValue>[] {
  return [toAttr(keys.member(id)), toAttr(keys.blockOut(viewer, id)), toAttr(keys.blockIn(viewer, id))];
}

/** memberWithBlocks from items already read (by the keys above, in any order, missing ones absent). */
export function memberWithBlocksOf(
  items: readonly (Record<string, AttributeValue> | undefined)[],
  [memberKey]: readonly Record<string, AttributeValue>[],
): { member: MemberRecord | undefined; blocked: boolean } {
  const present = items.filter((i): i is Record<string, AttributeValue> => i !== undefined);
  const isMember = (i: Record<string, AttributeValue>) => i.pk?.S === memberKey?.pk?.S && i.sk?.S === memberKey?.sk?.S;
  return { member: ownMember.of(present.find(isMember)), blocked: present.some((i) => !isMember(i)) };
}

/** Every member a viewer must not see: the ones she blocked and the ones who blocked her. */
export async function listBlockRelations(memberId: string): Promise<{ out: string[]; all: Set<string> }> {
  const out: string[] = [];
  const all = new Set<string>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk, ':prefix': keys.blockPrefix }),
      ProjectionExpression: 'sk',
      ExclusiveStartKey: start,
    });
    for (const item of res.Items ?? []) {
      const sk = fromAttr<{ sk: string }>(item).sk;
      const other = sk.split('#')[2] ?? '';
      all.add(other);
      if (sk.startsWith(keys.blockOutPrefix)) out.push(other);
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return { out, all };
}

/**
 * Writes both sides of a block. The blocker's side keeps the blocked member's name as it was, so
 * her settings can list whom she blocked; the mirror holds ids only.
 */
export async function putBlock(blocker: string, blocked: string, blockedName: string, at: string): Promise<void> {
  await db.transactWrite({
    TransactItems: [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.blockOut(blocker, blocked), entity: 'block', version: 1, blocker, blocked, blockedName, at }),
        },
      },
      { Put: { TableName: TABLE, Item: toAttr({ ...keys.blockIn(blocked, blocker), entity: 'block', version: 1, blocker, blocked, at }) } },
    ],
  });
}

export async function deleteBlock(blocker: string, blocked: string): Promise<void> {
  await db.transactWrite({
    TransactItems: [
      { Delete: { TableName: TABLE, Key: toAttr(keys.blockOut(blocker, blocked)) } },
      { Delete: { TableName: TABLE, Key: toAttr(keys.blockIn(blocked, blocker)) } },
    ],
  });
}

export type BlockRecord = { blocked: string; blockedName: string; at: string };

/** The blocks a member made, by blocked member id, paged. */
export async function listBlocksMade(
  memberId: string,
  opts: { limit: number; cursor?: string; scope: string },
): Promise<Page<BlockRecord>> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk, ':prefix': keys.blockOutPrefix }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return {
    items: (res.Items ?? []).map((i) => {
      const b = fromAttr<BlockRecord>(i);
      return { blocked: b.blocked, blockedName: b.blockedName ?? '', at: b.at };
    }),
    nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope),
  };
}

/** A sanction as its member sees it: never which board member decided it. */
export type OwnSanction = { id: string; type: 'warn' | 'read_only' | 'suspend'; reason: string; until?: string; at: string };

/** The sanctions about a member, newest first (ids are ULIDs), paged. */
export async function listSanctions(memberId: string, opts: { limit: number; cursor?: string; scope: string }): Promise<Page<OwnSanction>> {
  return newestFirst(keys.member(memberId).pk, keys.sanctionPrefix, opts, (i) => {
    const s = fromAttr<OwnSanction>(i);
    return { id: s.id, type: s.type, reason: s.reason, ...(s.until ? { until: s.until } : {}), at: s.at };
  });
}

export async function isPartner(owner: string, other: string): Promise<boolean> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: values({ ':pk': keys.member(owner).pk, ':p': keys.partnerPrefix(other) }),
    ProjectionExpression: 'pk',
    Limit: 1,
  });
  return (res.Items?.length ?? 0) > 0;
}

export type DirectoryFilter = { expertise?: string; country?: string; language?: string; kind?: string };

/**
 * One page of the directory: a Query on the facet partition of the most selective filter; other
 * filters narrow it on the stored card. Members see a facet only when its field is visible to
 * members; the board sees every facet.
 */
export async function listDirectory(
  filter: DirectoryFilter,
  opts: { limit: number; cursor?: string; boardView: boolean; scope: string },
): Promise<Page<MemberView>> {
  const language = filter.language?.toLowerCase();
  const [facet, value]: [Facet['facet'], string] = filter.expertise
    ? ['expertise', filter.expertise]
    : language
      ? ['language', language]
      : filter.country
        ? ['country', filter.country]
        : filter.kind
          ? ['kind', filter.kind]
          : ['all', ''];
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const vals: Record<string, unknown> = { ':pk': keys.facetPartition(facet, value) };
  if (!opts.boardView && facet !== 'all' && facet !== 'kind') {
    conditions.push('#level = :members');
    names['#level'] = 'level';
    vals[':members'] = 'members';
  }
  const narrow = (field: 'expertise' | 'languages' | 'country' | 'kind', v: string, contains: boolean) => {
    names['#card'] = 'card';
    names[`#${field}`] = field;
    vals[`:${field}`] = v;
    conditions.push(contains ? `contains(#card.#${field}, :${field})` : `#card.#${field} = :${field}`);
    if (!opts.boardView && field !== 'kind') {
      names['#visibility'] = 'visibility';
      const visField = field === 'languages' ? 'languages' : field;
      names[`#v_${visField}`] = visField;
      vals[':members'] = 'members';
      conditions.push(`#card.#visibility.#v_${visField} = :members`);
    }
  };
  if (filter.expertise && facet !== 'expertise') narrow('expertise', filter.expertise, true);
  if (language && facet !== 'language') narrow('languages', language, true);
  if (filter.country && facet !== 'country') narrow('country', filter.country, false);
  if (filter.kind && facet !== 'kind') narrow('kind', filter.kind, false);

  // Only what a profile view shows of the card (its bookkeeping and the facet's own attributes stay behind).
  names['#card'] = 'card';
  // A card carries no completions or sanction.
  const shown = PROFILE_VIEW_FIELDS.filter((f) => f !== 'completions' && f !== 'sanction').map((f, i) => {
    names[`#p${i}`] = f;
    return `#card.#p${i}`;
  });
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
    ProjectionExpression: shown.join(', '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values(vals),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  const items = (res.Items ?? []).map((i) => withDefaults(fromAttr<{ card: MemberView }>(i).card));
  return { items, nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** Applications by status, oldest first, through GSI1. */
export async function listApplications(
  status: 'pending' | 'approved' | 'declined',
  opts: { limit: number; cursor?: string; scope: string },
): Promise<Page<MemberRecord>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.applicationPartition(status) }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return {
    items: (res.Items ?? []).map((i) => stripKeys(fromAttr<MemberRecord & Record<string, unknown>>(i))),
    nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope),
  };
}

/** Every item in a member's own partition (profile, blocks, partner links …), for export and erasure. */
export async function listOwnItems(memberId: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk }),
  });
  return items.map((i) => fromAttr(i));
}

/** Deletes the given keys, up to 100 per transaction so each batch is all-or-nothing. */
export async function deleteKeys(keyList: { pk: string; sk: string }[]): Promise<void> {
  for (let i = 0; i < keyList.length; i += 100) {
    const batch = keyList.slice(i, i + 100);
    await db.transactWrite({
      TransactItems: batch.map((k) => ({ Delete: { TableName: TABLE, Key: toAttr(k) } })),
    });
  }
}

export const memberKeys = { facetKeys: (m: MemberRecord) => facetsOf(m).map((f) => facetKey(m, f)) };

/** Her preferences as stored (`version` ≥ 1), or undefined before her first save. */
export type PreferencesRecord = { locale: string; email: Record<string, unknown>; version: number; updatedAt: string };

export async function getPreferences(memberId: string): Promise<PreferencesRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.preferences(memberId)), ConsistentRead: true });
  return res.Item ? recordOf<PreferencesRecord>(res.Item) : undefined;
}

/**
 * Writes her preferences over the version she read (0: none saved yet). False when another write
 * came first: nothing was written.
 */
export async function putPreferences(memberId: string, next: PreferencesRecord, readVersion: number): Promise<boolean> {
  return madeIf(
    db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.preferences(memberId),
        ...(next.email.enabled === true ? keys.emailOnIndex(memberId) : {}),
        entity: 'preferences',
        memberId,
        ...next,
      }),
      ConditionExpression: readVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(readVersion === 0 ? {} : { ExpressionAttributeValues: values({ ':v': readVersion }) }),
    }),
  );
}
