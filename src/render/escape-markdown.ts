import { cleanLine } from './clean-text.ts';

/**
 * Plain text as CommonMark/GFM inline text that renders as itself. Backslash escapes work on any
 * ASCII punctuation, so over-escaping is harmless; the set below is what can start emphasis, code,
 * links, autolinks, raw HTML, entities, strikethrough, tables or (on GitHub) `$` math anywhere in
 * a line (`#` too: a trailing `#` run closes an ATX heading). Block syntax only matters at the
 * start of a line and is handled there, so figures such as "2.330%" stay readable in raw Markdown.
 */
const INLINE = /[\\`*_[\]<>|~&$!#]/g;
const LINE_START = /^([>+=-]|\d{1,9}(?=[.)](\s|$)))/;

/** For text in the middle of a line: table cells, labels, link text. */
export function escapeMarkdownInline(raw: string): string {
  return cleanLine(raw)
    .trim()
    .replace(INLINE, (c) => `\\${c}`);
}

/** For text that starts a line, where `-`, `>`, `1.` would begin a list, quote or rule. */
export function escapeMarkdown(raw: string): string {
  return escapeMarkdownInline(raw).replace(LINE_START, (marker: string) =>
    /^\d/.test(marker) ? `${marker}\\` : `\\${marker}`,
  );
}

/** Link destination: the URL is already validated and percent-encoded by `safeHttpUrl`. */
export function markdownLink(label: string, url: string | undefined): string {
  const text = escapeMarkdownInline(label);
  return url === undefined ? text : `[${text === '' ? escapeMarkdownInline(url) : text}](${url})`;
}
