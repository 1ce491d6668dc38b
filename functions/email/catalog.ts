import type en from './catalogs/en';

/**
 * The words of the emails: one ICU message per sentence, a catalog per interface language
 * (functions/email/catalogs/<locale>.ts), kept apart from the app's catalogs so that the mailer
 * carries only these. English is the source: every catalog has exactly its keys (the type check
 * and tests/unit/email-catalogs.test.ts hold them to it).
 */
export type EmailMessageKey = keyof typeof en;
export type EmailCatalog = Record<EmailMessageKey, string>;
