import { log } from '../lib/log';
import type { EmailJob } from './jobs';
import { traced } from '../lib/tracing';

/**
 * Hands jobs to the mailer without making the caller wait for an email to be sent.
 *
 * In AWS (EMAIL_QUEUE_URL set) the jobs go to the SQS queue the mailer function reads: a burst never
 * slows a request, a failed send is retried and then parked in the dead-letter queue. Locally there
 * is no queue: the jobs are delivered in this process, after the caller's answer, and
 * `drainLocalEmail()` waits for them (tests and the demo read the local inbox).
 */
const pending = new Set<Promise<unknown>>();

export async function enqueueEmails(jobs: EmailJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const queueUrl = process.env.EMAIL_QUEUE_URL;
  if (queueUrl) {
    const { SQSClient, SendMessageBatchCommand } = await import('@aws-sdk/client-sqs');
    sqs ??= await traced(new SQSClient({}));
    // SendMessageBatch takes at most 10 messages.
    for (let i = 0; i < jobs.length; i += 10) {
      const batch = jobs.slice(i, i + 10);
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: batch.map((job, n) => ({ Id: String(n), MessageBody: JSON.stringify(job) })),
        }),
      );
      if (out.Failed?.length) throw new Error(`email queue refused ${out.Failed.length} job(s)`);
    }
    return;
  }
  if (process.env.LOCAL_MODE !== 'true') {
    // In AWS without email set up (no emailDomain at deployment) there is no queue and no mailer:
    // nothing is sent, and the change that asked for the email stands.
    log.info('email not set up', { kinds: jobs.map((j) => j.kind).join(',') });
    return;
  }
  for (const job of jobs) {
    const p = localDeliveries()
      .run(true, () => import(LOCAL_MAILER) as Promise<typeof import('./mailer')>)
      .then((m) => localDeliveries().run(true, () => m.deliver(job)))
      .catch((e: unknown) => log.warn('email not sent', { kind: job.kind, error: e instanceof Error ? e.name : 'unknown' }))
      .finally(() => pending.delete(p));
    pending.add(p);
  }
}

let sqs: import('@aws-sdk/client-sqs').SQSClient | undefined;

/**
 * The mailer, for local mode only, named by a variable rather than a literal: the bundler then
 * leaves it out of the Lambda bundles of the API functions that queue emails (the mailer and
 * nodemailer would triple the sign-up function's bundle, parsed at every cold start). In AWS this
 * path is never taken: EMAIL_QUEUE_URL is set.
 */
const LOCAL_MAILER = './mailer';

/**
 * Marks the table calls of local deliveries, which run beside whatever the process does next, so
 * that a test counting one request's own calls can leave them out. Loaded in local mode only.
 */
let deliveries: import('node:async_hooks').AsyncLocalStorage<true> | undefined;
function localDeliveries(): import('node:async_hooks').AsyncLocalStorage<true> {
  deliveries ??= new (process.getBuiltinModule('node:async_hooks').AsyncLocalStorage)<true>();
  return deliveries;
}

/** Whether this code runs inside a local email delivery. */
export const inLocalDelivery = (): boolean => deliveries?.getStore() === true;

/** Local mode: resolves once every job handed over so far has been delivered (or failed). */
export async function drainLocalEmail(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
