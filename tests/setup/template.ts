import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Where a test run keeps its one seeded copy of the demo network (built by the first browser test
 * file that needs it, tests/e2e/support.ts), named after the run so that two runs never share one.
 */
export function seededTemplatePaths(envFile = process.env.CHAMPIONS_TEST_ENV) {
  const run = envFile ? basename(envFile).replace(/\.json$/, '') : `champions-test-${process.pid}`;
  const dir = join(tmpdir(), `${run}-seeded`);
  return { dir, ready: join(dir, 'ready'), lock: `${dir}.lock`, building: `${dir}.building`, failed: `${dir}.failed` };
}

export function removeSeededTemplate(envFile?: string): void {
  const p = seededTemplatePaths(envFile);
  for (const path of [p.dir, p.lock, p.building, p.failed]) rmSync(path, { recursive: true, force: true });
}
