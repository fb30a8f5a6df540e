import type { Block, Document, FooterNote, HeadlineItem } from '../domain/document.ts';
import { cleanLine, cleanText } from './clean-text.ts';
import { escapeMarkdown, escapeMarkdownInline, markdownLink } from './escape-markdown.ts';
import { safeHttpUrl } from './safe-url.ts';
import { columnCount } from './table-layout.ts';

/** A document as CommonMark with GFM tables, for `--format markdown` and anything that shows Markdown. */
export function renderMarkdown(doc: Document): string {
  const parts: string[] = [];
  const title = escapeMarkdownInline(doc.title);
  if (title !== '') parts.push(`# ${title}`);
  for (const block of doc.blocks) {
    const part = renderBlock(block);
    if (part !== '') parts.push(part);
  }
  const footer = doc.footer.map(renderNote).filter((note) => note !== '');
  if (footer.length > 0) parts.push(footer.join('\\\n'));
  return `${parts.join('\n\n')}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const text = escapeMarkdownInline(block.text);
      return text === '' ? '' : `## ${text}`;
    }
    case 'text': {
      const lines = paragraphLines(block.text);
      if (lines.length === 0) return '';
      // A backslash at the end of a line is CommonMark's hard line break (no trailing spaces needed).
      const body = lines.join('\\\n');
      return block.tone === 'muted' ? lines.map((line) => `*${line}*`).join('\\\n') : body;
    }
    case 'notice': {
      const text = escapeMarkdownInline(block.text);
      return text === '' ? '' : `> ⚠ **${text}**`;
    }
    case 'fields':
      return block.items
        .filter((field) => escapeMarkdownInline(`${field.label}${field.value}`) !== '')
        .map((field) =>
          escapeMarkdownInline(field.label) === ''
            ? `- ${escapeMarkdown(field.value)}`
            : `- **${escapeMarkdownInline(field.label)}**: ${escapeMarkdownInline(field.value)}`,
        )
        .join('\n');
    case 'table':
      return renderTable(block);
    case 'bullets':
      return block.items
        .map(escapeMarkdown)
        .filter((item) => item !== '')
        .map((item) => `- ${item}`)
        .join('\n');
    case 'headlines':
      return block.items.map((item) => `- ${renderHeadline(item)}`).join('\n');
    case 'image':
      return `![${escapeMarkdownInline(block.image.alt)}](${encodeURIComponent(cleanLine(block.image.name).trim())})`;
    case 'divider':
      return '---';
  }
}

function paragraphLines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map(escapeMarkdown)
    .filter((line) => line !== '');
}

function renderTable(table: Extract<Block, { kind: 'table' }>): string {
  const count = columnCount(table);
  if (count === 0) return '';
  const row = (cells: readonly string[]) =>
    `| ${Array.from({ length: count }, (_, i) => escapeMarkdownInline(cells[i] ?? '')).join(' | ')} |`;
  const rule = `| ${Array.from({ length: count }, (_, i) => (table.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [row(table.columns), rule, ...table.rows.map(row)].join('\n');
}

function renderHeadline(item: HeadlineItem): string {
  const source = escapeMarkdownInline(item.source);
  const when = escapeMarkdownInline(item.when ?? '');
  let line = markdownLink(item.title, safeHttpUrl(item.url));
  if (source !== '') line += ` — ${source}`;
  if (when !== '') line += ` (${when})`;
  return line;
}

function renderNote(note: FooterNote): string {
  const text = escapeMarkdownInline(note.text);
  if (text === '') return '';
  return note.warning === true ? `**⚠ ${text}**` : `*${text}*`;
}
