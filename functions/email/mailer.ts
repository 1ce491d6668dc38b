import type { EmailJob } from './jobs';

/**
 * Renders a job in her language and wording and sends it (SMTP locally, SES in AWS).
 * Placeholder until the mailer lands (issue 13): sends nothing.
 */
export async function deliver(_job: EmailJob): Promise<'sent' | 'skipped'> {
  return 'skipped';
}
