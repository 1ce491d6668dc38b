import { backgroundHandler } from '../lib/lambda';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { EmailJob } from '../email/jobs';
import { deliver } from '../email/mailer';
import { log } from '../lib/log';

/**
 * SQS: sends the queued emails. A job that fails is reported back alone (partial batch response),
 * so SQS retries it without resending the others, and parks it in the dead-letter queue at last.
 */
export const handler = backgroundHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await deliver(JSON.parse(record.body) as EmailJob);
    } catch (e) {
      log.warn('email failed', { messageId: record.messageId, error: e instanceof Error ? e.name : 'unknown' });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
});
