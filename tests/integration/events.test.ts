import { afterEach, describe, expect, it } from 'vitest';
import { sweepReminders } from '../../functions/events/reminders';
import { clock } from '../../functions/lib/clock';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { backfillEventYears } from '../../scripts/backfill-event-years';
import { type Agent, board, expectError, member, profile } from '../helpers';

/** Time moves through the API's clock, not by waiting. */
const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const moveClockTo = (iso: string) => {
  clock.now = () => Date.parse(iso);
};

let lang = 0;
/** A language tag used by one test only, so that its list filter sees its own events alone. */
const ownLanguage = () => `en-x-t${++lang}${Math.random().toString(36).slice(2, 6)}`;

type EventBody = Record<string, unknown>;
function webinar(overrides: EventBody = {}): EventBody {
  return {
    kind: 'webinar',
    title: 'Leading an investigation team',
    description: 'How to set a vision for a unit.',
    startsAt: at(3 * DAY),
    endsAt: at(3 * DAY + 2 * HOUR),
    languages: ['en'],
    capacity: 20,
    joinUrl: 'https://meet.example.org/room-42',
    ...overrides,
  };
}

async function create(overrides: EventBody = {}) {
  const b = await board();
  const res = await b.post('/api/events', webinar(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; startsAt: string; endsAt: string };
}

const notificationsOf = async (a: Agent) => (await a.get('/api/notifications?limit=50')).body.items as { type: string; link: string }[];

describe('creating events', () => {
  it('lets the board create a webinar and answers it with its counts', async () => {
    const b = await board();
    const res = await b.post('/api/events', webinar({ hosts: { guests: ['Dr. Amina Yusuf'] } }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'webinar',
      mode: 'online',
      capacity: 20,
      registered: 0,
      waitlisted: 0,
      myRegistration: null,
      version: 1,
    });
    expect(res.body.hosts).toEqual({ members: [], guests: ['Dr. Amina Yusuf'] });
  });

  it('refuses bad input with 400s naming the field', async () => {
    const b = await board();
    const cases: [EventBody, string][] = [
      [{ endsAt: at(2 * DAY) }, 'endsAt'],
      [{ capacity: 0 }, 'capacity'],
      [{ joinUrl: undefined }, 'joinUrl'],
      [{ joinUrl: 'http://meet.example.org/plain' }, 'joinUrl'],
      [{ joinUrl: 'javascript:alert(1)' }, 'joinUrl'],
      [{ kind: 'party' }, 'kind'],
      [{ mode: 'in_person', place: 'Kathmandu' }, 'mode'],
      [{ kind: 'coaching', mode: 'in_person', joinUrl: undefined }, 'place'],
      [{ languages: [] }, 'languages'],
      [{ seriesId: 'nope', part: 1 }, 'seriesId'],
      [{ audience: { kinds: ['alien'] } }, 'audience.kinds.0'],
      [{ extra: true }, ''],
    ];
    for (const [overrides, path] of cases) {
      const res = await b.post('/api/events', webinar(overrides));
      expectError(res, 400, 'validation_failed');
      if (path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('refuses a member who is not on the board with 403', async () => {
    const m = await member();
    expectError(await m.post('/api/events', webinar()), 403, 'forbidden');
    expectError(await m.post('/api/series', { title: 'S', parts: 2 }), 403, 'forbidden');
  });

  it('lets only the board edit an event, with its version', async () => {
    const e = await create();
    const b = await board();
    const m = await member();
    expectError(await m.patch(`/api/events/${e.id}`, { title: 'Changed', version: 1 }), 403, 'forbidden');
    const ok = await b.patch(`/api/events/${e.id}`, { title: 'Leading a unit', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: 'Leading a unit', version: 2 });
    expectError(await b.patch(`/api/events/${e.id}`, { title: 'Again', version: 1 }), 409, 'conflict');
    expectError(await b.patch(`/api/events/${e.id}`, { endsAt: at(DAY), version: 2 }), 400, 'validation_failed');
  });
});

describe('moving an event', () => {
  it('moves the registered members’ agenda entries and their reminders with it', async () => {
    const e = await create({ startsAt: at(3 * DAY), endsAt: at(3 * DAY + HOUR) });
    const m = await member();
    await m.post(`/api/events/${e.id}/registration`);
    const b = await board();
    const startsAt = at(2 * HOUR);
    const moved = await b.patch(`/api/events/${e.id}`, { startsAt, endsAt: at(3 * HOUR), version: 1 });
    expect(moved.status).toBe(200);
    const agenda = (await m.get('/api/agenda')).body.items.filter((i: { refId: string }) => i.refId === e.id);
    expect(agenda).toEqual([expect.objectContaining({ startsAt: moved.body.startsAt })]);
    // Now within a day: the day's reminder is due at once, for the new time.
    await sweepReminders();
    const reminders = (await notificationsOf(m)).filter((n) => n.link === `/events/${e.id}` && n.type === 'event.reminder.day');
    expect(reminders).toHaveLength(1);
    // Materials wait for the start; a member without a place cannot cancel one.
    expectError(await b.patch(`/api/events/${e.id}/materials`, { materials: [], version: 2 }), 409, 'conflict');
    expectError(await (await member()).del(`/api/events/${e.id}/registration`), 409, 'conflict');
  });
});

describe('who sees an event', () => {
  it('shows a cohort’s event to its members and the board only (404 to anyone else)', async () => {
    const [inside, outside] = await Promise.all([member(), member()]);
    const language = ownLanguage();
    const e = await create({
      kind: 'coaching',
      mode: 'in_person',
      joinUrl: undefined,
      place: 'Police Academy, Islamabad',
      languages: [language],
      audience: { memberIds: [inside.userId] },
    });
    expect((await inside.get(`/api/events/${e.id}`)).status).toBe(200);
    expect((await inside.get(`/api/events/${e.id}`)).body.audience).toEqual({});
    expectError(await outside.get(`/api/events/${e.id}`), 404, 'not_found');
    expectError(await outside.post(`/api/events/${e.id}/registration`), 404, 'not_found');
    expect((await (await board()).get(`/api/events/${e.id}`)).body.audience.memberIds).toEqual([inside.userId]);
    expect((await inside.get(`/api/events?language=${language}`)).body.items.map((i: { id: string }) => i.id)).toEqual([e.id]);
    expect((await outside.get(`/api/events?language=${language}`)).body.items).toEqual([]);
    expectError(await inside.get('/api/events/not-an-event'), 404, 'not_found');
  });

  it('keeps an event for champions in Nepal from a practitioner in Pakistan', async () => {
    const language = ownLanguage();
    const [np, pk] = await Promise.all([member({ kind: 'champion', country: 'NP' }), member({ country: 'PK' })]);
    const e = await create({ languages: [language], audience: { kinds: ['champion'], countries: ['NP'] } });
    expect((await np.get(`/api/events/${e.id}`)).status).toBe(200);
    expectError(await pk.get(`/api/events/${e.id}`), 404, 'not_found');
  });

  it('pages the events she may see by start, fills each page past the hidden ones, and refuses a tampered cursor', async () => {
    const language = ownLanguage();
    const [m, other] = await Promise.all([member(), member()]);
    const made: string[] = [];
    for (const [i, days] of [5, 3, 40, 4].entries()) {
      // The third is for someone else: the list skips it and still fills its page.
      const audience = i === 1 ? { memberIds: [other.userId] } : {};
      made.push((await create({ languages: [language], audience, startsAt: at(days * DAY), endsAt: at(days * DAY + HOUR) })).id);
    }
    const first = await m.get(`/api/events?language=${language}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([made[3], made[0]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await m.get(`/api/events?language=${language}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([made[2]]);
    expect(second.body.nextCursor).toBeNull();
    expectError(await m.get(`/api/events?language=${language}&cursor=${first.body.nextCursor}x`), 400, 'validation_failed');
    expectError(await m.get('/api/events?limit=51'), 400, 'validation_failed');
    expectError(await m.get('/api/events?kind=party'), 400, 'validation_failed');
    // Past events: newest first, with `to`.
    moveClockTo(at(60 * DAY));
    const past = await m.get(`/api/events?language=${language}&to=${encodeURIComponent(at(60 * DAY))}`);
    expect(past.status, JSON.stringify(past.body)).toBe(200);
    expect(past.body.items.map((i: { id: string }) => i.id)).toEqual([made[2], made[0], made[3]]);
  });
});

describe('registration', () => {
  it('never registers more than the capacity under 12 concurrent registrations; the rest wait', async () => {
    const e = await create({ capacity: 3 });
    const members = await Promise.all(Array.from({ length: 12 }, () => member()));
    const answers = await Promise.all(members.map((m) => m.post(`/api/events/${e.id}/registration`)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const states = answers.map((a) => a.body.state);
    expect(states.filter((s) => s === 'registered')).toHaveLength(3);
    expect(states.filter((s) => s === 'waitlisted')).toHaveLength(9);
    const seen = (await (await board()).get(`/api/events/${e.id}`)).body;
    expect(seen).toMatchObject({ registered: 3, waitlisted: 9 });
    const listed = (await (await board()).get(`/api/events/${e.id}/registrations?state=registered&limit=50`)).body.items;
    expect(listed).toHaveLength(3);
  });

  it('answers 409 to a second registration and after the start', async () => {
    const e = await create();
    const m = await member();
    expect((await m.post(`/api/events/${e.id}/registration`)).body).toEqual({ state: 'registered' });
    expectError(await m.post(`/api/events/${e.id}/registration`), 409, 'conflict');
    const late = await member();
    moveClockTo(at(3 * DAY + 10 * 60_000));
    const res = await late.post(`/api/events/${e.id}/registration`);
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('event_started');
  });

  it('moves the first on the waiting list up when a registered member cancels, in her agenda, and tells her', async () => {
    const e = await create({ capacity: 1 });
    const [first, second, third] = await Promise.all([member(), member(), member()]);
    expect((await first.post(`/api/events/${e.id}/registration`)).body.state).toBe('registered');
    expect((await second.post(`/api/events/${e.id}/registration`)).body.state).toBe('waitlisted');
    expect((await third.post(`/api/events/${e.id}/registration`)).body.state).toBe('waitlisted');
    expect((await first.get('/api/agenda')).body.items.map((i: { refId: string }) => i.refId)).toContain(e.id);

    expect((await first.del(`/api/events/${e.id}/registration`)).status).toBe(204);
    expect((await second.get(`/api/events/${e.id}`)).body).toMatchObject({ myRegistration: 'registered', registered: 1, waitlisted: 1 });
    expect((await third.get(`/api/events/${e.id}`)).body.myRegistration).toBe('waitlisted');
    expect((await first.get(`/api/events/${e.id}`)).body.myRegistration).toBeNull();
    expect((await first.get('/api/agenda')).body.items.map((i: { refId: string }) => i.refId)).not.toContain(e.id);
    const agenda = (await second.get('/api/agenda')).body.items;
    expect(agenda).toContainEqual(
      expect.objectContaining({ kind: 'event', refId: e.id, title: 'Leading an investigation team', link: `/events/${e.id}` }),
    );
    expect(await notificationsOf(second)).toContainEqual(expect.objectContaining({ type: 'event.promoted', link: `/events/${e.id}` }));
    // Cancelling twice, or without a registration: 409.
    expectError(await first.del(`/api/events/${e.id}/registration`), 409, 'conflict');
    // Leaving the waiting list frees nothing and moves nobody.
    expect((await third.del(`/api/events/${e.id}/registration`)).status).toBe(204);
    expect((await (await board()).get(`/api/events/${e.id}`)).body).toMatchObject({ registered: 1, waitlisted: 0 });
  });

  it('fills new places from the waiting list when the board raises the capacity', async () => {
    const e = await create({ capacity: 1 });
    const [a, b2] = await Promise.all([member(), member()]);
    await a.post(`/api/events/${e.id}/registration`);
    await b2.post(`/api/events/${e.id}/registration`);
    const b = await board();
    expectError(await b.patch(`/api/events/${e.id}`, { capacity: 0, version: 1 }), 400, 'validation_failed');
    expect((await b.patch(`/api/events/${e.id}`, { capacity: 2, version: 1 })).body).toMatchObject({ registered: 2, waitlisted: 0 });
    expect((await b2.get(`/api/events/${e.id}`)).body.myRegistration).toBe('registered');
    const lowered = await b.patch(`/api/events/${e.id}`, { capacity: 1, version: 2 });
    expectError(lowered, 409, 'conflict');
    expect(lowered.body.error.details[0].code).toBe('over_capacity');
  });

  it('shows the join link only to a registered member, and only from 30 minutes before the start', async () => {
    const e = await create();
    const [registered, unregistered] = await Promise.all([member(), member()]);
    await registered.post(`/api/events/${e.id}/registration`);
    expect((await registered.get(`/api/events/${e.id}`)).body).not.toHaveProperty('joinUrl');
    moveClockTo(new Date(Date.parse(e.startsAt) - 20 * 60_000).toISOString());
    expect((await registered.get(`/api/events/${e.id}`)).body.joinUrl).toBe('https://meet.example.org/room-42');
    expect((await unregistered.get(`/api/events/${e.id}`)).body).not.toHaveProperty('joinUrl');
    const listed = (await unregistered.get('/api/events?limit=50')).body.items.find((i: { id: string }) => i.id === e.id);
    expect(listed).not.toHaveProperty('joinUrl');
  });
});

describe('the calendar file', () => {
  it('is neutral by default: "Meeting", no description, link, place or organiser, and a product id naming no one', async () => {
    const e = await create({ description: 'Secret agenda', joinUrl: 'https://meet.example.org/secret' });
    const m = await member();
    await m.post(`/api/events/${e.id}/registration`);
    const res = await m.get(`/api/events/${e.id}/calendar`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = String(res.body);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SUMMARY:Meeting');
    expect(ics).not.toMatch(/Leading|Secret|DESCRIPTION|URL|ORGANIZER|LOCATION|Champions|meet\.example/i);
    expect(ics).toMatch(/PRODID:calendar/);
    expect(ics).toContain(`DTSTART:${e.startsAt.replace(/[-:]/g, '').slice(0, 15)}Z`);
    const full = String((await m.get(`/api/events/${e.id}/calendar?title=full`)).body);
    expect(full).toContain('SUMMARY:Leading an investigation team');
    expectError(await m.get(`/api/events/${e.id}/calendar?title=loud`), 400, 'validation_failed');
  });

  it('is refused to a member who is not registered (403) and to one outside the audience (404)', async () => {
    const [inside, outside] = await Promise.all([member(), member()]);
    const e = await create({ audience: { memberIds: [inside.userId] } });
    expectError(await inside.get(`/api/events/${e.id}/calendar`), 403, 'forbidden');
    expectError(await outside.get(`/api/events/${e.id}/calendar`), 404, 'not_found');
  });
});

describe('reminders', () => {
  it('sends each reminder once, a day and an hour before, to registered members only, with no title', async () => {
    const e = await create({ startsAt: at(3 * HOUR), endsAt: at(4 * HOUR) });
    const [registered, waiting] = await Promise.all([member(), member()]);
    await registered.post(`/api/events/${e.id}/registration`);
    const full = await create({ capacity: 1, startsAt: at(3 * HOUR), endsAt: at(4 * HOUR) });
    await registered.post(`/api/events/${full.id}/registration`);
    await waiting.post(`/api/events/${full.id}/registration`);

    const first = await sweepReminders();
    const again = await sweepReminders();
    // The same reminders by email, queued once each (the mailer reads her preferences as it sends).
    const mine = (r: Awaited<ReturnType<typeof sweepReminders>>) =>
      r.queued.filter((j) => 'memberId' in j && j.memberId === registered.userId);
    expect(
      mine(first)
        .map((j) => (j.kind === 'reminder' ? `${j.eventId}:${j.lead}` : j.kind))
        .sort(),
    ).toEqual([`${e.id}:day`, `${full.id}:day`].sort());
    expect(mine(again)).toEqual([]);
    expect(first.queued.some((j) => 'memberId' in j && j.memberId === waiting.userId)).toBe(false);
    const dayReminders = (await notificationsOf(registered)).filter((n) => n.type === 'event.reminder.day');
    expect(dayReminders.map((n) => n.link).sort()).toEqual([`/events/${e.id}`, `/events/${full.id}`].sort());
    expect((await notificationsOf(waiting)).filter((n) => n.type.startsWith('event.reminder'))).toEqual([]);

    moveClockTo(at(2 * HOUR + 5 * 60_000));
    await Promise.all([sweepReminders(), sweepReminders()]);
    const hourReminders = (await notificationsOf(registered)).filter((n) => n.type === 'event.reminder.hour');
    expect(hourReminders).toHaveLength(2);
    const stored = await db.getItem({ TableName: TABLE, Key: toAttr(keys.reminderSent(e.id, 'hour', registered.userId)) });
    expect(Object.keys(stored.Item ?? {})).not.toContain('title');
  });
});

describe('attendance, materials and feedback', () => {
  it('lets a host mark attendance after the start, refuses a member who is not a host, and takes feedback from attendees once', async () => {
    const [host, attendee, absent, stranger] = await Promise.all([member({ displayName: 'Host Officer' }), member(), member(), member()]);
    const e = await create({ hosts: { memberIds: [host.userId], guests: [] } });
    expect((await attendee.get(`/api/events/${e.id}`)).body.hosts.members).toEqual([{ id: host.userId, name: 'Host Officer' }]);
    await attendee.post(`/api/events/${e.id}/registration`);
    await absent.post(`/api/events/${e.id}/registration`);

    const early = await host.post(`/api/events/${e.id}/attendance`, { memberIds: [attendee.userId] });
    expectError(early, 409, 'conflict');
    moveClockTo(at(3 * DAY + HOUR));
    expectError(await stranger.post(`/api/events/${e.id}/attendance`, { memberIds: [attendee.userId] }), 403, 'forbidden');
    expectError(await host.post(`/api/events/${e.id}/attendance`, { memberIds: [] }), 400, 'validation_failed');
    const marked = await host.post(`/api/events/${e.id}/attendance`, { memberIds: [attendee.userId, stranger.userId] });
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ marked: [attendee.userId], notRegistered: [stranger.userId] });
    expect((await attendee.get(`/api/events/${e.id}`)).body.myRegistration).toBe('attended');
    const rows = (await host.get(`/api/events/${e.id}/registrations`)).body.items;
    expect(rows.map((r: { state: string }) => r.state).sort()).toEqual(['attended', 'registered']);
    expectError(await stranger.get(`/api/events/${e.id}/registrations`), 403, 'forbidden');

    expectError(await stranger.patch(`/api/events/${e.id}/materials`, { materials: [], version: 1 }), 403, 'forbidden');
    const materials = await host.patch(`/api/events/${e.id}/materials`, {
      materials: [{ title: 'Slides', url: 'https://files.example.org/slides.pdf' }],
      version: 1,
    });
    expect(materials.status).toBe(200);
    expect((await attendee.get(`/api/events/${e.id}`)).body.materials).toEqual([
      { title: 'Slides', url: 'https://files.example.org/slides.pdf' },
    ]);

    expectError(await absent.post(`/api/events/${e.id}/feedback`, { rating: 5 }), 403, 'forbidden');
    expectError(await attendee.post(`/api/events/${e.id}/feedback`, { rating: 6 }), 400, 'validation_failed');
    const given = await attendee.post(`/api/events/${e.id}/feedback`, { rating: 4, comment: 'Useful.' });
    expect(given.status).toBe(201);
    expect((await attendee.get(`/api/events/${e.id}`)).body.myFeedback).toBe(true);
    expectError(await attendee.post(`/api/events/${e.id}/feedback`, { rating: 5 }), 409, 'conflict');

    const b = await board();
    const fb = (await b.get(`/api/events/${e.id}/feedback`)).body;
    expect(fb.summary).toEqual({ count: 1, average: 4, ratings: [0, 0, 0, 1, 0] });
    expect(fb.items).toEqual([{ rating: 4, comment: 'Useful.', at: expect.any(String) }]);
    expectError(await host.get(`/api/events/${e.id}/feedback`), 403, 'forbidden');
  });

  it("takes an attendee's feedback once when she sends it several times at once", async () => {
    const [host, attendee] = await Promise.all([member(), member()]);
    const e = await create({ hosts: { memberIds: [host.userId], guests: [] } });
    await attendee.post(`/api/events/${e.id}/registration`);
    moveClockTo(at(3 * DAY + HOUR));
    expect((await host.post(`/api/events/${e.id}/attendance`, { memberIds: [attendee.userId] })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => attendee.post(`/api/events/${e.id}/feedback`, { rating: 1 + (i % 5) })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 201)) expectError(r, 409, 'conflict');
    const fb = (await (await board()).get(`/api/events/${e.id}/feedback`)).body;
    expect(fb.summary.count).toBe(1);
  });
});

describe('series', () => {
  it('shows the parts with her progress and records her completion when she attends every part', async () => {
    const b = await board();
    const m = await member();
    const series = await b.post('/api/series', { title: 'Leadership and vision', description: 'Four parts', parts: 2 });
    expect(series.status).toBe(201);
    expectError(await b.post('/api/series', { title: '', parts: 2 }), 400, 'validation_failed');
    expectError(await b.post('/api/events', webinar({ seriesId: series.body.id, part: 3 })), 400, 'validation_failed');
    const p1 = await create({ seriesId: series.body.id, part: 1, startsAt: at(DAY), endsAt: at(DAY + HOUR) });
    const p2 = await create({ seriesId: series.body.id, part: 2, startsAt: at(2 * DAY), endsAt: at(2 * DAY + HOUR) });
    expect((await m.get(`/api/events/${p2.id}`)).body).toMatchObject({ part: 2, seriesParts: 2, seriesId: series.body.id });
    await m.post(`/api/events/${p1.id}/registration`);
    await m.post(`/api/events/${p2.id}/registration`);
    expect((await m.get('/api/series')).body.items.map((s: { id: string }) => s.id)).toContain(series.body.id);

    moveClockTo(at(3 * DAY));
    await b.post(`/api/events/${p1.id}/attendance`, { memberIds: [m.userId] });
    let detail = (await m.get(`/api/series/${series.body.id}`)).body;
    expect(detail.progress).toEqual({ attended: 1, parts: 2 });
    expect(detail.completedAt).toBeNull();
    expect(detail.events.map((e: { id: string }) => e.id)).toEqual([p1.id, p2.id]);
    await b.post(`/api/events/${p2.id}/attendance`, { memberIds: [m.userId] });
    detail = (await m.get(`/api/series/${series.body.id}`)).body;
    expect(detail.progress).toEqual({ attended: 2, parts: 2 });
    expect(detail.completedAt).toEqual(expect.any(String));
    expect(await notificationsOf(m)).toContainEqual(expect.objectContaining({ type: 'series.completed' }));

    await m.post(`/api/events/${p1.id}/feedback`, { rating: 5 });
    const fb = (await b.get(`/api/series/${series.body.id}/feedback`)).body;
    expect(fb.summary).toMatchObject({ count: 1, average: 5 });
    expect(fb.parts[0]).toMatchObject({ eventId: p1.id, attended: 1, registered: 1 });
    expectError(await m.get(`/api/series/${series.body.id}/feedback`), 403, 'forbidden');
    expectError(await m.get('/api/series/unknown'), 404, 'not_found');
  });
});

describe('a completed series on her profile', () => {
  /** A series of one part that `m` completes: the host marks her attended once it has started. */
  async function complete(m: Agent, title: string) {
    const b = await board();
    const series = await b.post('/api/series', { title, parts: 1 });
    const p1 = await create({ seriesId: series.body.id, part: 1, startsAt: at(DAY), endsAt: at(DAY + HOUR) });
    await m.post(`/api/events/${p1.id}/registration`);
    moveClockTo(at(2 * DAY));
    await b.post(`/api/events/${p1.id}/attendance`, { memberIds: [m.userId] });
    clock.now = realNow;
    return series.body.id as string;
  }
  /** Her profile as an active member saves it (the statement is the application's, fixed once approved). */
  const edited = (visibility: Record<string, string>, version: number) => {
    const { statement: _s, ...fields } = profile();
    return { ...fields, visibility, version };
  };
  const showProgramme = async (m: Agent, level: string) => {
    const own = (await m.get('/api/members/me')).body;
    const res = await m.put('/api/members/me', edited({ programme: level }, own.version));
    if (res.status !== 200) throw new Error(`visibility failed: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const completionsSeenBy = async (viewer: Agent, m: Agent) => (await viewer.get(`/api/members/${m.userId}`)).body.completions;

  it('shows her the completion on her own profile, and keeps it from members while she leaves it with the board', async () => {
    const [m, other] = await Promise.all([member(), member()]);
    const seriesId = await complete(m, 'Leading an investigation unit');
    const own = (await m.get('/api/members/me')).body;
    expect(own.completions).toEqual([{ seriesId, title: 'Leading an investigation unit', completedAt: expect.any(String) }]);
    expect(own.visibility.programme).toBe('board');
    expect((await m.get(`/api/members/${m.userId}`)).body.completions).toHaveLength(1);
    expect(await completionsSeenBy(other, m)).toBeUndefined();
    expect(await completionsSeenBy(await board(), m)).toEqual(own.completions);
  });

  it('records a completion once, however often her attendance is marked', async () => {
    const m = await member();
    const seriesId = await complete(m, 'Interviewing survivors');
    const b = await board();
    const part = (await m.get(`/api/series/${seriesId}`)).body.events[0].id as string;
    moveClockTo(at(2 * DAY));
    await b.post(`/api/events/${part}/attendance`, { memberIds: [m.userId], attended: false });
    await b.post(`/api/events/${part}/attendance`, { memberIds: [m.userId] });
    clock.now = realNow;
    expect((await m.get('/api/members/me')).body.completions).toHaveLength(1);
  });

  it('shows it to members when she chooses members, and to her mentorship partner alone when she chooses partners', async () => {
    const [m, other, partner] = await Promise.all([member(), member(), member()]);
    await complete(m, 'Financial investigations');
    await showProgramme(m, 'members');
    expect(await completionsSeenBy(other, m)).toEqual([expect.objectContaining({ title: 'Financial investigations' })]);

    // A partner link as an accepted mentorship writes it, both ways.
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({ ...keys.partner(m.userId, partner.userId, 'ms-test'), entity: 'partner', version: 1 }),
    });
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({ ...keys.partner(partner.userId, m.userId, 'ms-test'), entity: 'partner', version: 1 }),
    });
    await showProgramme(m, 'partners');
    expect(await completionsSeenBy(partner, m)).toHaveLength(1);
    expect(await completionsSeenBy(other, m)).toBeUndefined();

    await showProgramme(m, 'board');
    expect(await completionsSeenBy(partner, m)).toBeUndefined();
    expect(await completionsSeenBy(other, m)).toBeUndefined();
    expect(await completionsSeenBy(await board(), m)).toHaveLength(1);
  });

  it('reads and saves a profile stored before the programme visibility existed, keeping it with the board', async () => {
    const [m, other] = await Promise.all([member(), member()]);
    await complete(m, 'Border interviews');
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.member(m.userId)),
      UpdateExpression: 'REMOVE visibility.programme',
    });
    const own = (await m.get('/api/members/me')).body;
    expect(own.visibility.programme).toBe('board');
    expect(await completionsSeenBy(other, m)).toBeUndefined();
    const saved = await m.put('/api/members/me', edited({ bio: 'members' }, own.version));
    expect(saved.status).toBe(200);
    expect(saved.body.visibility.programme).toBe('board');
    expect(saved.body.completions).toHaveLength(1);
    expect(await completionsSeenBy(other, m)).toBeUndefined();
  });
});

describe('her agenda', () => {
  it('lists her events and the meetings agreed in her mentorships, by start, and nobody else’s', async () => {
    const [m, other] = await Promise.all([member(), member()]);
    const e = await create({ startsAt: at(2 * DAY), endsAt: at(2 * DAY + HOUR) });
    await m.post(`/api/events/${e.id}/registration`);
    const meeting = { startsAt: at(DAY), endsAt: at(DAY + HOUR) };
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.agendaItem(m.userId, meeting.startsAt, 'meeting', 'M1'),
        entity: 'agenda',
        version: 1,
        kind: 'meeting',
        refId: 'M1',
        ...meeting,
      }),
    });
    const res = await m.get('/api/agenda');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { kind: 'meeting', refId: 'M1', ...meeting, title: null, link: '/mentorships/M1' },
      {
        kind: 'event',
        refId: e.id,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        title: 'Leading an investigation team',
        link: `/events/${e.id}`,
      },
    ]);
    expect((await m.get(`/api/agenda?from=${encodeURIComponent(at(DAY + 2 * HOUR))}`)).body.items).toHaveLength(1);
    expect((await other.get('/api/agenda')).body.items).toEqual([]);
    expectError(await m.get('/api/agenda?from=yesterday'), 400, 'validation_failed');
  });
});

describe('her data', () => {
  it('exports her registrations, attendance and feedback; erasure frees her place for the waiting list and keeps her feedback unnamed', async () => {
    const [leaving, waiting] = await Promise.all([member(), member()]);
    const past = await create({ startsAt: at(HOUR), endsAt: at(2 * HOUR) });
    const upcoming = await create({ capacity: 1, startsAt: at(5 * DAY), endsAt: at(5 * DAY + HOUR) });
    await leaving.post(`/api/events/${past.id}/registration`);
    await leaving.post(`/api/events/${upcoming.id}/registration`);
    await waiting.post(`/api/events/${upcoming.id}/registration`);
    moveClockTo(at(3 * HOUR));
    await (await board()).post(`/api/events/${past.id}/attendance`, { memberIds: [leaving.userId] });
    await leaving.post(`/api/events/${past.id}/feedback`, { rating: 3, comment: 'Too short.' });

    const exported = (await leaving.get('/api/members/me/export')).body.events;
    expect(exported.registrations.map((r: { eventId: string; state: string }) => [r.eventId, r.state]).sort()).toEqual(
      [
        [past.id, 'attended'],
        [upcoming.id, 'registered'],
      ].sort(),
    );
    expect(exported.feedback).toEqual([expect.objectContaining({ eventId: past.id, rating: 3, comment: 'Too short.' })]);
    clock.now = realNow;

    expect((await leaving.del('/api/members/me')).status).toBe(202);
    expect((await waiting.get(`/api/events/${upcoming.id}`)).body).toMatchObject({
      myRegistration: 'registered',
      registered: 1,
      waitlisted: 0,
    });
    const b = await board();
    const rows = (await b.get(`/api/events/${past.id}/registrations`)).body.items;
    expect(rows.map((r: { memberId: string }) => r.memberId)).not.toContain(leaving.userId);
    const fb = (await b.get(`/api/events/${past.id}/feedback`)).body;
    expect(fb.items).toEqual([{ rating: 3, comment: 'Too short.', at: expect.any(String) }]);
    const named = await db.getItem({ TableName: TABLE, Key: toAttr(keys.eventFeedback(past.id, leaving.userId)) });
    expect(named.Item).toBeUndefined();
  });
});

describe('the programme across the turn of a year', () => {
  it('lists and pages upcoming events across two years, and past ones back across the turn', async () => {
    const language = ownLanguage();
    const year = new Date().getUTCFullYear() + 1;
    moveClockTo(`${year}-12-20T09:00:00.000Z`);
    const m = await member();
    const made: string[] = [];
    for (const day of [`${year}-12-28`, `${year + 1}-01-03`, `${year + 1}-03-10`]) {
      made.push((await create({ languages: [language], startsAt: `${day}T10:00:00.000Z`, endsAt: `${day}T11:00:00.000Z` })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await m.get(`/api/events?language=${language}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 5);
    expect(seen).toEqual(made);
    moveClockTo(`${year + 1}-06-01T09:00:00.000Z`);
    const past = await m.get(`/api/events?language=${language}&to=${encodeURIComponent(`${year + 1}-06-01T09:00:00.000Z`)}`);
    expect(past.body.items.map((i: { id: string }) => i.id)).toEqual([...made].reverse());
  });

  it('lists an event stored in a monthly partition once scripts/backfill-event-years.ts has moved it', async () => {
    const language = ownLanguage();
    const m = await member();
    const event = await create({ languages: [language] });
    const month = event.startsAt.slice(0, 7);
    // The shape events were stored in before yearly partitions.
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.event(event.id)),
      UpdateExpression: 'SET gsi1pk = :month',
      ExpressionAttributeValues: toAttr({ ':month': `EVENTS#${month}` }),
    });
    const ids = async () => (await m.get(`/api/events?language=${language}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids()).toEqual([]);
    expect(await backfillEventYears(month)).toBeGreaterThanOrEqual(1);
    expect(await ids()).toEqual([event.id]);
    // A second run finds nothing left to move in that month.
    expect(await backfillEventYears(month)).toBe(0);
  });
});
