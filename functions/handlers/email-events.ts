import type { SNSEvent } from 'aws-lambda';

/** SNS: SES bounce and complaint events (placeholder until the bounce handling lands, issue 13). */
export const handler = async (_event: SNSEvent): Promise<{ handled: number }> => ({ handled: 0 });
