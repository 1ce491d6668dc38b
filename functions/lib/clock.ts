/**
 * The API's clock for rules that depend on how much time has passed (discreet mode's idle limit).
 * One object, so that a test can move time forward and prove a limit without waiting for it.
 */
export const clock = { now: (): number => Date.now() };
