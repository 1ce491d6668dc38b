import { randomUUID } from 'node:crypto';
import { DynamoDBClient, UpdateItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { decide } from '../../functions/board/service';
import { clock } from '../../functions/lib/clock';
import { config } from '../../functions/lib/config';
import { TABLE, dynamo, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import type { Session } from '../../functions/lib/session';
import * as members from '../../functions/members/repository';
import { block, putProfile } from '../../functions/members/service';
import { OFFER_POOLS, forgetOfferPools } from '../../functions/mentorship/offer-pools';
import * as mentorships from '../../functions/mentorship/service';
import type { ProfileInput } from '../../shared/schemas';
import { board } from '../helpers';

/*
 * Suggestions rank from offer pools this instance keeps for a moment (mentorship/offer-pools.ts).
 * What a mentee must never get from a kept pool: a field a mentor has just hidden, an offer she has
 * just withdrawn, or a member either of them has just blocked, whichever instance wrote it. A write
 * by "another instance" is made here with a DynamoDB client of its own, which this process's pools
 * do not hear of. The language is one no other test file uses, so its partition is this file's.
 */
const TOPIC = 'migrant_smuggling';
const LANG = 'mi';
const ZONE = 'Pacific/Auckland';

const sessionOf = (id: string): Session => ({ userId: id, email: `${id}@example.org`, groups: [], isBoard: false });
let boardSession: Session;

const NO_SEEKING = {
  active: false,
  topics: [],
  goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
  sameCountryOnly: false,
  outsideOrganizationOnly: false,
};

const mentorInput = (): ProfileInput => ({
  displayName: `Aa Pool mentor ${randomUUID().slice(0, 8)}`,
  kind: 'champion',
  country: 'NZ',
  organization: 'Pool Police',
  statement: 'I mentor on smuggling cases.',
  expertise: [TOPIC],
  languages: [LANG, 'en'],
  timezone: ZONE,
  mentoring: { offering: { active: true, capacity: 3, topics: [TOPIC], languages: [LANG] }, seeking: NO_SEEKING },
  visibility: { country: 'members', timezone: 'members', languages: 'members', organization: 'board' },
});

const menteeInput = (): ProfileInput => ({
  displayName: `Pool mentee ${randomUUID().slice(0, 8)}`,
  kind: 'practitioner',
  country: 'NZ',
  organization: 'Pool Border Agency',
  statement: 'I am new to smuggling cases.',
  expertise: [],
  languages: [LANG],
  timezone: ZONE,
  mentoring: {
    offering: { active: false, capacity: 0, topics: [], languages: [] },
    seeking: { ...NO_SEEKING, active: true, topics: [TOPIC] },
  },
});

async function activeMember(input: ProfileInput): Promise<string> {
  const id = randomUUID();
  await putProfile(sessionOf(id), input);
  await decide(boardSession, id, 'approve', 'Vetted (test).');
  return id;
}

/** A client of its own: its writes are another Lambda instance's, unheard of by this one's pools. */
const elsewhere = new DynamoDBClient({
  region: config.AWS_REGION,
  endpoint: config.DYNAMODB_ENDPOINT,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** Suggestions for `menteeId`, with how many Queries of offer partitions they made. */
async function suggest(menteeId: string) {
  const { client } = await dynamo();
  const original = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  let poolReads = 0;
  vi.spyOn(client, 'send').mockImplementation((async (command: {
    constructor: { name: string };
    input: { ExpressionAttributeValues?: Record<string, { S?: string }> };
  }) => {
    if (command.constructor.name === 'QueryCommand' && command.input.ExpressionAttributeValues?.[':pk']?.S?.startsWith('OFFER#'))
      poolReads++;
    return original(command);
  }) as never);
  try {
    const items = await mentorships.suggestions(sessionOf(menteeId), 50);
    return { items, poolReads };
  } finally {
    vi.restoreAllMocks();
  }
}

const reasonsFor = (items: Awaited<ReturnType<typeof mentorships.suggestions>>, mentorId: string) =>
  items.find((s) => s.mentor.id === mentorId)?.reasons.map((r) => r.code);

// The pools' time moves only when a test moves it: a slow machine must not expire them mid-test.
const realNow = clock.now;
let now = 0;
beforeEach(() => {
  now = Date.now();
  clock.now = () => now;
});
afterEach(() => {
  clock.now = realNow;
  vi.restoreAllMocks();
});

beforeAll(async () => {
  const b = await board();
  boardSession = { userId: b.userId, email: b.email, groups: ['board'], isBoard: true };
});

describe('suggestions from offer pools kept by this instance', () => {
  it('rank from kept pools within their time, and show a write of this instance on the next call', async () => {
    const mentee = await activeMember(menteeInput());
    const mentor = await activeMember(mentorInput());
    const first = await suggest(mentee);
    expect(reasonsFor(first.items, mentor)).toEqual(expect.arrayContaining(['topics', 'language', 'timezone', 'country']));
    const again = await suggest(mentee);
    expect(again.poolReads).toBe(0);
    expect(again.items).toEqual(first.items);
    // Kept no longer than their time.
    now += OFFER_POOLS.ttlMs;
    expect((await suggest(mentee)).poolReads).toBeGreaterThan(0);

    // Her own edit, served by this instance: the pools are dropped at once.
    const record = await members.getMember(mentor);
    const { statement: _statement, ...later } = mentorInput();
    await putProfile(sessionOf(mentor), {
      ...later,
      displayName: record?.displayName ?? '',
      visibility: { country: 'board', timezone: 'members', languages: 'members', organization: 'board' },
      version: record?.version,
    });
    const edited = await suggest(mentee);
    expect(edited.poolReads).toBeGreaterThan(0);
    expect(reasonsFor(edited.items, mentor)).not.toContain('country');
  });

  it('never show through a kept pool a field a mentor hid, or an offer she withdrew, on another instance', async () => {
    const mentee = await activeMember(menteeInput());
    const mentor = await activeMember(mentorInput());
    expect(reasonsFor((await suggest(mentee)).items, mentor)).toEqual(expect.arrayContaining(['timezone', 'country']));
    const record = await members.getMember(mentor);
    if (!record) throw new Error('no mentor');

    // Another instance saves her profile with her time zone and country shown to the board only:
    // her record and her offer cards, as the profile save writes them.
    await elsewhere.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: toAttr(keys.member(mentor)),
        UpdateExpression: 'SET #v.#t = :b, #v.#c = :b, version = version + :one',
        ExpressionAttributeNames: { '#v': 'visibility', '#t': 'timezone', '#c': 'country' },
        ExpressionAttributeValues: values({ ':b': 'board', ':one': 1 }),
      }),
    );
    for (const key of members.offerFacetKeys(record))
      await elsewhere.send(
        new UpdateItemCommand({
          TableName: TABLE,
          Key: toAttr(key),
          UpdateExpression: 'REMOVE card.visible.#t, card.visible.#c',
          ExpressionAttributeNames: { '#t': 'timezone', '#c': 'country' },
        }),
      );
    const hidden = await suggest(mentee);
    expect(reasonsFor(hidden.items, mentor)).toBeDefined();
    expect(reasonsFor(hidden.items, mentor)).not.toContain('timezone');
    expect(reasonsFor(hidden.items, mentor)).not.toContain('country');
    forgetOfferPools();
    expect(hidden.items).toEqual((await suggest(mentee)).items);

    // Another instance withdraws her offer: her record, and her cards gone from the pools.
    await suggest(mentee);
    await elsewhere.send(
      new UpdateItemCommand({
        TableName: TABLE,
        Key: toAttr(keys.member(mentor)),
        UpdateExpression: 'SET mentoring.offering.active = :f, version = version + :one',
        ExpressionAttributeValues: values({ ':f': false, ':one': 1 }),
      }),
    );
    for (const key of members.offerFacetKeys(record)) await elsewhere.send(new DeleteItemCommand({ TableName: TABLE, Key: toAttr(key) }));
    expect(reasonsFor((await suggest(mentee)).items, mentor)).toBeUndefined();
  });

  it('leave out a mentor blocked either way on the very next call, from a kept pool', async () => {
    const mentee = await activeMember(menteeInput());
    const blockedByMentee = await activeMember(mentorInput());
    const blockingMentee = await activeMember(mentorInput());
    const before = await suggest(mentee);
    expect(reasonsFor(before.items, blockedByMentee)).toBeDefined();
    expect(reasonsFor(before.items, blockingMentee)).toBeDefined();

    await block(sessionOf(mentee), blockedByMentee);
    await block(sessionOf(blockingMentee), mentee);
    const after = await suggest(mentee);
    expect(after.poolReads).toBe(0);
    expect(reasonsFor(after.items, blockedByMentee)).toBeUndefined();
    expect(reasonsFor(after.items, blockingMentee)).toBeUndefined();
  });
});
