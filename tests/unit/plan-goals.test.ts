import { describe, expect, it } from 'vitest';
import { PROFILE_GOAL_LENGTH, goalsFromPlan, goalsFromProfile, sameGoals } from '../../shared/plan-schemas';

describe('the profile goals the plan derives', () => {
  it('joins the titles of each horizon in her order, leaving dropped goals out', () => {
    expect(
      goalsFromPlan([
        { horizon: 'short', title: 'Trace the money', status: 'under_way' },
        { horizon: 'long', title: 'Head the unit', status: 'not_started' },
        { horizon: 'short', title: 'Testify well', status: 'done' },
        { horizon: 'medium', title: 'Abandoned', status: 'dropped' },
      ]),
    ).toEqual({ shortTerm: 'Trace the money; Testify well', mediumTerm: '', longTerm: 'Head the unit' });
  });

  it('never exceeds what a profile goal holds', () => {
    const long = Array.from({ length: 5 }, (_, i) => ({
      horizon: 'short' as const,
      title: `${i}`.repeat(200),
      status: 'not_started' as const,
    }));
    const { shortTerm } = goalsFromPlan(long);
    expect(shortTerm).toHaveLength(PROFILE_GOAL_LENGTH);
    expect(shortTerm.endsWith('…')).toBe(true);
  });

  it('turns profile goals into one plan goal per horizon and distinct text, and back into the same goals', () => {
    const seeking = { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: '' };
    const profile = { shortTerm: 'Grow in my role', mediumTerm: '', longTerm: 'Shape policy' };
    const goals = goalsFromProfile(seeking, profile);
    expect(goals).toEqual([
      { horizon: 'short', title: 'Grow in my role' },
      { horizon: 'medium', title: 'Lead a team' },
      { horizon: 'long', title: 'Shape policy' },
    ]);
    const back = goalsFromPlan(goals.map((g) => ({ ...g, status: 'not_started' as const })));
    expect(back).toEqual({ shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: 'Shape policy' });
    expect(goalsFromProfile(undefined, { shortTerm: '  ' })).toEqual([]);
  });

  it('compares goals as stored: normalised, absent reads as empty', () => {
    expect(sameGoals({ shortTerm: 'Cafe\u0301 ' }, { shortTerm: 'Café', mediumTerm: '', longTerm: '' })).toBe(true);
    expect(sameGoals(undefined, { shortTerm: 'x', mediumTerm: '', longTerm: '' })).toBe(false);
  });
});
