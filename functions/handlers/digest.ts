import { backgroundHandler } from '../lib/lambda';
import type { EmailJob } from '../email/jobs';
import { runDigest } from '../email/digest';
import { runNudges } from '../email/nudges';
import { log } from '../lib/log';

type Run = () => Promise<{ queued: EmailJob[] }>;

/**
 * EventBridge schedule (every 15 minutes): the email digests now due and the mentors' nudges, each
 * queued once. Each runs whatever the other did: a failed digest never holds back a nudge. A failure
 * still fails the invocation (after both ran), so the function's error alarm sees it.
 */
export const handler = backgroundHandler(async (): Promise<{ queued: number }> => {
  const runs: Record<'digests' | 'nudges', Run> = { digests: () => runDigest(), nudges: () => runNudges() };
  let queued = 0;
  let failure: unknown;
  for (const [name, run] of Object.entries(runs)) {
    try {
      const n = (await run()).queued.length;
      queued += n;
      log.info('digest', { run: name, queued: n });
    } catch (e) {
      log.error('digest run failed', { run: name, error: e instanceof Error ? e.name : 'unknown' });
      failure ??= e;
    }
  }
  if (failure) throw failure;
  return { queued };
});
