import type en from './catalogs/en';

/** A key of the English source catalog: every catalog has exactly these. */
export type MessageKey = keyof typeof en;

/** A language's catalog as written: every key, each an ICU message. */
export type Catalog = Record<MessageKey, string>;
