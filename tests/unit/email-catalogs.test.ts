import { describe, expect, it } from 'vitest';
import { EMAIL_CATALOGS } from '../../functions/email/catalogs';
import en from '../../functions/email/catalogs/en';
import { format, render } from '../../functions/email/render';
import { catalogProblems } from '../../scripts/i18n/catalog-rules';
import { LOCALE_TAGS, LOCALES } from '../../shared/locales';

const content = (locale: (typeof LOCALE_TAGS)[number]) =>
  render({
    locale,
    subject: { key: 'subject.notices' },
    lines: [{ key: 'body.digest', values: { count: 2 } }],
    action: { label: { key: 'action.open' }, url: 'https://app.example/notifications' },
    footer: { settingsUrl: 'https://app.example/settings#email', unsubscribeUrl: 'https://app.example/unsubscribe?token=t' },
  });

describe('the email catalogs', () => {
  it('exist for exactly the interface languages', () => {
    expect(Object.keys(EMAIL_CATALOGS).sort()).toEqual([...LOCALE_TAGS].sort());
  });

  it.each(LOCALE_TAGS)('%s has every key, valid ICU, the same arguments and every CLDR plural form', (tag) => {
    expect(catalogProblems(tag, EMAIL_CATALOGS[tag], en)).toEqual([]);
  });

  it.each(LOCALE_TAGS)('%s formats every message with sample values', (tag) => {
    const values = { count: 5, days: 3, lead: 'day', title: 'T', time: '10:00' };
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const text = format(tag, { key, values });
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('picks the plural form of the number, in each language’s own digits', () => {
    expect(format('en', { key: 'body.digest', values: { count: 1 } })).toBe('There is 1 new notice for you.');
    expect(format('en', { key: 'body.digest', values: { count: 4 } })).toBe('There are 4 new notices for you.');
    expect(format('ru', { key: 'body.digest', values: { count: 21 } })).toBe('У вас 21 новое уведомление.');
    expect(format('ru', { key: 'body.digest', values: { count: 3 } })).toBe('У вас 3 новых уведомления.');
    expect(format('ru', { key: 'body.digest', values: { count: 11 } })).toBe('У вас 11 новых уведомлений.');
    expect(format('ar', { key: 'body.digest', values: { count: 2 } })).toBe('لديك إشعاران جديدان.');
    expect(format('ar', { key: 'body.digest', values: { count: 5 } })).toBe('لديك 5 إشعارات جديدة.');
    expect(format('fa', { key: 'body.digest', values: { count: 3 } })).toBe('۳ اعلان تازه برای شما هست.');
    expect(format('bn', { key: 'body.nudge', values: { days: 3 } })).toContain('৩ দিন');
  });
});

describe('the rendered email', () => {
  it.each(LOCALE_TAGS)('%s: lang and direction on the document, the subject as its title, no image or remote resource', (tag) => {
    const { subject, html, text } = content(tag);
    expect(html).toContain(`<html lang="${tag}" dir="${LOCALES[tag].dir}">`);
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).not.toMatch(/<img|<script|<link|src=|url\(/i);
    expect(text).toContain('https://app.example/unsubscribe?token=t');
    expect(text).toContain('https://app.example/settings#email');
  });

  it('escapes what it puts into HTML (an event title is written by people)', () => {
    const { html } = render({
      locale: 'en',
      subject: { key: 'subject.reminder', values: { lead: 'hour' } },
      lines: [{ key: 'body.reminder', values: { lead: 'hour', title: '<script>x</script>', time: '10:00' } }],
      action: { label: { key: 'action.open' }, url: 'https://app.example/events/1?a=1&b=2' },
    });
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('https://app.example/events/1?a=1&amp;b=2');
  });
});
