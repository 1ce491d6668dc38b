import { describe, expect, it } from 'vitest';
import { getFile } from '../../functions/files/repository';
import { deleteOwnerFiles, listFiles } from '../../functions/files/service';
import { inspect, presignUpload } from '../../functions/files/storage';
import { ulid } from '../../functions/lib/ids';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { type Agent, board, expectError, member } from '../helpers';

/*
 * Attachments through the routes, against the real local S3 (s3rver) started with the other
 * services: an event's materials are the file store's first owner.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
const HTML = new TextEncoder().encode('<!doctype html><html><body><script>alert(1)</script></body></html>\n');
const CSV = new TextEncoder().encode('country,cases\nNP,12\nPK,30\n');

type Upload = { fileId: string; upload: { url: string; fields: Record<string, string> } };

async function createEvent(overrides: Record<string, unknown> = {}) {
  const b = await board();
  const res = await b.post('/api/events', {
    kind: 'webinar',
    title: 'Interviewing survivors',
    description: 'Trauma-informed interviews.',
    startsAt: at(3 * DAY),
    endsAt: at(3 * DAY + 2 * HOUR),
    languages: ['en'],
    capacity: 20,
    joinUrl: 'https://meet.example.org/room-7',
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { b, id: res.body.id as string };
}

/** The browser's part: the presigned form, then the file, straight to the bucket. */
async function sendToBucket(u: Upload, bytes: Uint8Array, type: string): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(u.upload.fields)) form.append(k, v);
  form.append('file', new Blob([Buffer.from(bytes)], { type }), 'upload');
  const res = await fetch(u.upload.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

async function attach(a: Agent, eventId: string, bytes: Uint8Array, type: string, name = 'guide.pdf', declared = bytes.length) {
  const asked = await a.post(`/api/events/${eventId}/files`, { name, type, size: declared });
  expect(asked.status).toBe(201);
  const u = asked.body as Upload;
  expect(await sendToBucket(u, bytes, type)).toBeLessThan(300);
  return { fileId: u.fileId, done: await a.post(`/api/events/${eventId}/files/${u.fileId}/complete`) };
}

describe('attaching files to an event', () => {
  it('takes a real PDF from the board: checked, listed on the event, and downloadable by its audience as an attachment', async () => {
    const { b, id } = await createEvent();
    const asked = await b.post(`/api/events/${id}/files`, { name: 'رہنما اصول.pdf', type: 'application/pdf', size: PDF.length });
    expect(asked.status).toBe(201);
    const u = asked.body as Upload;
    // The key is random: neither the name nor the uploader's id is in it.
    expect(u.upload.fields.key).toMatch(/^files\/[0-9A-Z]{26}$/);
    expect(u.upload.fields.key).not.toContain(b.userId);
    expect(u.upload.fields['Content-Type']).toBe('application/pdf');
    expect(u.upload.fields.Policy).toEqual(expect.any(String));
    const policy = JSON.parse(Buffer.from(u.upload.fields.Policy ?? '', 'base64').toString('utf8')) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 10 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);

    // Not listed before it is checked.
    expect((await b.get(`/api/events/${id}`)).body.files).toEqual([]);
    expect(await sendToBucket(u, PDF, 'application/pdf')).toBeLessThan(300);
    const done = await b.post(`/api/events/${id}/files/${u.fileId}/complete`);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id: u.fileId, name: 'رہنما اصول.pdf', type: 'application/pdf', size: PDF.length });

    const m = await member();
    const seen = await m.get(`/api/events/${id}`);
    expect(seen.body.files).toEqual([{ id: u.fileId, name: 'رہنما اصول.pdf', type: 'application/pdf', size: PDF.length }]);

    const dl = await m.get(`/api/events/${id}/files/${u.fileId}`);
    expect(dl.status).toBe(302);
    const location = dl.headers.get('location') ?? '';
    const url = new URL(location);
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="_____ ____.pdf"; filename*=UTF-8''${encodeURIComponent('رہنما اصول.pdf')}`,
    );
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const got = await fetch(location);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
  });

  it('deletes an HTML page sent as a PDF and answers 400, and never lists or serves it', async () => {
    const { b, id } = await createEvent();
    const { fileId, done } = await attach(b, id, HTML, 'application/pdf', 'report.pdf');
    expectError(done, 400, 'validation_failed');
    expect(done.body.error.details[0].code).toBe('file_content_mismatch');
    expect((await b.get(`/api/events/${id}`)).body.files).toEqual([]);
    expectError(await b.get(`/api/events/${id}/files/${fileId}`), 404, 'not_found');
    // Checking again answers the same: it stays refused.
    expectError(await b.post(`/api/events/${id}/files/${fileId}/complete`), 400, 'validation_failed');
  });

  it('refuses a file whose size is not the one declared, and deletes it', async () => {
    const { b, id } = await createEvent();
    const { fileId, done } = await attach(b, id, PDF, 'application/pdf', 'short.pdf', PDF.length + 10);
    expectError(done, 400, 'validation_failed');
    expect(done.body.error.details[0].code).toBe('file_size_mismatch');
    expectError(await b.get(`/api/events/${id}/files/${fileId}`), 404, 'not_found');
  });

  it('accepts plain UTF-8 text as CSV and an image as PNG, but refuses a PNG declared as JPEG', async () => {
    const { b, id } = await createEvent();
    expect((await attach(b, id, CSV, 'text/csv', 'cases.csv')).done.status).toBe(200);
    expect((await attach(b, id, PNG, 'image/png', 'map.png')).done.status).toBe(200);
    const wrong = await attach(b, id, PNG, 'image/jpeg', 'map.jpg');
    expect(wrong.done.body.error.details[0].code).toBe('file_content_mismatch');
    const html = await attach(b, id, HTML, 'text/plain', 'page.txt');
    expect(html.done.body.error.details[0].code).toBe('file_content_mismatch');
    expect((await b.get(`/api/events/${id}`)).body.files.map((f: { name: string }) => f.name)).toEqual(['cases.csv', 'map.png']);
  });

  it('answers 400 before any upload for a type outside the list (HTML, SVG) or a size over 10 MiB', async () => {
    const { b, id } = await createEvent();
    for (const type of ['text/html', 'image/svg+xml', 'application/x-msdownload', 'application/octet-stream']) {
      const res = await b.post(`/api/events/${id}/files`, { name: 'x', type, size: 10 });
      expectError(res, 400, 'validation_failed');
      expect(res.body.error.details[0]).toMatchObject({ path: 'type', code: 'file_type_not_allowed' });
    }
    const big = await b.post(`/api/events/${id}/files`, { name: 'big.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 + 1 });
    expect(big.body.error.details[0]).toMatchObject({ path: 'size', code: 'file_too_large' });
    expectError(await b.post(`/api/events/${id}/files`, { name: 'x.pdf', type: 'application/pdf', size: 0 }), 400, 'validation_failed');
    expectError(await b.post(`/api/events/${id}/files`, { name: '', type: 'application/pdf', size: 5 }), 400, 'validation_failed');
    expectError(
      await b.post(`/api/events/${id}/files`, { name: 'x.pdf', type: 'application/pdf', size: 5, extra: 1 }),
      400,
      'validation_failed',
    );
  });

  it('answers 400 when completing before anything was uploaded, and keeps the file pending', async () => {
    const { b, id } = await createEvent();
    const asked = await b.post(`/api/events/${id}/files`, { name: 'later.pdf', type: 'application/pdf', size: PDF.length });
    const early = await b.post(`/api/events/${id}/files/${asked.body.fileId}/complete`);
    expect(early.body.error.details[0].code).toBe('file_not_uploaded');
    expect(await sendToBucket(asked.body as Upload, PDF, 'application/pdf')).toBeLessThan(300);
    expect((await b.post(`/api/events/${id}/files/${asked.body.fileId}/complete`)).status).toBe(200);
  });

  it('holds an event to five files when six are asked for at once', async () => {
    const { b, id } = await createEvent();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        b.post(`/api/events/${id}/files`, { name: `part-${i}.pdf`, type: 'application/pdf', size: PDF.length }),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(1);
    expectError(refused[0] as (typeof answers)[number], 409, 'conflict');
    expect(refused[0]?.body.error.details[0].code).toBe('too_many_files');
  });

  it('frees a slot when a file is removed or refused', async () => {
    const { b, id } = await createEvent();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await attach(b, id, PDF, 'application/pdf', `p${i}.pdf`)).fileId);
    const refused = await attach(b, id, HTML, 'application/pdf', 'bad.pdf');
    expect(refused.done.status).toBe(400);
    expect((await attach(b, id, PDF, 'application/pdf', 'p4.pdf')).done.status).toBe(200);
    expectError(await b.post(`/api/events/${id}/files`, { name: 'p5.pdf', type: 'application/pdf', size: 5 }), 409, 'conflict');
    expect((await b.del(`/api/events/${id}/files/${ids[0]}`)).status).toBe(204);
    expect((await b.post(`/api/events/${id}/files`, { name: 'p5.pdf', type: 'application/pdf', size: 5 })).status).toBe(201);
  });
});

describe('who may attach, download and remove', () => {
  it('refuses uploads from a member of the audience (403) and from a member outside it (404)', async () => {
    const { id } = await createEvent({ audience: { countries: ['NP'] } });
    const inside = await member({ country: 'NP' });
    const outside = await member({ country: 'PK' });
    const body = { name: 'x.pdf', type: 'application/pdf', size: 5 };
    expectError(await inside.post(`/api/events/${id}/files`, body), 403, 'forbidden');
    expectError(await outside.post(`/api/events/${id}/files`, body), 404, 'not_found');
    expectError(await inside.post('/api/events/nope/files', body), 404, 'not_found');
  });

  it('lets a host attach files, and keeps downloads to who may see the event', async () => {
    const host = await member({ country: 'NP' });
    const { b, id } = await createEvent({ audience: { countries: ['NP'] }, hosts: { memberIds: [host.userId], guests: [] } });
    const { fileId, done } = await attach(host, id, PDF, 'application/pdf', 'slides.pdf');
    expect(done.status).toBe(200);
    const inside = await member({ country: 'NP' });
    const outside = await member({ country: 'PK' });
    expect((await inside.get(`/api/events/${id}/files/${fileId}`)).status).toBe(302);
    expectError(await outside.get(`/api/events/${id}/files/${fileId}`), 404, 'not_found');
    expectError(await inside.get(`/api/events/${id}/files/01ARZ3NDEKTSV4RRFFQ69G5FAV`), 404, 'not_found');
    expectError(await inside.get(`/api/events/${id}/files/not-an-id`), 404, 'not_found');
    // Another event's id does not reach this file.
    const other = await createEvent();
    expectError(await b.get(`/api/events/${other.id}/files/${fileId}`), 404, 'not_found');
  });

  it('keeps a pending file to its uploader: nobody else completes it', async () => {
    const host = await member();
    const { b, id } = await createEvent({ hosts: { memberIds: [host.userId], guests: [] } });
    const asked = await host.post(`/api/events/${id}/files`, { name: 'x.pdf', type: 'application/pdf', size: PDF.length });
    expectError(await b.post(`/api/events/${id}/files/${asked.body.fileId}/complete`), 404, 'not_found');
    expectError(await b.get(`/api/events/${id}/files/${asked.body.fileId}`), 404, 'not_found');
  });

  it('lets the uploader and the board remove a file, and no one else (403 in the audience, 404 outside)', async () => {
    const host = await member({ country: 'NP' });
    const { b, id } = await createEvent({ audience: { countries: ['NP'] }, hosts: { memberIds: [host.userId], guests: [] } });
    const first = await attach(host, id, PDF, 'application/pdf', 'a.pdf');
    const second = await attach(host, id, PDF, 'application/pdf', 'b.pdf');
    const inside = await member({ country: 'NP' });
    const outside = await member({ country: 'PK' });
    expectError(await inside.del(`/api/events/${id}/files/${first.fileId}`), 403, 'forbidden');
    expectError(await outside.del(`/api/events/${id}/files/${first.fileId}`), 404, 'not_found');
    expect((await host.del(`/api/events/${id}/files/${first.fileId}`)).status).toBe(204);
    expect((await b.del(`/api/events/${id}/files/${second.fileId}`)).status).toBe(204);
    expectError(await b.del(`/api/events/${id}/files/${second.fileId}`), 404, 'not_found');
    expect((await inside.get(`/api/events/${id}`)).body.files).toEqual([]);
    expectError(await inside.get(`/api/events/${id}/files/${first.fileId}`), 404, 'not_found');
  });

  it('refuses every file route without a session (401)', async () => {
    const { Agent } = await import('../helpers');
    const anon = new Agent();
    expectError(await anon.post('/api/events/x/files', { name: 'x.pdf', type: 'application/pdf', size: 5 }), 401, 'unauthenticated');
    expectError(await anon.get('/api/events/x/files/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 401, 'unauthenticated');
    expectError(await anon.del('/api/events/x/files/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 401, 'unauthenticated');
  });
});

describe('her files in her export and her erasure', () => {
  it('lists the files she attached in her export, and after her erasure keeps the event’s file without her id', async () => {
    const host = await member();
    const { b, id } = await createEvent({ hosts: { memberIds: [host.userId], guests: [] } });
    const { fileId } = await attach(host, id, PDF, 'application/pdf', 'notes.pdf');
    await attach(host, id, HTML, 'application/pdf', 'refused.pdf');
    const exported = (await host.get('/api/members/me/export')).body;
    expect(exported.files).toEqual([
      expect.objectContaining({ id: fileId, name: 'notes.pdf', type: 'application/pdf', ownerKind: 'event', ownerId: id, state: 'ready' }),
    ]);

    expect((await host.del('/api/members/me')).status).toBe(202);
    const stored = await db.getItem({ TableName: TABLE, Key: toAttr(keys.file('event', id, fileId)), ConsistentRead: true });
    expect(stored.Item?.uploaderId).toBeUndefined();
    expect(stored.Item?.gsi2pk).toBeUndefined();
    expect((await b.get(`/api/events/${id}`)).body.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect((await b.get(`/api/events/${id}/files/${fileId}`)).status).toBe(302);
  });

  it('removes every file of an owner, object and record, when the owner is erased', async () => {
    const { b, id } = await createEvent();
    const { fileId } = await attach(b, id, PDF, 'application/pdf', 'gone.pdf');
    const location = (await b.get(`/api/events/${id}/files/${fileId}`)).headers.get('location') ?? '';
    await deleteOwnerFiles({ kind: 'event', id });
    expect(await listFiles({ kind: 'event', id })).toEqual([]);
    expect((await fetch(location)).status).toBe(404);
    // The owner's slots are free again.
    expect((await b.post(`/api/events/${id}/files`, { name: 'new.pdf', type: 'application/pdf', size: 5 })).status).toBe(201);
  });
});

describe('checking each object as it lands in the bucket (its "object created" event)', () => {
  async function ask(a: Agent, id: string, bytes: Uint8Array, type: string, name: string) {
    const asked = await a.post(`/api/events/${id}/files`, { name, type, size: bytes.length });
    expect(asked.status).toBe(201);
    return asked.body as Upload;
  }
  const objectOf = async (id: string, fileId: string) => (await getFile('event', id, fileId))?.objectKey ?? '';

  it('lists a good file her browser never asked to check', async () => {
    const { b, id } = await createEvent();
    const u = await ask(b, id, PDF, 'application/pdf', 'agenda.pdf');
    expect(await sendToBucket(u, PDF, 'application/pdf')).toBeLessThan(300);
    await expect.poll(async () => (await b.get(`/api/events/${id}`)).body.files.map((f: { id: string }) => f.id)).toEqual([u.fileId]);
    // Her own check, when it comes, answers the same.
    expect((await b.post(`/api/events/${id}/files/${u.fileId}/complete`)).status).toBe(200);
  });

  it('deletes a refused object though nobody asked, and her later check says why', async () => {
    const { b, id } = await createEvent();
    const u = await ask(b, id, HTML, 'application/pdf', 'page.pdf');
    const key = await objectOf(id, u.fileId);
    expect(await sendToBucket(u, HTML, 'application/pdf')).toBeLessThan(300);
    await expect.poll(async () => (await getFile('event', id, u.fileId))?.state).toBe('rejected');
    expect(await inspect(key, 16)).toBeUndefined();
    const late = await b.post(`/api/events/${id}/files/${u.fileId}/complete`);
    expectError(late, 400, 'validation_failed');
    expect(late.body.error.details[0].code).toBe('file_content_mismatch');
  });

  it('deletes an object no upload form was given for', async () => {
    const key = `files/${ulid()}`;
    const stray = await presignUpload(key, 'application/pdf');
    expect(await sendToBucket({ fileId: 'none', upload: stray }, PDF, 'application/pdf')).toBeLessThan(300);
    await expect.poll(async () => inspect(key, 16)).toBeUndefined();
  });

  it('answers every one of her checks racing the bucket’s with the same outcome, and takes one slot', async () => {
    const { b, id } = await createEvent();
    const u = await ask(b, id, PDF, 'application/pdf', 'raced.pdf');
    expect(await sendToBucket(u, PDF, 'application/pdf')).toBeLessThan(300);
    const answers = await Promise.all(Array.from({ length: 6 }, () => b.post(`/api/events/${id}/files/${u.fileId}/complete`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.every((a) => a.body.id === u.fileId)).toBe(true);
    const count = await db.getItem({ TableName: TABLE, Key: toAttr(keys.fileCount('event', id)), ConsistentRead: true });
    expect(count.Item?.n?.N).toBe('1');
  });

  it('removes a checked file whose bytes a second upload with the same form replaced with something else', async () => {
    const { b, id } = await createEvent();
    const u = await ask(b, id, PDF, 'application/pdf', 'swap.pdf');
    expect(await sendToBucket(u, PDF, 'application/pdf')).toBeLessThan(300);
    expect((await b.post(`/api/events/${id}/files/${u.fileId}/complete`)).status).toBe(200);
    // Same size, other content: only the bytes betray it.
    const swapped = new TextEncoder().encode('<html>'.padEnd(PDF.length, ' '));
    expect(await sendToBucket(u, swapped, 'application/pdf')).toBeLessThan(300);
    await expect.poll(async () => (await b.get(`/api/events/${id}`)).body.files).toEqual([]);
    expectError(await b.get(`/api/events/${id}/files/${u.fileId}`), 404, 'not_found');
  });
});
