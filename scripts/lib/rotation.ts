/** The next value of a rotating secret (`{"current", "previous"}`): a new current, and the one it replaces. */
export function rotated(stored: string, fresh: string): string {
  const { current } = JSON.parse(stored) as { current?: unknown };
  if (typeof current !== 'string' || current.length < 32) throw new Error('the secret does not hold {"current", "previous"}');
  if (fresh.length < 32 || fresh === current) throw new Error('the new value must be new and at least 32 characters');
  return JSON.stringify({ current: fresh, previous: current });
}
