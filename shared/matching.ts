import { EXPERTISE } from './meta';

/**
 * The mentor-match score and its reasons, shared by the API (ranking, cohorts) and the web app
 * (showing why a mentor was suggested). Pure: no I/O, no clock except the `at` it is given.
 *
 * Privacy: a reason may only mention what the mentee is allowed to see of the mentor. The caller
 * passes the mentor as the mentee sees her (`visible`), and the full record only for the hard
 * filters that must hold whether or not she opened the field (e.g. "outside my organisation").
 */

/** How much each part of a match counts. The parts are each scaled to 0..1 first. */
export const WEIGHTS = {
  /** Share of the topics she seeks that the mentor offers: what a mentorship is for. */
  topics: 50,
  /** Her written goals mention what the mentor offers (a plain-word match on topic names). */
  goals: 10,
  /** A second shared working language makes the conversation easier; one is required anyway. */
  languages: 10,
  /** Close time zones make regular calls possible; 0 at 12 hours apart or more. */
  timezone: 15,
  /** Mentors with more free places answer sooner and are spread the load. */
  capacity: 15,
} as const;

/**
 * Why a mentor is suggested. `detail` is an English sentence for the mentee (API clients that
 * show it as is); the other fields carry the same facts as data, so the web app words each
 * reason in the reader's language, for the mentee ("your topics") or for the board ("the
 * mentee's topics"): `topics` expertise codes, `languages` language codes, `hours` of time
 * difference, `free` places left.
 */
export type MatchReason = {
  code: 'topics' | 'goals' | 'language' | 'timezone' | 'capacity' | 'country';
  detail: string;
  topics?: string[];
  languages?: string[];
  hours?: number;
  free?: number;
};

export type MenteeSide = {
  id: string;
  country: string;
  organization?: string;
  languages: string[];
  timezone?: string;
  seeking: {
    topics: string[];
    goals: { shortTerm: string; mediumTerm: string; longTerm: string };
    sameCountryOnly: boolean;
    outsideOrganizationOnly: boolean;
  };
};

/** The mentor as the mentee may see her; absent fields are not visible to the mentee. */
export type MentorVisible = { id: string; country?: string; timezone?: string; languages?: string[] };

export type MentorSide = {
  id: string;
  status: string;
  country: string;
  organization?: string;
  languages: string[];
  offering: { active: boolean; capacity: number; topics: string[]; languages: string[] };
  /** Accepted mentorships now held. */
  accepted: number;
  visible: MentorVisible;
};

/**
 * What the candidate index (the offer facets suggestions read) stores of a mentor: her side of a
 * match as any member who is not her partner sees her, without the count of accepted mentorships,
 * which the index keeps beside it (a counter the request lifecycle moves in its own transaction).
 * Small on purpose: a Query is billed by the size of the items it reads.
 */
export type MentorCard = Omit<MentorSide, 'accepted'>;

/** The member fields a mentor card is made of. */
export type MentorFields = {
  id: string;
  status: string;
  country: string;
  organization?: string;
  languages: string[];
  timezone?: string;
  visibility: Partial<Record<'country' | 'timezone' | 'languages', string>>;
  mentoring?: { offering?: MentorSide['offering'] };
};

/** A mentor's card: what a member (not a partner, not the board) may see decides `visible`, as a profile view does. */
export function mentorCard(m: MentorFields): MentorCard {
  const shown = (field: 'country' | 'timezone' | 'languages') => m.visibility[field] === 'members';
  const offering = m.mentoring?.offering ?? { active: false, capacity: 0, topics: [], languages: [] };
  return {
    id: m.id,
    status: m.status,
    country: m.country,
    ...(m.organization !== undefined ? { organization: m.organization } : {}),
    languages: m.languages,
    offering: { active: offering.active, capacity: offering.capacity, topics: offering.topics, languages: offering.languages },
    visible: {
      id: m.id,
      ...(shown('country') ? { country: m.country } : {}),
      ...(shown('timezone') && m.timezone !== undefined ? { timezone: m.timezone } : {}),
      ...(shown('languages') ? { languages: m.languages } : {}),
    },
  };
}

export type Ineligible =
  | 'self'
  | 'not_active'
  | 'not_offering'
  | 'at_capacity'
  | 'no_shared_language'
  | 'different_country'
  | 'same_organization'
  | 'blocked'
  | 'open_request';

const label = (code: string) => EXPERTISE.find((e) => e.code === code)?.label.toLowerCase() ?? code.replace(/_/g, ' ');

/** Languages the mentor mentors in: what she offers, or all her working languages. */
const mentorLanguages = (m: MentorSide) => (m.offering.languages.length ? m.offering.languages : m.languages).map((l) => l.toLowerCase());

const sameOrg = (a?: string, b?: string) => !!a && !!b && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The hard filters that hold whatever the score. Blocks and open requests are the caller's to check. */
export function ineligibility(mentee: MenteeSide, mentor: MentorSide): Ineligible | null {
  if (mentee.id === mentor.id) return 'self';
  if (mentor.status !== 'active') return 'not_active';
  if (!mentor.offering.active || mentor.offering.capacity <= 0) return 'not_offering';
  if (mentor.accepted >= mentor.offering.capacity) return 'at_capacity';
  const theirs = new Set(mentorLanguages(mentor));
  if (!mentee.languages.some((l) => theirs.has(l.toLowerCase()))) return 'no_shared_language';
  // Only a country the mentor shows to members can satisfy "same country only": matching on a
  // hidden country would tell the mentee where the mentor is.
  if (mentee.seeking.sameCountryOnly && mentor.visible.country !== mentee.country) return 'different_country';
  if (mentee.seeking.outsideOrganizationOnly && sameOrg(mentee.organization, mentor.organization)) return 'same_organization';
  return null;
}

/** Building an Intl formatter is slow; one per time zone is kept. */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Offsets already worked out, by zone and quarter-hour: a zone's offset changes only at a
 * transition, and transitions fall on UTC quarter-hours (offsets are whole quarter-hours, changes
 * happen on a local hour or half-hour). One ranking asks for the same few zones at the same instant
 * for every candidate, and formatToParts is most of a suggestion's scoring.
 */
const offsets = new Map<string, number | undefined>();
const OFFSETS_MAX = 2000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** UTC offset of a time zone in minutes at `at`, or undefined for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, at: Date): number | undefined {
  const key = `${timeZone} ${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  if (offsets.has(key)) return offsets.get(key);
  const offset = offsetAt(timeZone, at);
  if (offsets.size >= OFFSETS_MAX) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function offsetAt(timeZone: string, at: Date): number | undefined {
  try {
    let format = offsetFormatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
      offsetFormatters.set(timeZone, format);
    }
    const part = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    if (!part || part === 'GMT') return 0;
    const m = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(part);
    if (!m) return undefined;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  } catch {
    return undefined;
  }
}

const words = (s: string) =>
  new Set(
    s
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );

/**
 * The score (0..100) of a mentor for a mentee, with its reasons in words. Only call it for an
 * eligible pair. `names` turns language codes into names for the reasons.
 */
export function scoreMatch(
  mentee: MenteeSide,
  mentor: MentorSide,
  opts: { at: Date; languageName?: (code: string) => string },
): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const langName = opts.languageName ?? ((c: string) => c);

  const offered = new Set(mentor.offering.topics);
  const shared = mentee.seeking.topics.filter((t) => offered.has(t));
  const topicPart = mentee.seeking.topics.length ? shared.length / mentee.seeking.topics.length : 0;
  if (shared.length) {
    reasons.push({
      code: 'topics',
      detail: `shares ${shared.length} of your topics: ${shared.map(label).join(', ')}`,
      topics: shared,
    });
  }

  const goalWords = words(`${mentee.seeking.goals.shortTerm} ${mentee.seeking.goals.mediumTerm} ${mentee.seeking.goals.longTerm}`);
  const goalHits = mentor.offering.topics.filter((t) => [...words(label(t))].some((w) => goalWords.has(w)));
  const goalPart = mentor.offering.topics.length ? Math.min(1, goalHits.length / 2) : 0;
  if (goalHits.length) reasons.push({ code: 'goals', detail: `your goals mention ${goalHits.map(label).join(', ')}`, topics: goalHits });

  const theirs = new Set(mentorLanguages(mentor));
  const common = mentee.languages.filter((l) => theirs.has(l.toLowerCase()));
  const languagePart = Math.min(1, Math.max(0, common.length - 1));
  if (common.length) reasons.push({ code: 'language', detail: `speaks ${common.map(langName).join(', ')}`, languages: common });

  let timezonePart = 0;
  if (mentee.timezone && mentor.visible.timezone) {
    const a = utcOffsetMinutes(mentee.timezone, opts.at);
    const b = utcOffsetMinutes(mentor.visible.timezone, opts.at);
    if (a !== undefined && b !== undefined) {
      const hours = Math.abs(a - b) / 60;
      timezonePart = Math.max(0, 1 - hours / 12);
      const rounded = Math.round(hours * 2) / 2;
      reasons.push({
        code: 'timezone',
        detail: rounded === 0 ? 'same time zone' : `${rounded} ${rounded === 1 ? "hour's" : "hours'"} time difference`,
        hours: rounded,
      });
    }
  }

  const free = Math.max(0, mentor.offering.capacity - mentor.accepted);
  const capacityPart = mentor.offering.capacity ? free / mentor.offering.capacity : 0;
  reasons.push(capacityReason(free));

  if (mentor.visible.country && mentor.visible.country === mentee.country)
    reasons.push({ code: 'country', detail: 'works in your country' });

  const score =
    WEIGHTS.topics * topicPart +
    WEIGHTS.goals * goalPart +
    WEIGHTS.languages * languagePart +
    WEIGHTS.timezone * timezonePart +
    WEIGHTS.capacity * capacityPart;
  return { score: Math.round(score * 100) / 100, reasons };
}

/** The reason that says how many more mentees a mentor has room for. */
export function capacityReason(free: number): MatchReason {
  return { code: 'capacity', detail: `has room for ${free} more ${free === 1 ? 'mentee' : 'mentees'}`, free };
}

/** Ranked: higher score first, then mentor id, so equal scores always come out in the same order. */
export function byRank<T extends { score: number; mentorId: string }>(a: T, b: T): number {
  return b.score - a.score || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0);
}
