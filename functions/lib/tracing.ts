import type { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray traces through Powertools' Tracer, where tracing is on: a function deployed with active
 * tracing (infra/constructs/api-function.ts) has the X-Ray daemon's address in its environment.
 * The Tracer and the X-Ray SDK under it load only there (they ship beside the bundle,
 * infra/lambda-bundling.ts), so a local run, the tests and a function with tracing off pay
 * nothing for them. Each AWS SDK client is captured before its first call: a subsegment per
 * request to DynamoDB, S3, SES, SQS or Cognito, with its timing and outcome. The Tracer records
 * no response or error body (POWERTOOLS_TRACER_CAPTURE_RESPONSE / _ERROR are false in AWS): an
 * answer can hold a member's words.
 */
export const tracingOn = (): boolean => Boolean(process.env.AWS_XRAY_DAEMON_ADDRESS) && process.env.POWERTOOLS_TRACE_ENABLED !== 'false';

let tracer: Promise<Tracer> | undefined;

/** The client, captured for X-Ray when tracing is on; as it was otherwise. */
export async function traced<T>(client: T): Promise<T> {
  if (!tracingOn()) return client;
  tracer ??= import('@aws-lambda-powertools/tracer').then(
    ({ Tracer }) => new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'champions-network' }),
  );
  return (await tracer).captureAWSv3Client(client);
}
