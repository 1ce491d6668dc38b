/*
 * The library's themes, on their own without zod: the web app imports them, and a value imported
 * from a schema module brings shared/schemas.ts's zod set-up into the app's first download.
 */

/** The programme's areas, in the order the programme lists them. */
export const PRACTICE_THEMES = [
  'strategy_policy',
  'legislation',
  'capacity_building',
  'cooperation',
  'protection',
  'prevention',
  'investigation',
] as const;
export type PracticeTheme = (typeof PRACTICE_THEMES)[number];
