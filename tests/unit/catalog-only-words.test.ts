import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

/*
 * Every word a member reads comes from the catalogs. This walks the web app's JSX and fails on
 * words written straight into it: text between tags, and string literals in the attributes a
 * person reads or hears (aria-label, title, placeholder, alt …). Symbols and punctuation
 * (·, —, ×) are not words and may stay.
 */
const ROOT = join(import.meta.dirname, '../../web/src');
const READ_ATTRIBUTES =
  /^(aria-(label|description|placeholder|roledescription|valuetext)|title|placeholder|alt|label|hint|confirmLabel|cancelLabel)$/;
const HAS_LETTER = /\p{L}/u;
/** A catalog key handed to a component that looks it up (`label="member.country"`) is not a word. */
const MESSAGE_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z_]+)+$/;
const isWords = (text: string) => HAS_LETTER.test(text) && !MESSAGE_KEY.test(text.trim());

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'catalogs' ? [] : sources(path);
    return /\.tsx$/.test(name) ? [path] : [];
  });
}

type Node = { type: string; [key: string]: unknown };

function literalWords(file: string): string[] {
  const ast = parse(readFileSync(file, 'utf8'), { sourceType: 'module', plugins: ['jsx', 'typescript'] });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as Node;
    if (n.type === 'JSXText' && HAS_LETTER.test(String(n.value))) found.push(`text "${String(n.value).trim()}"`);
    if (n.type === 'JSXAttribute') {
      const name = (n.name as Node).name as string;
      const value = n.value as Node | null;
      if (READ_ATTRIBUTES.test(name) && value) {
        const literal =
          value.type === 'StringLiteral'
            ? String(value.value)
            : value.type === 'JSXExpressionContainer' && (value.expression as Node).type === 'StringLiteral'
              ? String((value.expression as Node).value)
              : undefined;
        if (literal !== undefined && isWords(literal)) found.push(`${name}="${literal}"`);
      }
    }
    if (n.type === 'JSXExpressionContainer') {
      const e = n.expression as Node;
      const quasis = e.type === 'TemplateLiteral' ? ((e.quasis as Node[]) ?? []) : [];
      if (
        (e.type === 'StringLiteral' && isWords(String(e.value))) ||
        quasis.some((q) => isWords(String((q.value as { raw: string }).raw)))
      ) {
        found.push(`expression ${JSON.stringify(e.type === 'StringLiteral' ? e.value : 'template')}`);
      }
    }
    for (const [key, child] of Object.entries(n)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'leadingComments' || key === 'trailingComments') continue;
      if (n.type === 'JSXAttribute' && key === 'value') {
        // Attribute values other than those read (class, id, href) are code, not words.
        const value = child as Node | null;
        if (value?.type === 'JSXExpressionContainer') visitAttributeExpression(value.expression as Node);
        continue;
      }
      visit(child);
    }
  };
  // Inside an attribute's expression, only JSX (a component passed as a prop) can hold words.
  const visitAttributeExpression = (node: Node): void => {
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      if (Array.isArray(x)) {
        x.forEach(walk);
        return;
      }
      const n = x as Node;
      if (n.type === 'JSXElement' || n.type === 'JSXFragment') {
        visit(n);
        return;
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'loc') walk(child);
    };
    walk(node);
  };
  visit(ast.program);
  return found;
}

describe('the web app', () => {
  it('writes no word outside the catalogs: no literal text in JSX, no literal aria-label, title, placeholder or alt', () => {
    const offences = sources(ROOT).flatMap((file) => literalWords(file).map((w) => `${relative(ROOT, file)}: ${w}`));
    expect(offences).toEqual([]);
  });

  it('would catch a literal word if one were written (the check itself works)', () => {
    const probe = join(import.meta.dirname, 'fixtures/literal-words.tsx');
    expect(literalWords(probe)).toEqual(['text "Hello there"', 'aria-label="Close"', 'title="Settings"', 'placeholder="Search"']);
  });
});
