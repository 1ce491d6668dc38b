import { backgroundHandler } from '../lib/lambda';
import { log } from '../lib/log';
import { sweepExpired } from '../mentorship/service';

/** EventBridge schedule: expires mentorship requests nobody answered in time. */
export const handler = backgroundHandler(async (): Promise<{ expired: number }> => {
  const expired = await sweepExpired();
  log.info('sweep', { expired });
  return { expired };
});
