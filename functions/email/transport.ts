import type { SendMailOptions, Transporter } from 'nodemailer';
import { emailSettings } from './settings';
import { traced } from '../lib/tracing';

/**
 * The one way out for an email: nodemailer over SMTP locally (the local inbox), over SES (its SESv2
 * transport) in AWS. nodemailer and the SES client are loaded on the first send, so the API
 * functions, which only queue jobs, never load them.
 */
export type OutgoingEmail = SendMailOptions & { memberId?: string };

let transporter: Promise<Transporter> | undefined;

function transport(): Promise<Transporter> {
  transporter ??= (async () => {
    const settings = emailSettings();
    const nodemailer = await import('nodemailer');
    if (settings.EMAIL_TRANSPORT === 'smtp') {
      // The local inbox: loopback, plain SMTP, no auth (scripts/local/inbox.ts).
      return nodemailer.createTransport({ host: settings.SMTP_HOST, port: settings.SMTP_PORT, secure: false, ignoreTLS: true });
    }
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    return nodemailer.createTransport({ SES: { sesClient: await traced(new SESv2Client({})), SendEmailCommand } });
  })();
  transporter.catch(() => {
    transporter = undefined;
  });
  return transporter;
}

export async function sendEmail({ memberId, ...message }: OutgoingEmail): Promise<void> {
  const settings = emailSettings();
  const ses =
    settings.EMAIL_TRANSPORT === 'ses'
      ? {
          ses: {
            ...(settings.SES_CONFIGURATION_SET ? { ConfigurationSetName: settings.SES_CONFIGURATION_SET } : {}),
            // The bounce and complaint handler learns whom an event concerns from this tag, not from the address.
            ...(memberId ? { EmailTags: [{ Name: 'member', Value: memberId }] } : {}),
          },
        }
      : {};
  await (await transport()).sendMail({ ...message, ...ses });
}
