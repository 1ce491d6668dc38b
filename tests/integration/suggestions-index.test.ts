import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eraseAccount } from '../../functions/account/erase';
import { decide } from '../../functions/board/service';
import { TABLE, db, fromAttr, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import type { Session } from '../../functions/lib/session';
import * as members from '../../functions/members/repository';
import type { MemberRecord } from '../../functions/members/repository';
import { block, putProfile, viewOf } from '../../functions/members/service';
import * as mentorshipRepo from '../../functions/mentorship/repository';
import * as mentorships from '../../functions/mentorship/service';
import { byRank, ineligibility, mentorCard, scoreMatch } from '../../shared/matching';
import { languages as languageList } from '../../shared/meta';
import type { ProfileInput } from '../../shared/schemas';
import { backfillMentorCards } from '../../scripts/backfill-mentor-cards';
import { board } from '../helpers';

/*
 * Suggestions rank from the offer index (small mentor cards with each mentor's accepted count).
 * Every test compares them with the ranking as it was computed before the index held cards:
 * the same bounded candidates (the first 40 by name of each partition), then each candidate's
 * profile and STATS#MENTOR counter read consistently (`reference` below, kept as it was). The
 * topics and language here are used by no other test file, so parallel files cannot move them.
 */
const TOPIC = 'financial_investigation';
const SECOND = 'digital_evidence';
const LANG = 'mt';

const languageName = (() => {
  const names = new Map(languageList().map((l) => [l.code, l.label]));
  return (code: string) => names.get(code) ?? code;
})();

const sessionOf = (id: string): Session => ({ userId: id, email: `${id}@example.org`, groups: [], isBoard: false });
let boardSession: Session;

const NO_SEEKING = {
  active: false,
  topics: [],
  goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
  sameCountryOnly: false,
  outsideOrganizationOnly: false,
};

function mentorInput(i: number, extra: Partial<ProfileInput> = {}): ProfileInput {
  const zones = ['Europe/Malta', 'Asia/Karachi', 'America/Bogota', 'Africa/Nairobi'];
  return {
    displayName: `Mentor ${randomUUID().slice(0, 8)}`,
    kind: i % 3 === 0 ? 'champion' : 'practitioner',
    country: i % 2 ? 'MT' : 'PK',
    organization: i % 4 === 0 ? 'Malta Police Force' : 'Office of the Attorney General',
    jobTitle: 'Inspector',
    bio: 'Investigates the money behind trafficking.',
    statement: 'I follow the money in trafficking cases.',
    expertise: [TOPIC],
    languages: i % 5 === 0 ? ['en'] : [LANG, 'en'],
    timezone: zones[i % zones.length],
    mentoring: {
      offering: {
        active: true,
        capacity: 1 + (i % 4),
        topics: i % 3 === 0 ? [TOPIC, SECOND] : i % 3 === 1 ? [TOPIC] : [SECOND],
        languages: i % 2 ? [] : i % 5 === 0 ? ['en'] : [LANG],
      },
      seeking: NO_SEEKING,
    },
    visibility: {
      country: i % 2 ? 'members' : 'board',
      timezone: i % 3 === 2 ? 'board' : 'members',
      languages: i % 7 === 0 ? 'partners' : 'members',
      organization: i % 4 === 0 ? 'members' : 'board',
    },
    ...extra,
  };
}

function menteeInput(extra: Partial<ProfileInput> = {}): ProfileInput {
  return {
    displayName: `Mentee ${randomUUID().slice(0, 8)}`,
    kind: 'practitioner',
    country: 'MT',
    organization: 'Malta Police Force',
    statement: 'I am new to financial investigations.',
    expertise: [],
    languages: [LANG],
    timezone: 'Europe/Malta',
    mentoring: {
      offering: { active: false, capacity: 0, topics: [], languages: [] },
      seeking: {
        active: true,
        topics: [TOPIC, SECOND],
        goals: { shortTerm: 'Trace a financial investigation', mediumTerm: 'Lead digital evidence work', longTerm: '' },
        sameCountryOnly: false,
        outsideOrganizationOnly: true,
      },
    },
    ...extra,
  };
}

/** An active member made through the services: her profile, then the board's approval. */
async function activeMember(input: ProfileInput): Promise<string> {
  const id = randomUUID();
  await putProfile(sessionOf(id), input);
  await decide(boardSession, id, 'approve', 'Vetted (test).');
  return id;
}

async function memberOf(id: string): Promise<MemberRecord> {
  const m = await members.getMember(id);
  if (!m) throw new Error(`no member ${id}`);
  return m;
}

/** Her profile saved again with changes, as the profile form sends it (at her stored version). */
async function edit(id: string, change: (m: MemberRecord) => Partial<ProfileInput>) {
  const m = await memberOf(id);
  const input: ProfileInput = {
    displayName: m.displayName,
    kind: m.kind,
    country: m.country,
    organization: m.organization,
    jobTitle: m.jobTitle,
    bio: m.bio,
    // Stored as checked on the way in: codes from the expertise list.
    expertise: m.expertise as ProfileInput['expertise'],
    languages: m.languages,
    timezone: m.timezone,
    goals: m.goals,
    mentoring: m.mentoring,
    visibility: m.visibility,
  };
  return putProfile(sessionOf(id), { ...input, ...change(m), version: m.version });
}

/** A mentee who has asked nobody yet. */
const fresh = () => {
  const id = spare.pop();
  if (!id) throw new Error('no spare mentee left: make more in beforeAll');
  return id;
};

const ask = (menteeId: string, mentorId: string) =>
  mentorships.request(sessionOf(menteeId), {
    mentorId,
    message: 'Would you mentor me?',
    goals: { shortTerm: 'Trace the money', mediumTerm: '', longTerm: '' },
  });

/** The ranking as it was computed before the offer index carried cards: kept here as the reference. */
async function reference(menteeId: string, limit: number) {
  const me = await memberOf(menteeId);
  const mentee = mentorships.menteeSide(me);
  const partitions = [
    ...mentee.seeking.topics.map((t) => keys.facetPartition('offerTopic', t)),
    ...mentee.languages.map((l) => keys.facetPartition('offerLanguage', l.toLowerCase())),
  ];
  const ids = new Set<string>();
  for (const pk of partitions) {
    const res = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values({ ':pk': pk }),
      Limit: mentorships.RULES.candidatesPerPartition,
    });
    for (const raw of res.Items ?? []) {
      const id = fromAttr<{ memberId: string }>(raw).memberId;
      if (id !== me.id) ids.add(id);
    }
  }
  const profiles = await members.getMembers([...ids]);
  const stats = await mentorshipRepo.getStats({ mentor: [...ids] });
  const blocks = await members.listBlockRelations(me.id);
  const open = await mentorshipRepo.openOfMentee(me.id);
  const withOpen = new Set(open.filter((m) => mentorships.effectiveState(m) !== 'expired').map((m) => m.mentorId));
  const at = new Date();
  const ranked = [];
  for (const card of profiles.values()) {
    if (blocks.all.has(card.id) || withOpen.has(card.id)) continue;
    const mentor = mentorships.mentorSide(card, stats.mentor.get(card.id)?.accepted ?? 0, me.id);
    if (ineligibility(mentee, mentor)) continue;
    const { score, reasons } = scoreMatch(mentee, mentor, { at, languageName });
    ranked.push({ mentorId: card.id, mentor: viewOf(card, { id: me.id, isBoard: false }), score, reasons });
  }
  return ranked
    .sort(byRank)
    .slice(0, limit)
    .map(({ mentorId: _m, ...s }) => s);
}

/** Suggestions equal the reference's, at a page of 10 and at 50. */
async function expectSameRanking(menteeId: string) {
  for (const limit of [10, 50]) {
    const now = await mentorships.suggestions(sessionOf(menteeId), limit);
    expect(now).toEqual(await reference(menteeId, limit));
  }
}

/**
 * The offer index is exactly what the members' records and counters say: for each of them, one
 * item per offer facet her record lists (none unless she offers), holding her card and her count.
 */
async function expectIndexInStep(ids: string[]) {
  for (const id of ids) {
    const m = await members.getMember(id);
    const accepted = (await mentorshipRepo.getStats({ mentor: [id] })).mentor.get(id)?.accepted ?? 0;
    const wanted = members.offerFacetKeys(m);
    const stored = [];
    for (const pk of [
      ...[TOPIC, SECOND].map((t) => keys.facetPartition('offerTopic', t)),
      ...[LANG, 'en'].map((l) => keys.facetPartition('offerLanguage', l)),
    ]) {
      const res = await db.query({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'memberId = :id',
        ExpressionAttributeValues: values({ ':pk': pk, ':id': id }),
      });
      stored.push(...(res.Items ?? []).map((i) => fromAttr<{ pk: string; sk: string; card: unknown; accepted: number }>(i)));
    }
    expect(stored.map((s) => `${s.pk}|${s.sk}`).sort()).toEqual(wanted.map((k) => `${k.pk}|${k.sk}`).sort());
    for (const s of stored) {
      expect(s.accepted).toBe(accepted);
      if (m) expect(s.card).toEqual(fromAttr(toAttr(mentorCard(m))));
    }
  }
}

let mentors: string[] = [];
let mentees: string[] = [];
let mentee = '';
let spare: string[] = [];

beforeAll(async () => {
  const b = await board();
  boardSession = { userId: b.userId, email: b.email, groups: ['board'], isBoard: true };
  // More mentors per partition than one page of candidates (40), so the bound is in play.
  mentors = [];
  for (let i = 0; i < 70; i++) mentors.push(await activeMember(mentorInput(i)));
  mentees = [];
  for (let i = 0; i < 8; i++) mentees.push(await activeMember(menteeInput()));
  mentee = await activeMember(menteeInput());
  spare = [];
  for (let i = 0; i < 8; i++) spare.push(await activeMember(menteeInput()));
  // Some mentors hold accepted mentorships (some are full), each with another mentee.
  for (let k = 0; k < 12; k++) {
    const mentorId = mentors[k * 3] ?? '';
    const menteeId = mentees[k % mentees.length] ?? '';
    const m = await ask(menteeId, mentorId);
    if (k % 4 !== 3) await mentorships.accept(sessionOf(mentorId), m.id);
  }
}, 300_000);

describe('suggestions from the offer index', () => {
  it('rank exactly as the profile-and-counter reading did, blocks and open requests left out', async () => {
    await expectSameRanking(mentee);
    const top = await mentorships.suggestions(sessionOf(mentee), 3);
    const [asked, blocked] = top.map((s) => s.mentor.id);
    await ask(mentee, asked ?? '');
    await block(sessionOf(mentee), blocked ?? '');
    // And a mentor who blocked her.
    const third = (await mentorships.suggestions(sessionOf(mentee), 1))[0]?.mentor.id ?? '';
    await block(sessionOf(third), mentee);
    const ids = (await mentorships.suggestions(sessionOf(mentee), 50)).map((s) => s.mentor.id);
    expect(ids).not.toContain(asked);
    expect(ids).not.toContain(blocked);
    expect(ids).not.toContain(third);
    await expectSameRanking(mentee);
    await expectIndexInStep(mentors);
  });

  it('keep the index in step with accepts, ends, completions and suspensions of mentorships', async () => {
    // Four places (capacity 1 + 43 % 4), none taken.
    const mentorId = mentors[43] ?? '';
    const [a, b, c] = [fresh(), fresh(), fresh()];
    const first = await ask(a, mentorId);
    await mentorships.accept(sessionOf(mentorId), first.id);
    await expectIndexInStep([mentorId]);
    const second = await ask(b, mentorId);
    await mentorships.accept(sessionOf(mentorId), second.id);
    await expectSameRanking(mentee);
    await mentorships.close(sessionOf(mentorId), first.id, 'completed');
    await expectIndexInStep([mentorId]);
    await mentorships.close(sessionOf(b), second.id, 'ended');
    const third = await ask(c, mentorId);
    await mentorships.accept(sessionOf(mentorId), third.id);
    await expectIndexInStep([mentorId]);
    await mentorships.suspend(boardSession, third.id, 'Reported conduct (test).');
    await expectIndexInStep([mentorId]);
    expect((await mentorshipRepo.getStats({ mentor: [mentorId] })).mentor.get(mentorId)?.accepted).toBe(0);
    await expectSameRanking(mentee);
  });

  it('keep the index in step with profile edits: name, time zone, visibility, capacity, topics, offering off and on', async () => {
    // mentors[3] holds one accepted mentorship of her 4 places (beforeAll).
    const [renamed, moved, shy, fuller, retopic, paused] = [1, 2, 4, 3, 5, 7].map((i) => mentors[i] ?? '');
    await edit(renamed ?? '', () => ({ displayName: `Aaron ${randomUUID().slice(0, 6)}` }));
    await edit(moved ?? '', () => ({ timezone: 'Pacific/Auckland' }));
    await edit(shy ?? '', (m) => ({ visibility: { ...m.visibility, country: 'board', timezone: 'board' } }));
    // A capacity down to what she holds makes her full.
    await edit(fuller ?? '', (m) => ({
      mentoring: { offering: { ...m.mentoring!.offering, capacity: 1 }, seeking: m.mentoring!.seeking },
    }));
    await edit(retopic ?? '', (m) => ({
      mentoring: { offering: { ...m.mentoring!.offering, topics: [SECOND], languages: [LANG] }, seeking: m.mentoring!.seeking },
    }));
    await edit(paused ?? '', (m) => ({
      mentoring: { offering: { ...m.mentoring!.offering, active: false }, seeking: m.mentoring!.seeking },
    }));
    await expectIndexInStep(mentors.slice(0, 40));
    await expectSameRanking(mentee);
    const ids = (await mentorships.suggestions(sessionOf(mentee), 50)).map((s) => s.mentor.id);
    expect(ids).not.toContain(paused);
    await edit(paused ?? '', (m) => ({
      mentoring: { offering: { ...m.mentoring!.offering, active: true }, seeking: m.mentoring!.seeking },
    }));
    await expectIndexInStep([paused ?? '']);
    await expectSameRanking(mentee);
  });

  it('count a mentor right when she edits her profile while a request to her is accepted', async () => {
    const mentorId = mentors[47] ?? '';
    for (const [k, menteeId] of [fresh(), fresh()].entries()) {
      const m = await ask(menteeId, mentorId);
      await Promise.all([mentorships.accept(sessionOf(mentorId), m.id), edit(mentorId, () => ({ bio: `Edited while accepting (${k}).` }))]);
      await expectIndexInStep([mentorId]);
    }
    await expectSameRanking(mentee);
  });

  it('drop an erased mentor from the index, and free the place a mentee held when she is erased', async () => {
    const mentorId = mentors[6] ?? '';
    const held = fresh();
    const other = mentors[9] ?? '';
    const m = await ask(held, other);
    await mentorships.accept(sessionOf(other), m.id);
    const before = (await mentorshipRepo.getStats({ mentor: [other] })).mentor.get(other)?.accepted ?? 0;
    await eraseAccount(mentorId);
    await eraseAccount(held);
    await expectIndexInStep([mentorId, other]);
    expect((await mentorshipRepo.getStats({ mentor: [other] })).mentor.get(other)?.accepted).toBe(before - 1);
    expect((await mentorships.suggestions(sessionOf(mentee), 50)).map((s) => s.mentor.id)).not.toContain(mentorId);
    await expectSameRanking(mentee);
  });

  it('still rank items written before cards existed the same, and the backfill rewrites them', async () => {
    // Her offer facets as the old code wrote them: her whole profile (less the private fields), no count.
    const legacy = mentors.slice(20, 30);
    for (const id of legacy) {
      const m = await memberOf(id);
      const { email: _e, statement: _s, decisionReason: _r, decidedBy: _b, ...card } = m;
      for (const key of members.offerFacetKeys(m)) {
        await db.putItem({
          TableName: TABLE,
          Item: toAttr({ ...key, entity: 'facet', version: m.version, memberId: m.id, level: 'members', card }),
        });
      }
    }
    await expectSameRanking(mentee);
    // An accept moves the count on an old item too (from nothing): ranking still reads her counter.
    const mentorId = mentors[25] ?? '';
    const m = await ask(fresh(), mentorId);
    await mentorships.accept(sessionOf(mentorId), m.id);
    await expectSameRanking(mentee);
    expect(await backfillMentorCards()).toBeGreaterThanOrEqual(legacy.length);
    await expectIndexInStep(mentors);
    await expectSameRanking(mentee);
  });
});
