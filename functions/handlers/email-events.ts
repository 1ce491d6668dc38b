import { backgroundHandler } from '../lib/lambda';
import type { SNSEvent } from 'aws-lambda';
import { handleEmailEvent } from '../email/bounces';

/**
 * SNS: SES bounce and complaint events (issue 13). A permanent bounce or a complaint turns her
 * email off and tells her in the app; a malformed message is logged (ids only) and skipped. A
 * failure (DynamoDB unavailable) throws, so Lambda retries the delivery; handling is idempotent.
 */
export const handler = backgroundHandler(async (event: SNSEvent): Promise<{ handled: number }> => {
  let handled = 0;
  for (const record of event.Records) {
    if ((await handleEmailEvent(record.Sns.Message)) === 'email.off') handled++;
  }
  return { handled };
});
