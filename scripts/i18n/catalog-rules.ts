import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/*
 * The rules every catalog keeps, shared by the unit test and `npx tsx scripts/i18n/check-catalog.ts`
 * (which translators run on a draft): the English keys exactly, valid ICU, the same arguments of
 * the same kind, and every plural with all of its language's CLDR categories.
 */

/** Tags (`<b>`) are not markup in our messages: text stays text. */
export const PARSE_OPTIONS = { ignoreTag: true, requiresOtherClause: true } as const;

type ArgKind = 'text' | 'numeric' | 'select' | 'date';

/** Each argument a message uses, by the kind of value it takes. */
export function argumentsOf(elements: MessageFormatElement[], into = new Map<string, ArgKind>()): Map<string, ArgKind> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        into.set(el.value, into.get(el.value) ?? 'text');
        break;
      case TYPE.number:
      case TYPE.plural:
        into.set(el.value, 'numeric');
        break;
      case TYPE.date:
      case TYPE.time:
        into.set(el.value, 'date');
        break;
      case TYPE.select:
        into.set(el.value, 'select');
        break;
      default:
        break;
    }
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Each plural in a message, with the categories it names (exact `=N` cases left out). */
function pluralsOf(elements: MessageFormatElement[], into: { arg: string; keys: string[]; ordinal: boolean }[] = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      into.push({ arg: el.value, keys: Object.keys(el.options).filter((k) => !k.startsWith('=')), ordinal: el.pluralType === 'ordinal' });
    }
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) pluralsOf(option.value, into);
    }
  }
  return into;
}

/** Select options a message offers for each select argument. */
function selectsOf(elements: MessageFormatElement[], into = new Map<string, Set<string>>()) {
  for (const el of elements) {
    if (el.type === TYPE.select) {
      const set = into.get(el.value) ?? new Set<string>();
      for (const k of Object.keys(el.options)) set.add(k);
      into.set(el.value, set);
    }
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) selectsOf(option.value, into);
    }
  }
  return into;
}

/** Every problem of one catalog against the English source; empty when it is complete and sound. */
export function catalogProblems(locale: string, catalog: Record<string, unknown>, source: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) if (!(key in catalog)) problems.push(`${key}: missing`);
  for (const key of Object.keys(catalog)) if (!(key in source)) problems.push(`${key}: not in the English catalog`);
  const cardinal = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories;
  for (const [key, english] of Object.entries(source)) {
    const text = catalog[key];
    if (typeof text !== 'string') {
      if (key in catalog) problems.push(`${key}: not a string`);
      continue;
    }
    if (!text.trim()) {
      problems.push(`${key}: empty`);
      continue;
    }
    let ast: MessageFormatElement[];
    try {
      ast = parse(text, PARSE_OPTIONS);
    } catch (e) {
      problems.push(`${key}: not valid ICU (${(e as Error).message})`);
      continue;
    }
    const want = argumentsOf(parse(english, PARSE_OPTIONS));
    const have = argumentsOf(ast);
    for (const [name, kind] of want) {
      if (!have.has(name)) problems.push(`${key}: lacks the argument {${name}}`);
      else if (have.get(name) !== kind) problems.push(`${key}: {${name}} is ${have.get(name)} here but ${kind} in English`);
    }
    for (const name of have.keys()) if (!want.has(name)) problems.push(`${key}: has an argument {${name}} that English does not`);
    for (const p of pluralsOf(ast)) {
      const needed = p.ordinal ? ordinal : cardinal;
      const lacking = needed.filter((c) => !p.keys.includes(c));
      if (lacking.length)
        problems.push(`${key}: the plural of {${p.arg}} lacks ${lacking.join(', ')} (${locale} needs ${needed.join(', ')})`);
      const foreign = p.keys.filter((k) => !needed.includes(k as Intl.LDMLPluralRule));
      if (foreign.length) problems.push(`${key}: the plural of {${p.arg}} has ${foreign.join(', ')}, which ${locale} never uses`);
    }
    const englishSelects = selectsOf(parse(english, PARSE_OPTIONS));
    for (const [name, options] of selectsOf(ast)) {
      const english = englishSelects.get(name);
      const missing = english ? [...english].filter((o) => !options.has(o)) : [];
      if (missing.length) problems.push(`${key}: the select on {${name}} lacks ${missing.join(', ')}`);
    }
  }
  return problems;
}
