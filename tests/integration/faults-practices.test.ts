import { afterEach, describe, it, vi } from 'vitest';
import { board, member } from '../helpers';
import { type Row, ok, reason, row, walk } from './faults-harness';

/** Every write route of the library, failed at each DynamoDB call in turn: see faults-harness.ts. */

const practice = {
  title: 'Joint screening at the border',
  summary: 'Two services screened arrivals together.',
  countries: ['PK'],
  themes: ['cooperation'],
  done: 'Officers interviewed arrivals in a private room.',
  worked: 'Women spoke more freely.',
  language: 'en',
};

/** A member's practice, waiting for the board. */
async function held() {
  const m = await member({}, 'author');
  const p = await ok(m.post('/api/practices', practice), 201);
  return { m, b: await board(), id: p.body.id as string, version: p.body.version as number };
}

/** A member's practice the board published, and another member who reads it. */
async function published() {
  const h = await held();
  const p = await ok(h.b.post(`/api/moderation/practices/${h.id}/approve`, reason));
  return { ...h, version: p.body.version as number, reader: await member({}, 'reader') };
}

const ROUTES: Row<unknown>[] = [
  row({ name: 'POST /practices', setup: () => member({}, 'author'), call: (m) => m.post('/api/practices', practice), status: 201 }),
  row({
    name: 'PATCH /practices/:id',
    setup: published,
    call: (x) => x.m.patch(`/api/practices/${x.id}`, { title: 'Joint screening, second year', version: x.version }),
    status: 200,
  }),
  row({ name: 'DELETE /practices/:id', setup: held, call: (h) => h.m.del(`/api/practices/${h.id}`), status: 200 }),
  row({ name: 'PUT /practices/:id/useful', setup: published, call: (x) => x.reader.put(`/api/practices/${x.id}/useful`), status: 204 }),
  row({
    name: 'DELETE /practices/:id/useful',
    setup: async () => {
      const x = await published();
      await ok(x.reader.put(`/api/practices/${x.id}/useful`), 204);
      return x;
    },
    call: (x) => x.reader.del(`/api/practices/${x.id}/useful`),
    status: 204,
  }),
  row({
    name: 'POST /practices/:id/thread',
    setup: async () => {
      const x = await published();
      // The library's space exists already (made once, by the first thread): the walk is about the thread.
      const other = await published();
      await ok(other.reader.post(`/api/practices/${other.id}/thread`));
      return x;
    },
    call: (x) => x.reader.post(`/api/practices/${x.id}/thread`),
    status: 200,
  }),
  row({
    name: 'POST /moderation/practices/:id/approve',
    setup: held,
    call: (h) => h.b.post(`/api/moderation/practices/${h.id}/approve`, reason),
    status: 200,
  }),
  row({
    name: 'POST /moderation/practices/:id/reject',
    setup: held,
    call: (h) => h.b.post(`/api/moderation/practices/${h.id}/reject`, reason),
    status: 200,
  }),
];

describe('a failure in the middle of a write (library)', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const r of ROUTES) {
    it(
      `${r.name}: a throttled or lost call answers 503 or the contract's conflict and leaves all of the change or none`,
      () => walk(r),
      180_000,
    );
  }
});
