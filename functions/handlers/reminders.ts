import { backgroundHandler } from '../lib/lambda';
import { sweepReminders } from '../events/reminders';
import { log } from '../lib/log';

/** EventBridge schedule (every 5 minutes): sends the programme's event reminders now due, each once. */
export const handler = backgroundHandler(async (): Promise<{ sent: number }> => {
  const { sent } = await sweepReminders();
  log.info('reminders', { sent });
  return { sent };
});
