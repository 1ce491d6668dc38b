import { afterEach, describe, expect, it } from 'vitest';
import { config } from '../../functions/lib/config';
import { decodeCursor, encodeCursor } from '../../functions/lib/cursor';
import { createApi, ORIGIN_HEADER } from '../../functions/lib/http';
import { rotated } from '../../scripts/lib/rotation';

const key = { pk: { S: 'DIR#all' }, sk: { S: 'amina#1' } };
const original = { current: config.CURSOR_SECRET, previous: config.CURSOR_SECRET_PREVIOUS };

/** What a deploy after `scripts/rotate-secrets.ts` does: the current key becomes the previous one. */
function rotateCursorKey(next: string) {
  config.CURSOR_SECRET_PREVIOUS = config.CURSOR_SECRET;
  config.CURSOR_SECRET = next;
}

afterEach(() => {
  config.CURSOR_SECRET = original.current;
  config.CURSOR_SECRET_PREVIOUS = original.previous;
});

describe('rotating the cursor key', () => {
  it('keeps a list she is paging through readable for one period, and signs new cursors with the new key', () => {
    const before = encodeCursor(key, 'scope-a') ?? '';
    rotateCursorKey('a-new-cursor-key-of-forty-eight-characters-xxxxxx');
    expect(decodeCursor(before, 'scope-a')).toEqual(key);
    const after = encodeCursor(key, 'scope-a') ?? '';
    expect(after).not.toBe(before);
    expect(decodeCursor(after, 'scope-a')).toEqual(key);
    // A cursor from the old key still carries its scope: another list refuses it.
    expect(() => decodeCursor(before, 'scope-b')).toThrow(/cursor/);
  });

  it('refuses a cursor two rotations old', () => {
    const old = encodeCursor(key, 'scope-a') ?? '';
    rotateCursorKey('a-new-cursor-key-of-forty-eight-characters-xxxxxx');
    rotateCursorKey('a-third-cursor-key-of-forty-eight-characters-xxxx');
    expect(() => decodeCursor(old, 'scope-a')).toThrow(/cursor/);
  });
});

describe('rotating the origin value', () => {
  const CURRENT = 'the-new-48-character-secret-cloudfront-adds-xxxx';
  const PREVIOUS = 'the-old-48-character-secret-cloudfront-adds-xxxx';
  const app = createApi({ originSecret: CURRENT, previousOriginSecret: PREVIOUS }).get('/api/ping', (c) => c.json({ ok: true }, 200));
  const ping = (value: string) => app.request('/api/ping', { headers: { [ORIGIN_HEADER]: value } });

  it('accepts requests from edges that still send the previous value, and the new one', async () => {
    expect((await ping(CURRENT)).status).toBe(200);
    expect((await ping(PREVIOUS)).status).toBe(200);
  });

  it('still refuses anything else', async () => {
    expect((await ping('the-older-48-character-secret-cloudfront-addsxxx')).status).toBe(403);
    expect((await ping('')).status).toBe(403);
  });
});

describe('the rotation script’s new secret value', () => {
  const first = 'the-first-value-of-forty-eight-characters-xxxxxxx';
  const second = 'the-second-value-of-forty-eight-characters-xxxxxx';

  it('makes the current value the previous one, and the old previous is dropped', () => {
    const once = rotated(JSON.stringify({ current: first, previous: '' }), second);
    expect(JSON.parse(once)).toEqual({ current: second, previous: first });
    const twice = rotated(once, 'the-third-value-of-forty-eight-characters-xxxxxxx');
    expect(JSON.parse(twice).previous).toBe(second);
  });

  it('refuses a secret of another shape, or a new value that is short or the same', () => {
    expect(() => rotated(JSON.stringify({ value: first }), second)).toThrow(/current/);
    expect(() => rotated(JSON.stringify({ current: first }), 'short')).toThrow(/new/);
    expect(() => rotated(JSON.stringify({ current: first }), first)).toThrow(/new/);
  });
});
