import { describe, expect, it } from 'vitest';
import { TABLE, fromAttr, queryAll, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { metaApi } from '../../functions/meta/api';
import type { ProfileInput } from '../../shared/schemas';
import { Agent, anotherBoardMember, applicant, board, expectError, member, profile, signedInAgent } from '../helpers';

/** Every item left in a member's partition, read straight from the table. */
async function partitionOf(memberId: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk }),
    ConsistentRead: true,
  });
  return items.map((i) => fromAttr(i));
}

const mentoring = (offer: boolean): ProfileInput['mentoring'] => ({
  offering: { active: offer, capacity: offer ? 2 : 0, topics: offer ? ['investigation'] : [], languages: offer ? ['en'] : [] },
  seeking: {
    active: !offer,
    topics: offer ? [] : ['investigation'],
    goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
    sameCountryOnly: false,
    outsideOrganizationOnly: false,
  },
});

describe('the first profile save (the application)', () => {
  it('creates the profile with status pending and discretion-first visibility', async () => {
    const a = await signedInAgent();
    const res = await a.put('/api/members/me', profile());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: a.userId, status: 'pending', version: 1, kind: 'practitioner' });
    expect(res.body.visibility).toMatchObject({ organization: 'board', jobTitle: 'board', country: 'board', bio: 'members' });
    const me = await a.get('/api/me');
    expect(me.body).toMatchObject({ id: a.userId, email: a.email, status: 'pending', roles: ['practitioner'] });
  });

  it('answers /api/me with status pending and no profile before the first save', async () => {
    const a = await signedInAgent();
    const me = await a.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ status: 'pending', profile: null, roles: [] });
  });

  it('requires displayName, kind, country and statement, each detail coded required', async () => {
    const a = await signedInAgent();
    const res = await a.put('/api/members/me', { displayName: 'Only a name' });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['country', 'kind', 'statement']);
    for (const d of res.body.error.details) expect(d.code).toBe('required');
  });

  it.each([
    ['status', 'active'],
    ['roles', ['board']],
    ['id', 'someone-else'],
  ])('refuses to set %s through the profile (mass assignment)', async (field, value) => {
    const a = await signedInAgent();
    const res = await a.put('/api/members/me', { ...profile(), [field]: value });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([{ path: field, code: 'read_only', message: expect.any(String) }]);
    expect((await a.get('/api/me')).body.profile).toBeNull();
  });

  it('refuses bad values: unknown country, expertise, language tag, timezone, over-long name, each with its detail code', async () => {
    const a = await signedInAgent();
    for (const [bad, path, code] of [
      [{ country: 'XX' }, 'country', 'invalid_country'],
      [{ expertise: ['astrology'] }, 'expertise.0', 'invalid_enum'],
      [{ expertise: ['investigation', 'investigation'] }, 'expertise', 'duplicate_items'],
      [{ languages: ['not a tag!'] }, 'languages.0', 'invalid_language'],
      [{ timezone: 'Mars/Olympus' }, 'timezone', 'invalid_time_zone'],
      [{ displayName: 'x'.repeat(61) }, 'displayName', 'too_long'],
      [{ displayName: '\u202E\u200F ' }, 'displayName', 'too_short'],
      [{ visibility: { country: 'everyone' } }, 'visibility.country', 'invalid_enum'],
      [{ bio: 42 }, 'bio', 'invalid_type'],
    ] as const) {
      const res = await a.put('/api/members/me', profile(bad as never));
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ path, code, message: expect.any(String) }));
    }
  });

  it('accepts canonical IANA time zones only: no alias, no retired name', async () => {
    const a = await signedInAgent();
    for (const timezone of ['Asia/Calcutta', 'US/Eastern', 'Etc/GMT+5', 'asia/kolkata', 'Europe/Kiev']) {
      const res = await a.put('/api/members/me', profile({ timezone }));
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.details).toEqual([
        { path: 'timezone', code: 'invalid_time_zone', message: expect.stringMatching(/canonical IANA time zone/) },
      ]);
    }
    const ok = await a.put('/api/members/me', profile({ timezone: 'Asia/Kolkata' }));
    expect(ok.status).toBe(200);
    const again = await a.put('/api/members/me', { ...profile({ timezone: 'UTC' }), statement: undefined, version: ok.body.version });
    expect(again.body.timezone).toBe('UTC');
  });

  it('keeps names in any script, NFC-normalised, with bidi controls stripped', async () => {
    const a = await signedInAgent();
    const decomposed = 'Zarghu\u0301na'; // u + combining acute
    const res = await a.put('/api/members/me', profile({ displayName: `\u202Bفاطمہ\u202C ${decomposed}` }));
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('فاطمہ Zarghúna'.normalize('NFC'));
    expect(res.body.displayName).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
  });
});

describe('names and text that cannot be shown', () => {
  it('refuses a lone surrogate in the name or in any other text with a clear 400', async () => {
    const a = await signedInAgent();
    const name = await a.put('/api/members/me', profile({ displayName: 'Sana \uD800' }));
    expectError(name, 400, 'validation_failed');
    expect(name.body.error.message).toMatch(/broken character/);
    const bio = await a.put('/api/members/me', profile({ bio: 'Fine \uDC00 words' }));
    expectError(bio, 400, 'validation_failed');
    expect(bio.body.error.details).toEqual([{ path: 'bio', code: 'lone_surrogate', message: expect.any(String) }]);
    expect((await a.get('/api/me')).body.profile).toBeNull();
  });

  it('refuses a name made only of invisible characters, and keeps the joiners Persian names need', async () => {
    const a = await signedInAgent();
    for (const invisible of ['\u200B\u200B', '\u200C', '\u200D \u200C', '\u3164', '\u2800\u2800', '\u00AD', '\uFE0F', '\u0301']) {
      const res = await a.put('/api/members/me', profile({ displayName: invisible }));
      expectError(res, 400, 'validation_failed');
      const details = res.body.error.details as { path: string; code: string; message: string }[];
      expect(details.length).toBeGreaterThan(0);
      for (const d of details)
        expect(d).toEqual({
          path: 'displayName',
          code: expect.stringMatching(/^(too_short|no_visible_character)$/),
          params: d.code === 'too_short' ? { minimum: 1 } : undefined,
          message: expect.stringMatching(/Enter a name|visible/),
        });
    }
    const persian = 'مهر\u200Cناز';
    const ok = await a.put('/api/members/me', profile({ displayName: `${persian}\u200B` }));
    expect(ok.status).toBe(200);
    expect(ok.body.displayName).toBe(persian);
  });

  it('refuses a name that reads the same as a board member’s, however it is styled, to applicants and members alike', async () => {
    const tag = `${Date.now()}`.slice(-6);
    const boardMember = await anotherBoardMember();
    const mine = (await boardMember.get('/api/members/me')).body;
    const { statement: _s, ...rest } = profile();
    const named = await boardMember.put('/api/members/me', {
      ...rest,
      kind: mine.kind,
      displayName: `Zainab Qureshi ${tag}`,
      version: mine.version,
    });
    expect(named.status).toBe(200);
    // Her own name stays hers on a later save.
    expect(
      (await boardMember.put('/api/members/me', { ...rest, displayName: `Zainab Qureshi ${tag}`, version: named.body.version })).status,
    ).toBe(200);

    const lookalikes = [
      `zainab qureshi ${tag}`,
      `ＺＡＩＮＡＢ ＱＵＲＥＳＨＩ ${tag}`,
      `Zai\u200Bnab  Qure-shi ${tag}`,
      `Zainab.Qureshi${tag}`,
    ];
    const a = await signedInAgent();
    for (const displayName of lookalikes) {
      const res = await a.put('/api/members/me', profile({ displayName }));
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.details).toEqual([{ path: 'displayName', code: 'reserved_name', message: 'Reserved for a board member.' }]);
    }
    expect((await a.get('/api/me')).body.profile).toBeNull();

    const m = await member();
    const { version } = (await m.get('/api/members/me')).body;
    expectError(await m.put('/api/members/me', { ...rest, displayName: lookalikes[1], version }), 400, 'validation_failed');
    expect((await m.get('/api/members/me')).body.displayName).toBe('Test Member');
    // Another board member cannot take it either.
    const colleague = await anotherBoardMember();
    const theirs = (await colleague.get('/api/members/me')).body;
    expectError(
      await colleague.put('/api/members/me', { ...rest, displayName: lookalikes[0], version: theirs.version }),
      400,
      'validation_failed',
    );

    // Once she renames herself, her old name is free.
    expect(
      (await boardMember.put('/api/members/me', { ...rest, displayName: `Zainab Q. ${tag}`, version: named.body.version + 1 })).status,
    ).toBe(200);
    expect((await m.put('/api/members/me', { ...rest, displayName: lookalikes[0], version })).status).toBe(200);
  });

  it('gives a name to exactly one of several board members choosing it at the same moment', async () => {
    const tag = `${Date.now()}`.slice(-6);
    const boardMembers = await Promise.all([anotherBoardMember(), anotherBoardMember(), anotherBoardMember(), anotherBoardMember()]);
    const { statement: _s, ...rest } = profile();
    const versions = await Promise.all(boardMembers.map(async (x) => (await x.get('/api/members/me')).body.version));
    const answers = await Promise.all(
      boardMembers.map((x, i) => x.put('/api/members/me', { ...rest, displayName: `Farida Noori ${tag}`, version: versions[i] })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400, 400, 400]);
    const late = await signedInAgent();
    expectError(await late.put('/api/members/me', profile({ displayName: `farida noori ${tag}` })), 400, 'validation_failed');
  });
});

describe('editing the profile', () => {
  it('replaces the fields at the stored version and refuses a stale version with 409', async () => {
    const a = await applicant();
    const first = (await a.get('/api/members/me')).body;
    const ok = await a.put('/api/members/me', { ...profile({ bio: 'Updated' }), statement: undefined, version: first.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ bio: 'Updated', version: first.version + 1 });
    expectError(
      await a.put('/api/members/me', { ...profile({ bio: 'Lost write' }), statement: undefined, version: first.version }),
      409,
      'conflict',
    );
    expect((await a.get('/api/members/me')).body.bio).toBe('Updated');
  });

  it('needs a version after the first save and never changes kind', async () => {
    const a = await member();
    const { version } = (await a.get('/api/members/me')).body;
    const { statement: _s, ...rest } = profile();
    expectError(await a.put('/api/members/me', rest), 400, 'validation_failed');
    expectError(await a.put('/api/members/me', { ...rest, kind: 'champion', version }), 400, 'validation_failed');
    expectError(await a.put('/api/members/me', { ...rest, statement: 'New statement', version }), 400, 'validation_failed');
  });
});

describe('who sees what', () => {
  it('keeps a pending applicant out of the directory and member pages (403)', async () => {
    const a = await applicant();
    const other = await member();
    expectError(await a.get('/api/members'), 403, 'forbidden');
    expectError(await a.get(`/api/members/${other.userId}`), 403, 'forbidden');
  });

  it('hides a pending or declined applicant from members (404) but shows her to the board', async () => {
    const pending = await applicant();
    const viewer = await member();
    expectError(await viewer.get(`/api/members/${pending.userId}`), 404, 'not_found');
    const b = await board();
    const seen = await b.get(`/api/members/${pending.userId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'pending', organization: 'Punjab Police', jobTitle: 'Inspector', country: 'PK' });
  });

  it('shows other members only the fields the owner opened to members', async () => {
    const owner = await member({ bio: 'Open bio' });
    const viewer = await member();
    const seen = (await viewer.get(`/api/members/${owner.userId}`)).body;
    expect(seen).toMatchObject({ id: owner.userId, displayName: 'Test Member', kind: 'practitioner', bio: 'Open bio' });
    expect(seen).not.toHaveProperty('organization');
    expect(seen).not.toHaveProperty('jobTitle');
    expect(seen).not.toHaveProperty('country');
    expect(seen).not.toHaveProperty('visibility');
    expect(seen).not.toHaveProperty('version');

    const { version } = (await owner.get('/api/members/me')).body;
    const { statement: _s, ...rest } = profile({ bio: 'Open bio' });
    await owner.put('/api/members/me', { ...rest, version, visibility: { organization: 'members', bio: 'board' } });
    const after = (await viewer.get(`/api/members/${owner.userId}`)).body;
    expect(after.organization).toBe('Punjab Police');
    expect(after).not.toHaveProperty('bio');
    expect(after).not.toHaveProperty('country');
  });

  it.each([
    ['bio', { bio: 'Only for the board' }],
    ['expertise', { expertise: ['prosecution'] }],
    ['languages', { languages: ['ps'] }],
    ['timezone', { timezone: 'Asia/Kabul' }],
    ['goals', { goals: { shortTerm: 'Board-only goal', mediumTerm: '', longTerm: '' } }],
    ['mentoring', { mentoring: mentoring(true) }],
  ] as const)('hides %s from members once its owner sets it to board, and still shows it to the board', async (field, value) => {
    const owner = await member(value as Partial<ProfileInput>);
    const viewer = await member();
    expect((await viewer.get(`/api/members/${owner.userId}`)).body).toHaveProperty(field);
    const { version } = (await owner.get('/api/members/me')).body;
    const { statement: _s, ...rest } = profile(value as Partial<ProfileInput>);
    const saved = await owner.put('/api/members/me', { ...rest, version, visibility: { [field]: 'board' } });
    expect(saved.status).toBe(200);
    const seen = (await viewer.get(`/api/members/${owner.userId}`)).body;
    expect(seen).toMatchObject({ id: owner.userId, displayName: 'Test Member' });
    expect(seen).not.toHaveProperty(field);
    const b = await board();
    expect((await b.get(`/api/members/${owner.userId}`)).body).toHaveProperty(field);
  });

  it('answers an unknown or malformed member id with 404', async () => {
    const viewer = await member();
    expectError(await viewer.get('/api/members/00000000-0000-0000-0000-000000000000'), 404, 'not_found');
    expectError(await viewer.get('/api/members/not%23a%23key'), 404, 'not_found');
  });

  it('answers 401 without a session on every member route', async () => {
    const anon = new Agent();
    for (const [m, p] of [
      ['GET', '/api/members'],
      ['GET', '/api/members/me'],
      ['PUT', '/api/members/me'],
      ['GET', '/api/members/x'],
      ['PUT', '/api/members/me/blocks/x'],
      ['GET', '/api/members/me/export'],
      ['DELETE', '/api/members/me'],
    ] as const) {
      expectError(await anon.req(m, p, m === 'PUT' && p === '/api/members/me' ? profile() : undefined), 401, 'unauthenticated');
    }
  });
});

describe('the directory', () => {
  it('shows a member her own card as other members see it', async () => {
    const tag = `S${Date.now()}`;
    const self = await member({ displayName: `${tag} Self`, expertise: ['training'] });
    const items = (await self.get('/api/members?expertise=training&limit=50')).body.items as { id: string }[];
    const own = items.find((m) => m.id === self.userId);
    expect(own).toBeDefined();
    expect(own).not.toHaveProperty('organization');
    expect(own).not.toHaveProperty('country');
  });

  it('filters by expertise, country, language and kind, hiding fields and facets not opened to members', async () => {
    const tag = `T${Date.now()}`;
    const open = await member({
      displayName: `${tag} Open`,
      country: 'NP',
      expertise: ['labour_inspection'],
      languages: ['ne'],
      visibility: { country: 'members' },
    });
    const discreet = await member({
      displayName: `${tag} Discreet`,
      country: 'NP',
      expertise: ['labour_inspection'],
      languages: ['ne'],
      kind: 'champion',
    });
    const viewer = await member();

    const all = async (query: string, who = viewer) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await who.get(`/api/members?${query}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        ids.push(...res.body.items.map((m: { id: string }) => m.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      return ids;
    };

    const byExpertise = await all('expertise=labour_inspection');
    expect(byExpertise).toEqual(expect.arrayContaining([open.userId, discreet.userId]));
    const byCountry = await all('country=NP');
    expect(byCountry).toContain(open.userId);
    expect(byCountry).not.toContain(discreet.userId); // her country is for the board only
    expect(await all('country=NP&expertise=labour_inspection')).toEqual(expect.arrayContaining([open.userId]));
    expect(await all('country=NP&expertise=labour_inspection')).not.toContain(discreet.userId);
    expect(await all('kind=champion&language=ne')).toContain(discreet.userId);
    expect(await all('kind=champion&language=ne')).not.toContain(open.userId);

    const b = await board();
    expect(await all('country=NP', b)).toEqual(expect.arrayContaining([open.userId, discreet.userId]));
  });

  it('pages with an opaque cursor and refuses a tampered one or a bad limit with 400', async () => {
    const viewer = await member();
    await member();
    const first = await viewer.get('/api/members?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await viewer.get(`/api/members?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const tampered = `${first.body.nextCursor.slice(0, -3)}abc`;
    expectError(await viewer.get(`/api/members?limit=1&cursor=${encodeURIComponent(tampered)}`), 400, 'validation_failed');
    // A cursor from another filter or another caller is refused too.
    expectError(
      await viewer.get(`/api/members?limit=1&kind=champion&cursor=${encodeURIComponent(first.body.nextCursor)}`),
      400,
      'validation_failed',
    );
    const other = await member();
    expectError(await other.get(`/api/members?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`), 400, 'validation_failed');
    for (const limit of ['0', '51', 'ten']) expectError(await viewer.get(`/api/members?limit=${limit}`), 400, 'validation_failed');
    expectError(await viewer.get('/api/members?kind=board'), 400, 'validation_failed');
    expectError(await viewer.get('/api/members?colour=blue'), 400, 'validation_failed');
  });
});

describe('blocking', () => {
  it('hides both members from each other, both ways, and stays invisible to the blocked member', async () => {
    const tag = `B${Date.now()}`;
    const blocker = await member({ displayName: `${tag} Blocker` });
    const blocked = await member({ displayName: `${tag} Blocked` });
    expect((await blocker.put(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);

    expectError(await blocked.get(`/api/members/${blocker.userId}`), 404, 'not_found');
    expectError(await blocker.get(`/api/members/${blocked.userId}`), 404, 'not_found');
    // Every page of the directory, so the check does not depend on where the names sort.
    const names = async (who: Agent) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await who.get(`/api/members?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        out.push(...res.body.items.map((m: { displayName: string }) => m.displayName));
        cursor = res.body.nextCursor;
      } while (cursor);
      return out;
    };
    // Each sees the other in the directory before the block, so the absence below means something.
    expect((await blocker.del(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);
    expect(await names(blocked)).toContain(`${tag} Blocker`);
    expect(await names(blocker)).toContain(`${tag} Blocked`);
    expect((await blocker.put(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);
    expect(await names(blocked)).not.toContain(`${tag} Blocker`);
    expect(await names(blocker)).not.toContain(`${tag} Blocked`);

    const blockedExport = (await blocked.get('/api/members/me/export')).body;
    expect(JSON.stringify(blockedExport)).not.toContain(blocker.userId);
    expect((await blocker.get('/api/members/me/export')).body.blocks).toEqual([expect.objectContaining({ memberId: blocked.userId })]);
    const list = await blocker.get('/api/members/me/blocks');
    expect(list.body).toEqual({
      items: [{ memberId: blocked.userId, displayName: `${tag} Blocked`, at: expect.any(String) }],
      nextCursor: null,
    });
    expect((await blocked.get('/api/members/me/blocks')).body.items).toEqual([]);

    expect((await blocker.del(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);
    expect((await blocked.get(`/api/members/${blocker.userId}`)).status).toBe(200);
  });

  it('refuses to block oneself (400), an unknown member (404), and lets no pending applicant block (403)', async () => {
    const a = await member();
    expectError(await a.put(`/api/members/me/blocks/${a.userId}`), 400, 'validation_failed');
    expectError(await a.put('/api/members/me/blocks/00000000-0000-0000-0000-000000000000'), 404, 'not_found');
    const pending = await applicant();
    expectError(await pending.put(`/api/members/me/blocks/${a.userId}`), 403, 'forbidden');
  });
});

describe('export and erasure', () => {
  it('exports everything the member owns', async () => {
    const a = await member({ bio: 'My own words' });
    const res = await a.get('/api/members/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    expect(res.body.account).toEqual({ id: a.userId, email: a.email });
    expect(res.body.profile).toMatchObject({ bio: 'My own words', statement: profile().statement, status: 'active' });
    expect(res.body.notifications.some((n: { type: string }) => n.type === 'application.approve')).toBe(true);
    expect(res.body.sanctions).toEqual([]);
    // Her signed-in devices, by when they signed in: the session ids that could act as her are not in it.
    expect(res.body.sessions).toEqual([{ startedAt: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain(a.cookies.get('cn_sid')?.split('.')[1] ?? 'no session');
  });

  it('exports the sanctions about her with the board’s reasons, not who decided', async () => {
    const a = await member();
    const b = await board();
    await b.post(`/api/moderation/members/${a.userId}/sanctions`, { type: 'warn', reason: 'Keep victims’ names out.' });
    const out = (await a.get('/api/members/me/export')).body;
    expect(out.sanctions).toEqual([{ type: 'warn', reason: 'Keep victims’ names out.', at: expect.any(String) }]);
    expect(JSON.stringify(out.sanctions)).not.toContain(b.userId);
  });

  it('names no other member in the export: not the board member who decided or sanctioned, not the other side of a mentorship', async () => {
    const decider = await anotherBoardMember();
    const a = await applicant({ mentoring: mentoring(false) });
    expect((await decider.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' })).status).toBe(200);
    const sanctioner = await anotherBoardMember();
    expect((await sanctioner.post(`/api/moderation/members/${a.userId}/sanctions`, { type: 'warn', reason: 'Mind names.' })).status).toBe(
      201,
    );
    const mentor = await member({ kind: 'champion', mentoring: mentoring(true) });
    const ask = await a.post('/api/mentorships', {
      mentorId: mentor.userId,
      message: 'Mentor me?',
      goals: { shortTerm: 'x', mediumTerm: '', longTerm: '' },
    });
    expect(ask.status).toBe(201);
    expect((await mentor.post(`/api/mentorships/${ask.body.id}/accept`)).status).toBe(200);
    const checkIn = { date: '2026-11-20', notes: 'Met.', nextSteps: '' };
    expect((await mentor.post(`/api/mentorships/${ask.body.id}/check-ins`, checkIn)).status).toBe(201);
    expect((await a.post(`/api/mentorships/${ask.body.id}/complete`)).status).toBe(200);
    expect((await mentor.post(`/api/mentorships/${ask.body.id}/feedback`, { rating: 4, text: '' })).status).toBe(201);
    const blocked = await member();
    expect((await a.put(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);

    const out = (await a.get('/api/members/me/export')).body;
    expect(out.profile).toMatchObject({ status: 'active', decidedAt: expect.any(String) });
    expect(out.profile).not.toHaveProperty('decidedBy');
    expect(out.mentorships).toEqual([expect.objectContaining({ id: ask.body.id, role: 'mentee', state: 'completed' })]);
    // Her mentorships say which side she was on; the other side is not named. The one other id
    // she holds is whom she blocked: her own decision, listed so that she can undo it.
    const { blocks, ...rest } = out;
    expect(blocks).toEqual([expect.objectContaining({ memberId: blocked.userId })]);
    const text = JSON.stringify(rest);
    for (const other of [decider, sanctioner, await board(), mentor, blocked]) expect(text).not.toContain(other.userId);
  });

  it('erases everything in her partition: profile, notifications, sessions, blocks, sanctions, mentorship counters', async () => {
    const a = await member({ mentoring: mentoring(false) });
    const mentor = await member({ kind: 'champion', mentoring: mentoring(true) });
    const other = await member();
    const ask = await a.post('/api/mentorships', {
      mentorId: mentor.userId,
      message: 'Mentor me?',
      goals: { shortTerm: 'x', mediumTerm: '', longTerm: '' },
    });
    expect((await mentor.post(`/api/mentorships/${ask.body.id}/accept`)).status).toBe(200);
    expect((await a.put(`/api/members/me/blocks/${other.userId}`)).status).toBe(204);
    expect((await other.put(`/api/members/me/blocks/${a.userId}`)).status).toBe(204);
    const b = await board();
    await b.post(`/api/moderation/members/${a.userId}/sanctions`, { type: 'warn', reason: 'Mind names.' });
    const second = new Agent();
    second.email = a.email;
    expect((await second.post('/api/auth/sign-in', { email: a.email, password: 'a long and unusual passphrase 42' })).status).toBe(200);
    const before = (await partitionOf(a.userId)).map((i) => String(i.entity));
    expect(before).toEqual(expect.arrayContaining(['member', 'notification', 'session', 'sanction']));

    expect((await a.del('/api/members/me')).status).toBe(202);
    expect(await partitionOf(a.userId)).toEqual([]);
    // Her side of the blocks she was in is gone from the other member's partition too.
    expect((await partitionOf(other.userId)).filter((i) => String(i.sk).includes(a.userId))).toEqual([]);
  });

  it('erases the account: 202, the profile disappears and the credentials stop working', async () => {
    const a = await member();
    const viewer = await member();
    expect((await a.del('/api/members/me')).status).toBe(202);
    expectError(await viewer.get(`/api/members/${a.userId}`), 404, 'not_found');
    const again = await new Agent().post('/api/auth/sign-in', { email: a.email, password: 'a long and unusual passphrase 42' });
    expectError(again, 401, 'unauthenticated');
    const b = await board();
    expectError(await b.get(`/api/members/${a.userId}`), 404, 'not_found');
  });
});

describe('answers behind a session', () => {
  it('are never stored by a cache and refuse browser features, errors and 404s included', async () => {
    const a = await member();
    const b = await board();
    const spaces = (await a.get('/api/spaces')).body.items as { id: string }[];
    const threads = spaces.length ? `/api/spaces/${spaces[0]?.id}/threads` : '/api/spaces';
    const answers = [
      await a.get('/api/me'),
      await a.get('/api/members/me'),
      await a.get('/api/members/me/export'),
      await a.get('/api/members'),
      await a.get(`/api/members/${b.userId}`),
      await a.get('/api/notifications'),
      await a.get('/api/mentorships?as=mentee'),
      await a.get(threads),
      await b.get('/api/board/applications?status=pending'),
      await new Agent().get('/api/me'),
      await a.get('/api/members/00000000-0000-0000-0000-000000000000'),
      await a.get('/api/no-such-thing'),
    ];
    for (const res of answers) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )microphone=\(\)/);
      expect(res.headers.get('permissions-policy')).toMatch(/(^|, )geolocation=\(\)/);
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 401, 404, 404]);
  });

  it('leave the reference data that is the same for everyone cacheable', async () => {
    const meta = await new Agent().get('/api/meta');
    expect(meta.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(meta.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('an /api path no function claims', () => {
  // In AWS, API Gateway sends `ANY /api/{proxy+}` to the meta function (tests/infra/app-stack.test.ts).
  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'])('answers %s from the meta function with the contract’s JSON 404', async (method) => {
    const res = await metaApi.request('http://127.0.0.1:3000/api/no-such-thing', { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });
});

describe('error codes an app can word in any language', () => {
  it('codes a missing field required, and a too long string too_long with its maximum', async () => {
    const a = await signedInAgent('codes-fields');
    const missing = await a.put('/api/members/me', { kind: 'practitioner', country: 'PK', statement: 'Mine.' });
    expect(missing.body.error.details).toEqual([{ path: 'displayName', code: 'required', message: expect.any(String) }]);
    const long = await a.put('/api/members/me', profile({ bio: 'x'.repeat(2001) }));
    expect(long.body.error.details).toEqual([{ path: 'bio', code: 'too_long', params: { maximum: 2000 }, message: expect.any(String) }]);
    const capacity = await a.put('/api/members/me', profile({ mentoring: { offering: { capacity: 11 } } as never }));
    expect(capacity.body.error.details).toEqual([
      { path: 'mentoring.offering.capacity', code: 'too_large', params: { maximum: 10, origin: 'number' }, message: expect.any(String) },
    ]);
  });

  it('codes an unknown field unknown_field, naming the fields in params', async () => {
    const a = await signedInAgent('codes-unknown');
    const res = await a.put('/api/members/me', { ...profile(), nickname: 'x', favourite: 1 });
    expect(res.body.error.details).toEqual([
      { path: 'json', code: 'unknown_field', params: { fields: ['nickname', 'favourite'] }, message: expect.stringMatching(/nickname/) },
    ]);
  });

  it('codes a bad email invalid_format with its format, malformed JSON invalid_json and a tampered cursor invalid_cursor', async () => {
    const email = await new Agent().post('/api/auth/sign-in', { email: 'not an address', password: 'x' });
    expect(email.body.error.details).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_format', params: { format: 'email' } }),
    ]);
    const a = await member({}, 'codes-json');
    const json = await a.req('PUT', '/api/members/me', '{"displayName": ');
    expectError(json, 400, 'validation_failed');
    expect(json.body.error.details).toEqual([expect.objectContaining({ code: 'invalid_json' })]);
    const cursor = await a.get('/api/members?cursor=forged');
    expect(cursor.body.error.details).toEqual([expect.objectContaining({ path: 'cursor', code: 'invalid_cursor' })]);
  });

  it('puts a conflict’s reason in the detail’s code, with an English sentence as its message', async () => {
    const a = await signedInAgent('codes-conflict');
    const first = await a.put('/api/members/me', profile());
    const { statement: _s, ...rest } = profile();
    const stale = await a.put('/api/members/me', { ...rest, version: first.body.version + 3 });
    expectError(stale, 409, 'conflict');
    expect(stale.body.error.details).toEqual([{ path: '', code: 'stale_version', message: expect.stringMatching(/changed/) }]);
  });

  it('says why a pending applicant may not use a member route: membership_not_active', async () => {
    const a = await applicant({}, 'codes-pending');
    const res = await a.get('/api/members');
    expectError(res, 403, 'forbidden');
    expect(res.body.error.details).toEqual([{ path: '', code: 'membership_not_active', message: expect.any(String) }]);
  });
});
