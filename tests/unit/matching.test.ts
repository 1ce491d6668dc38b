import { describe, expect, it } from 'vitest';
import { type MenteeSide, type MentorSide, WEIGHTS, byRank, ineligibility, scoreMatch, utcOffsetMinutes } from '../../shared/matching';

const at = new Date('2026-11-23T12:00:00Z');

const mentee = (over: Partial<MenteeSide> = {}): MenteeSide => ({
  id: 'mentee',
  country: 'PK',
  organization: 'Punjab Police',
  languages: ['ur', 'en'],
  timezone: 'Asia/Karachi',
  seeking: {
    topics: ['investigation', 'victim_protection'],
    goals: { shortTerm: 'Improve my investigation skills', mediumTerm: '', longTerm: '' },
    sameCountryOnly: false,
    outsideOrganizationOnly: false,
  },
  ...over,
});

const mentor = (over: Partial<MentorSide> = {}): MentorSide => ({
  id: 'mentor',
  status: 'active',
  country: 'PK',
  organization: 'Federal Investigation Agency',
  languages: ['ur', 'en'],
  offering: { active: true, capacity: 2, topics: ['investigation', 'leadership'], languages: [] },
  accepted: 1,
  visible: { id: 'mentor', timezone: 'Asia/Kabul' },
  ...over,
});

describe('hard filters', () => {
  it.each([
    ['herself', mentor({ id: 'mentee' }), 'self'],
    ['a member who is not active', mentor({ status: 'suspended' }), 'not_active'],
    ['a paused offer', mentor({ offering: { active: false, capacity: 2, topics: [], languages: [] } }), 'not_offering'],
    ['a mentor at capacity', mentor({ accepted: 2 }), 'at_capacity'],
    ['no shared language', mentor({ languages: ['es'] }), 'no_shared_language'],
  ])('refuses %s', (_l, m, why) => {
    expect(ineligibility(mentee(), m)).toBe(why);
  });

  it('meets "same country only" only with a country the mentor shows to members', () => {
    const wants = mentee({ seeking: { ...mentee().seeking, sameCountryOnly: true } });
    expect(ineligibility(wants, mentor())).toBe('different_country'); // same country, but hidden
    expect(ineligibility(wants, mentor({ visible: { id: 'mentor', country: 'PK' } }))).toBeNull();
  });

  it('honours "outside my organisation" even when the mentor keeps hers to the board', () => {
    const wants = mentee({ seeking: { ...mentee().seeking, outsideOrganizationOnly: true } });
    expect(ineligibility(wants, mentor({ organization: ' punjab police ' }))).toBe('same_organization');
    expect(ineligibility(wants, mentor())).toBeNull();
  });
});

describe('the score and its reasons', () => {
  it('explains itself in words a member understands', () => {
    const { score, reasons } = scoreMatch(mentee(), mentor(), { at, languageName: (c) => ({ ur: 'Urdu', en: 'English' })[c] ?? c });
    expect(reasons).toEqual([
      { code: 'topics', detail: 'shares 1 of your topics: investigation', topics: ['investigation'] },
      { code: 'goals', detail: 'your goals mention investigation', topics: ['investigation'] },
      { code: 'language', detail: 'speaks Urdu, English', languages: ['ur', 'en'] },
      { code: 'timezone', detail: "0.5 hours' time difference", hours: 0.5 },
      { code: 'capacity', detail: 'has room for 1 more mentee', free: 1 },
    ]);
    const expected =
      WEIGHTS.topics * 0.5 + WEIGHTS.goals * 0.5 + WEIGHTS.languages * 1 + WEIGHTS.timezone * (1 - 0.5 / 12) + WEIGHTS.capacity * 0.5;
    expect(score).toBe(Math.round(expected * 100) / 100); // scores are kept to two decimals
  });

  it('never mentions a time zone or country the mentee may not see', () => {
    const { reasons } = scoreMatch(mentee(), mentor({ visible: { id: 'mentor' } }), { at });
    expect(reasons.map((r) => r.code)).not.toContain('timezone');
    expect(reasons.map((r) => r.code)).not.toContain('country');
  });

  it('ranks by score, then by mentor id, the same way every time', () => {
    const items = [
      { mentorId: 'b', score: 50 },
      { mentorId: 'a', score: 50 },
      { mentorId: 'c', score: 70 },
    ];
    expect([...items].sort(byRank).map((i) => i.mentorId)).toEqual(['c', 'a', 'b']);
    expect(
      [...items]
        .reverse()
        .sort(byRank)
        .map((i) => i.mentorId),
    ).toEqual(['c', 'a', 'b']);
  });

  it('reads time-zone offsets, half hours included', () => {
    expect(utcOffsetMinutes('Asia/Kathmandu', at)).toBe(345);
    expect(utcOffsetMinutes('America/Bogota', at)).toBe(-300);
    expect(utcOffsetMinutes('UTC', at)).toBe(0);
    expect(utcOffsetMinutes('Nowhere/Place', at)).toBeUndefined();
  });

  it('follows a daylight-saving change to the minute, though offsets are remembered by the quarter hour', () => {
    // London moves to summer time at 01:00 UTC on 29 March 2026; Tehran keeps +3:30 all year.
    const change = Date.parse('2026-03-29T01:00:00Z');
    expect(utcOffsetMinutes('Europe/London', new Date(change - 60_000))).toBe(0);
    expect(utcOffsetMinutes('Europe/London', new Date(change))).toBe(60);
    expect(utcOffsetMinutes('Europe/London', new Date(change - 60_000))).toBe(0);
    expect(utcOffsetMinutes('Asia/Tehran', new Date(change))).toBe(210);
    expect(utcOffsetMinutes('Nowhere/Place', new Date(change))).toBeUndefined();
    expect(utcOffsetMinutes('Nowhere/Place', new Date(change))).toBeUndefined();
  });
});
