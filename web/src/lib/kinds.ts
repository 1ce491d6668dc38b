import type { Kind } from '../../../shared/schemas';

export const KINDS: readonly Kind[] = ['practitioner', 'champion'];

/** Narrows a string (from a form or the address) to a member kind. */
export const asKind = (v: string | undefined): Kind | undefined => KINDS.find((k) => k === v);
