import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberRecord } from '../../functions/members/repository';
import { mentorSide } from '../../functions/mentorship/service';
import { type MenteeSide, ineligibility, mentorCard, scoreMatch } from '../../shared/matching';
import { DEFAULT_VISIBILITY, type Visibility } from '../../shared/schemas';

/*
 * The offer index stores a mentor card instead of her profile; ranking builds her side of a match
 * from it. It must be the side the profile gave (mentorSide, through the profile view a member
 * gets), whatever she chose to show: so eligibility, score and reasons cannot differ.
 */
const level = fc.constantFrom('board' as const, 'partners' as const, 'members' as const);
const visibility: fc.Arbitrary<Visibility> = fc.record({
  country: level,
  organization: level,
  jobTitle: level,
  bio: level,
  expertise: level,
  languages: level,
  timezone: level,
  goals: level,
  mentoring: level,
  programme: level,
});
const languages = fc.uniqueArray(fc.constantFrom('ur', 'en', 'ps', 'es', 'mt'), { minLength: 1, maxLength: 3 });
const topics = fc.uniqueArray(fc.constantFrom('investigation', 'leadership', 'training', 'financial_investigation'), { maxLength: 3 });

const mentor: fc.Arbitrary<MemberRecord> = fc
  .record({
    status: fc.constantFrom('active' as const, 'suspended' as const),
    country: fc.constantFrom('PK', 'MT', 'CO'),
    organization: fc.option(fc.constantFrom('Police', 'Prosecution'), { nil: undefined }),
    languages,
    timezone: fc.option(fc.constantFrom('Asia/Karachi', 'Europe/Malta', 'America/Bogota'), { nil: undefined }),
    visibility,
    offering: fc.record({
      active: fc.boolean(),
      capacity: fc.integer({ min: 0, max: 10 }),
      topics,
      languages: fc.constantFrom([], ['en'], ['mt', 'ur']),
    }),
  })
  .map(
    (r): MemberRecord => ({
      id: 'mentor-1',
      email: 'm@example.org',
      status: r.status,
      kind: 'practitioner',
      displayName: 'A Mentor',
      sortName: 'a mentor',
      country: r.country,
      organization: r.organization,
      jobTitle: 'Inspector',
      bio: 'Bio.',
      expertise: ['investigation'],
      languages: r.languages,
      timezone: r.timezone,
      mentoring: {
        offering: r.offering as never,
        seeking: {
          active: false,
          topics: [],
          goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
          sameCountryOnly: false,
          outsideOrganizationOnly: false,
        },
      },
      visibility: r.visibility,
      statement: 'Statement.',
      submittedAt: '2026-01-01T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 2,
    }),
  );

const mentee: MenteeSide = {
  id: 'mentee-1',
  country: 'PK',
  organization: 'Police',
  languages: ['ur', 'mt'],
  timezone: 'Asia/Karachi',
  seeking: {
    topics: ['investigation', 'financial_investigation'],
    goals: { shortTerm: 'Lead a financial investigation', mediumTerm: '', longTerm: '' },
    sameCountryOnly: true,
    outsideOrganizationOnly: true,
  },
};

describe('mentor cards', () => {
  it('give the same side of a match as her profile did, whatever she shows and whatever her count', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    fc.assert(
      fc.property(mentor, fc.integer({ min: 0, max: 10 }), (m, accepted) => {
        const fromProfile = mentorSide(m, accepted, mentee.id);
        // Through storage, as the index holds it: absent fields are dropped.
        const fromCard = { ...JSON.parse(JSON.stringify(mentorCard(m))), accepted };
        expect(fromCard).toEqual(fromProfile);
        expect(ineligibility(mentee, fromCard)).toBe(ineligibility(mentee, fromProfile));
        expect(scoreMatch(mentee, fromCard, { at })).toEqual(scoreMatch(mentee, fromProfile, { at }));
      }),
      { numRuns: 500 },
    );
  });

  it('hold nothing she keeps from members', () => {
    const hidden = { ...DEFAULT_VISIBILITY, country: 'board' as const, timezone: 'partners' as const, languages: 'board' as const };
    fc.assert(
      fc.property(mentor, (m) => {
        const card = mentorCard({ ...m, visibility: hidden });
        expect(card.visible).toEqual({ id: m.id });
      }),
    );
  });
});
