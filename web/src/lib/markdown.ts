/*
 * A small, safe Markdown renderer for posts. Member text only ever becomes text nodes
 * (createTextNode / textContent), never markup: raw HTML in a body is shown as the characters
 * the member typed. Supported: paragraphs, line breaks, **bold**, *italic*, `code`, bullet lists
 * ("- " or "* ") and [links](https://…) whose scheme is http, https or mailto; any other link
 * (javascript:, data:, vbscript:, relative …) stays plain text.
 */

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address when it is absolute and its scheme is allowed, else undefined. */
export function safeHref(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : undefined;
}

type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

// `code`, [text](url), **bold**, *italic* — the earliest match wins, then the order listed.
const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\(([^\s()]+)\)|\*\*(?=\S)([^\n]*?\S)\*\*|\*(?=[^\s*])([^*\n]*?[^\s*])\*/;

/** Inline spans of one line. `inLink` keeps links from nesting. */
export function parseInline(text: string, inLink = false): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    const [whole, code, label, url, bold, italic] = m;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (label !== undefined && url !== undefined) {
      const href = inLink ? undefined : safeHref(url);
      // An unsafe link is said as the member typed it, so the reader can see what it was.
      if (href) out.push({ kind: 'link', href, children: parseInline(label, true) });
      else out.push({ kind: 'text', text: whole });
    } else if (bold !== undefined) out.push({ kind: 'strong', children: parseInline(bold, inLink) });
    else if (italic !== undefined) out.push({ kind: 'em', children: parseInline(italic, inLink) });
    rest = rest.slice(m.index + whole.length);
  }
  // Adjacent text pieces read better to assistive technology as one node.
  return out.reduce<Inline[]>((acc, node) => {
    const last = acc.at(-1);
    if (node.kind === 'text' && last?.kind === 'text') last.text += node.text;
    else acc.push(node);
    return acc;
  }, []);
}

export type Block = { kind: 'p'; lines: Inline[][] } | { kind: 'ul'; items: Inline[][] };

const BULLET = /^\s{0,3}[-*]\s+(.*)$/;

/** Blocks of a body: blank lines end a paragraph; "- " or "* " lines make a bullet list. */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current?.kind !== 'ul') {
        current = { kind: 'ul', items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(bullet[1] ?? ''));
    } else {
      if (current?.kind !== 'p') {
        current = { kind: 'p', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line));
    }
  }
  return blocks;
}

function inlineNodes(spans: Inline[]): Node[] {
  return spans.map((s) => {
    switch (s.kind) {
      case 'text':
        return document.createTextNode(s.text);
      case 'code': {
        const el = document.createElement('code');
        el.textContent = s.text;
        return el;
      }
      case 'strong':
      case 'em': {
        const el = document.createElement(s.kind);
        el.append(...inlineNodes(s.children));
        return el;
      }
      default: {
        const a = document.createElement('a');
        a.href = s.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        a.append(...inlineNodes(s.children));
        return a;
      }
    }
  });
}

/** DOM nodes for a post body, ready to place in JSX: `<div class="post__body">{renderMarkdown(body)}</div>`. */
export function renderMarkdown(source: string): Node[] {
  return parseBlocks(source).map((b) => {
    if (b.kind === 'ul') {
      const ul = document.createElement('ul');
      for (const item of b.items) {
        const li = document.createElement('li');
        li.dir = 'auto';
        li.append(...inlineNodes(item));
        ul.append(li);
      }
      return ul;
    }
    const p = document.createElement('p');
    p.dir = 'auto';
    b.lines.forEach((line, i) => {
      if (i > 0) p.append(document.createElement('br'));
      p.append(...inlineNodes(line));
    });
    return p;
  });
}
