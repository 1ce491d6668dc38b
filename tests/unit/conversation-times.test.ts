import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../web/src/lib/zoned-time';

describe('proposed meeting times typed in her own time zone', () => {
  it('reads a date-and-time field as a wall-clock time in her zone and sends it as UTC', () => {
    expect(zonedToUtc('2026-12-07T09:00', 'Asia/Kabul')).toBe('2026-12-07T04:30:00.000Z');
    expect(zonedToUtc('2026-12-07T09:00', 'Asia/Kathmandu')).toBe('2026-12-07T03:15:00.000Z');
    expect(zonedToUtc('2026-12-07T09:00', 'America/Bogota')).toBe('2026-12-07T14:00:00.000Z');
  });

  it('follows daylight saving on either side of a change', () => {
    expect(zonedToUtc('2026-03-28T10:00', 'Europe/Kyiv')).toBe('2026-03-28T08:00:00.000Z');
    expect(zonedToUtc('2026-03-30T10:00', 'Europe/Kyiv')).toBe('2026-03-30T07:00:00.000Z');
  });

  it('answers nothing for a value that is not a date and time', () => {
    expect(zonedToUtc('next tuesday', 'Asia/Kabul')).toBeUndefined();
    expect(zonedToUtc('', 'Asia/Kabul')).toBeUndefined();
  });
});
