/**
 * The programme's demo data (issue 12): the four-part series "Leadership and vision" with one
 * past and three upcoming parts (the demo practitioner attended the past one and is registered
 * for two upcoming ones), a coaching session in person for a cohort of chosen members, a small
 * webinar with a waiting list, and a two-part series she completed (so it is on her profile).
 * Written through the events service, as the app would write it; called once, from the seed's
 * first run.
 */
import type { EventInput } from '../../shared/events-schemas';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

/** A day `days` from now at `hourUtc`:00 UTC, so the demo reads the same whenever it is seeded. */
const dayAt = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

/** Answers the ids later demo data attaches to (issue 14: the past part's files). */
export async function seedEvents(ids: { board: string; practitioner: string; members: string[] }): Promise<{ pastPart: string }> {
  const events = await import('../../functions/events/service');
  const { getMember } = await import('../../functions/members/repository');
  const { clock } = await import('../../functions/lib/clock');
  const boardSession = { userId: ids.board, email: 'board@example.org', groups: ['board'], isBoard: true };
  const session = (id: string) => ({ userId: id, email: `${id}@demo.invalid`, groups: [], isBoard: false });
  const record = async (id: string) => {
    const m = await getMember(id);
    if (!m) throw new Error(`seed-events: no member ${id}`);
    return m;
  };
  const boardRecord = await record(ids.board);
  const register = async (eventId: string, memberId: string) => events.register(session(memberId), await record(memberId), eventId);

  const series = await events.createSeries(boardSession, {
    title: 'Leadership and vision',
    description:
      'Four webinars on leading a team and setting a vision and goals. Each participant leaves with her personal development plan.',
    parts: 4,
  });
  const webinar = (part: number, title: string, startsAt: string): EventInput => ({
    kind: 'webinar',
    mode: 'online',
    title,
    description: 'A webinar of the series "Leadership and vision", with time for questions.',
    hosts: { memberIds: [ids.board], guests: ['Dr. Farah Naz, leadership coach'] },
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
    languages: ['en', 'ur'],
    audience: {},
    capacity: 40,
    joinUrl: 'https://meet.example.org/leadership-and-vision',
    seriesId: series.id,
    part,
    joinOpensMinutes: 30,
  });

  // The past part: registered before it began, attended, and one participant's feedback.
  const pastStart = dayAt(-14, 10);
  const realNow = clock.now;
  let part1: { id: string };
  try {
    clock.now = () => Date.parse(pastStart) - 3 * DAY;
    part1 = await events.createEvent(boardSession, webinar(1, 'Leading a team under pressure', pastStart));
    await register(part1.id, ids.practitioner);
    if (ids.members[0]) await register(part1.id, ids.members[0]);
    clock.now = () => Date.parse(pastStart) + 2 * HOUR;
    await events.markAttendance(boardSession, boardRecord, part1.id, {
      memberIds: [ids.practitioner, ...ids.members.slice(0, 1)],
      attended: true,
    });
    const first = ids.members[0];
    if (first)
      await events.giveFeedback(session(first), await record(first), part1.id, {
        rating: 5,
        comment: 'Clear and practical: I used the exercise with my team.',
      });
  } finally {
    clock.now = realNow;
  }
  const part2 = await events.createEvent(boardSession, webinar(2, 'Setting a vision for your unit', dayAt(3, 10)));
  const part3 = await events.createEvent(boardSession, webinar(3, 'Goals for the short, medium and long term', dayAt(10, 10)));
  await events.createEvent(boardSession, webinar(4, 'Your strengths and how to use them', dayAt(17, 10)));
  await register(part2.id, ids.practitioner);
  await register(part3.id, ids.practitioner);

  // A coaching session in person for a cohort of chosen members.
  const cohort = [ids.practitioner, ...ids.members.slice(0, 8)];
  const coaching = await events.createEvent(boardSession, {
    kind: 'coaching',
    mode: 'in_person',
    title: 'Investigative techniques: financial trails of trafficking networks',
    description: 'A day of coaching with national prosecutors and investigators, for the 2026 cohort.',
    hosts: { memberIds: [], guests: ['National prosecutor (guest)', 'Senior investigator (guest)'] },
    startsAt: dayAt(6, 4),
    endsAt: dayAt(6, 11),
    languages: ['ur', 'en'],
    audience: { memberIds: cohort },
    capacity: 22,
    place: 'Training centre, Islamabad (the address is sent to the cohort)',
    joinOpensMinutes: 30,
  });
  for (const id of cohort.slice(1, 5)) await register(coaching.id, id);

  // A small webinar that filled up: two places, and a waiting list.
  const small = await events.createEvent(boardSession, {
    kind: 'webinar',
    mode: 'online',
    title: 'Interviewing survivors with care',
    description: 'A small-group webinar on trauma-informed interviews.',
    hosts: { memberIds: [], guests: ['Psychologist (guest)'] },
    startsAt: dayAt(5, 13),
    endsAt: dayAt(5, 14),
    languages: ['en'],
    audience: {},
    capacity: 2,
    joinUrl: 'https://meet.example.org/interviewing-with-care',
    joinOpensMinutes: 30,
  });
  for (const id of ids.members.slice(1, 5)) await register(small.id, id);

  // A short series the demo practitioner attended in full last month: it is on her profile,
  // with the board alone until she chooses to show it.
  const done = await events.createSeries(boardSession, {
    title: 'Identifying victims at the border',
    description: 'Two webinars on the signs of trafficking at crossings and airports.',
    parts: 2,
  });
  for (const part of [1, 2]) {
    const startsAt = dayAt(-42 + 7 * part, 10);
    try {
      clock.now = () => Date.parse(startsAt) - 3 * DAY;
      const e = await events.createEvent(boardSession, {
        ...webinar(part, part === 1 ? 'Signs at the crossing' : 'Signs at the airport', startsAt),
        description: 'A webinar of the series "Identifying victims at the border".',
        joinUrl: 'https://meet.example.org/identifying-victims',
        seriesId: done.id,
      });
      await register(e.id, ids.practitioner);
      clock.now = () => Date.parse(startsAt) + 2 * HOUR;
      await events.markAttendance(boardSession, boardRecord, e.id, { memberIds: [ids.practitioner], attended: true });
    } finally {
      clock.now = realNow;
    }
  }
  return { pastPart: part1.id };
}
