import type { Block, Document, Field, HeadlineItem } from '../domain/document.ts';
import { cleanLine, cleanText } from './clean-text.ts';
import { displayWidth, padDisplay } from './display-width.ts';
import { columnCount, layoutTable } from './table-layout.ts';

/** A document as terminal text: the console transport and `briefbot ask --format text`. */
export function renderText(doc: Document): string {
  const sections: string[][] = [];
  const title = cleanLine(doc.title).trim();
  if (title !== '') sections.push(underline(title, '='));
  for (const block of doc.blocks) {
    const lines = blockLines(block);
    if (lines.length > 0) sections.push(lines);
  }
  const footer = doc.footer.map((note) => noteLine(cleanLine(note.text).trim(), note.warning === true));
  const notes = footer.filter((line) => line !== '');
  if (notes.length > 0) sections.push(notes);
  return sections
    .map((lines) => lines.map((line) => line.trimEnd()).join('\n'))
    .join('\n\n')
    .concat('\n');
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading': {
      const text = cleanLine(block.text).trim();
      return text === '' ? [] : underline(text, '-');
    }
    case 'text':
      return nonEmptyLines(cleanText(block.text));
    case 'notice': {
      const text = cleanLine(block.text).trim();
      return text === '' ? [] : [`⚠ ${text}`];
    }
    case 'fields':
      return fieldLines(block.items);
    case 'table': {
      if (columnCount(block) === 0) return [];
      const table = layoutTable(block);
      return [...table.header, ...table.rows];
    }
    case 'bullets':
      return block.items
        .map((item) => cleanLine(item).trim())
        .flatMap((item) => (item === '' ? [] : [`• ${item}`]));
    case 'headlines':
      return block.items.flatMap(headlineLines);
    case 'image':
      return [`[image: ${cleanLine(block.image.alt).trim() || cleanLine(block.image.name)}]`];
    case 'divider':
      return ['─'.repeat(40)];
  }
}

function underline(text: string, char: string): string[] {
  return [text, char.repeat(Math.max(1, displayWidth(text)))];
}

function nonEmptyLines(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split('\n');
}

function fieldLines(items: readonly Field[]): string[] {
  const rows = items
    .map((field) => ({ label: cleanLine(field.label).trim(), value: cleanLine(field.value).trim() }))
    .filter((row) => row.label !== '' || row.value !== '');
  const width = Math.max(0, ...rows.map((row) => displayWidth(row.label)));
  return rows.map((row) => `${padDisplay(row.label, width, 'left')}  ${row.value}`.trim());
}

function headlineLines(item: HeadlineItem): string[] {
  const title = cleanLine(item.title).trim();
  const source = cleanLine(item.source).trim();
  const when = cleanLine(item.when ?? '').trim();
  const url = cleanLine(item.url).trim();
  let line = `• ${title}`;
  if (source !== '') line += ` — ${source}`;
  if (when !== '') line += ` (${when})`;
  return url === '' ? [line] : [line, `  ${url}`];
}

function noteLine(text: string, warning: boolean): string {
  if (text === '') return '';
  return warning ? `⚠ ${text}` : text;
}
