/*
 * Wall-clock times in her time zone, for the date-and-time fields that propose meetings. No
 * Solid here, so that unit tests can import it.
 */

/** The offset of `zone` from UTC at `at` (ms), read from Intl: no time-zone library needed. */
function offsetAt(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - at;
}

/**
 * A `datetime-local` value ("2026-12-09T14:30") read as a wall-clock time in her time zone, as a
 * UTC instant; undefined when it is not a time. Two passes settle a change of daylight saving.
 */
export function zonedToUtc(local: string, zone: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const tz = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  let at = wall - offsetAt(tz, wall);
  at = wall - offsetAt(tz, at);
  return new Date(at).toISOString();
}

/** Now as a `datetime-local` value in her time zone: the earliest time a proposal may name. */
export function localNow(zone: string | undefined): string {
  const tz = zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = Date.now();
  return new Date(now + offsetAt(tz, now)).toISOString().slice(0, 16);
}
