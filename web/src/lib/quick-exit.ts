import { createRoot, createSignal } from 'solid-js';
import { DEFAULT_EXIT_URL } from '../../../shared/discretion';
import { leaveFor, listenForShifts as listen, readExitUrl } from './quick-exit-core';

/*
 * The app's quick exit: the work itself (quick-exit-core.ts) with the deployment's exit address,
 * read from config.json in the background.
 */

const [exitUrl, setExitUrl] = createRoot(() => createSignal(DEFAULT_EXIT_URL));
/** Where the quick exit goes: the deployment's choice (config.json), the default until it is read. */
export { exitUrl };

/**
 * Reads the deployment's exit address in the background: the first render never waits for it,
 * and whatever goes wrong (no file, a bad value) leaves the default.
 */
export function loadExitUrl(): void {
  void readExitUrl().then((url) => url && setExitUrl(url));
}

/** Leaves now: blank, sign out on the server, forget, and go to the neutral site. */
export const quickExit = (): void => leaveFor(exitUrl());

/** Three presses of Shift leave (quick-exit-core.ts); `onCount` hears the presses so far. */
export const listenForShifts = (onCount: (presses: number) => void): (() => void) => listen(onCount, quickExit);
