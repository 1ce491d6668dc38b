import { describe, expect, it } from 'vitest';
import { METRICS, METRICS_NAMESPACE } from '../../functions/lib/metrics';

describe('the metrics’ names', () => {
  it('are one namespace and distinct PascalCase names, for the dashboard and alarms that read them', () => {
    expect(METRICS_NAMESPACE).toBe('ChampionsNetwork');
    const names = Object.values(METRICS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(names).toEqual(expect.arrayContaining(['Requests', 'ServerErrors', 'SignInFailures', 'Throttled', 'PostsHeld', 'Reports']));
  });
});
