import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../shared/locales';
import type { EmailMessageKey } from './catalog';
import { EMAIL_CATALOGS } from './catalogs';

/**
 * Turns what an email says (catalog messages and links) into its subject, plain text and HTML.
 * Pure: no I/O, so every language and wording can be checked without sending. The HTML is
 * deliberately plain: inline styles only, no images, no remote resources (nothing an inbox would
 * fetch and so tell a server she opened it), one column that reads on a small phone, and
 * `lang`/`dir` on the document so that Arabic-script languages read right to left.
 */

export type Msg = { key: EmailMessageKey; values?: Record<string, string | number> };

export type EmailContent = {
  locale: Locale;
  subject: Msg;
  /** The paragraphs before the button. */
  lines: Msg[];
  action: { label: Msg; url: string };
  /** Paragraphs after the button. */
  after?: Msg[];
  /** Why she gets it and how to stop: on every email that her preferences decide. */
  footer?: { settingsUrl: string; unsubscribeUrl: string };
};

export type RenderedEmail = { subject: string; text: string; html: string };

export function format(locale: Locale, msg: Msg): string {
  const formatter = new IntlMessageFormat(EMAIL_CATALOGS[locale][msg.key], LOCALES[locale].intl, undefined, { ignoreTag: true });
  return String(formatter.format(msg.values ?? {}));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function render(content: EmailContent): RenderedEmail {
  const { locale } = content;
  const t = (m: Msg) => format(locale, m);
  const { dir } = LOCALES[locale];
  const subject = t(content.subject);
  const lines = content.lines.map(t);
  const after = (content.after ?? []).map(t);
  const action = { label: t(content.action.label), url: content.action.url };
  const footer = content.footer && {
    reason: t({ key: 'footer.reason' }),
    settings: { label: t({ key: 'footer.settings' }), url: content.footer.settingsUrl },
    unsubscribe: { label: t({ key: 'footer.unsubscribe' }), url: content.footer.unsubscribeUrl },
  };

  const text = [
    ...lines,
    `${action.label}: ${action.url}`,
    ...after,
    ...(footer
      ? [`--\n${footer.reason}\n${footer.settings.label}: ${footer.settings.url}\n${footer.unsubscribe.label}: ${footer.unsubscribe.url}`]
      : []),
  ].join('\n\n');

  // Nastaliq (Urdu) and Naskh need more room between lines than Latin scripts.
  const lineHeight = dir === 'rtl' ? '1.9' : '1.6';
  const p = (s: string) => `<p style="margin:0 0 16px 0">${escapeHtml(s)}</p>`;
  const link = (l: { label: string; url: string }) => `<a href="${escapeHtml(l.url)}" style="color:#1f4e79">${escapeHtml(l.label)}</a>`;
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body dir="${dir}" style="margin:0;padding:0;background:#ffffff;color:#1a1a1a">
<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:20px 16px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Naskh Arabic','Noto Nastaliq Urdu',Tahoma,sans-serif;font-size:16px;line-height:${lineHeight};text-align:start">
${lines.map(p).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:12px 20px;background:#1f4e79;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(action.label)}</a></p>
${after.map(p).join('\n')}
${
  footer
    ? `<hr style="border:0;border-top:1px solid #d0d0d0;margin:24px 0 16px 0">
<p style="margin:0 0 8px 0;font-size:14px;color:#555555">${escapeHtml(footer.reason)}</p>
<p style="margin:0;font-size:14px">${link(footer.settings)} · ${link(footer.unsubscribe)}</p>`
    : ''
}
</div>
</body>
</html>
`;
  return { subject, text, html };
}
