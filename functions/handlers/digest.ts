import { runDigest } from '../email/digest';
import { runNudges } from '../email/nudges';
import { log } from '../lib/log';

/** EventBridge schedule (every 15 minutes): the email digests now due and the mentors' nudges, each queued once. */
export const handler = async (): Promise<{ queued: number }> => {
  const [digests, nudges] = [await runDigest(), await runNudges()];
  const queued = digests.queued.length + nudges.queued.length;
  log.info('digest', { digests: digests.queued.length, nudges: nudges.queued.length });
  return { queued };
};
