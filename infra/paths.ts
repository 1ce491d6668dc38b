import { fileURLToPath } from 'node:url';

/**
 * Absolute repository root. Asset and entry paths are resolved from here rather than from the
 * working directory, so `cdk synth`, vitest and editors agree whichever folder they start in.
 */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
