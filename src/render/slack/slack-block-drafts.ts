import type { Block, Field, FooterNote, HeadlineItem } from '../../domain/document.ts';
import { cleanLine, cleanText } from '../clean-text.ts';
import { fitEscaped, packLines, splitEscaped } from '../fit-text.ts';
import { columnCount, layoutTable } from '../table-layout.ts';
import {
  escapeSlackCode,
  escapeSlackLinkLabel,
  escapeSlackMrkdwn,
  escapeSlackPlain,
  slackLink,
} from './escape-slack.ts';
import { SLACK_LIMITS } from './limits.ts';
import type { SlackBlock, SlackMrkdwn, SlackPlainText } from './slack-blocks.ts';

/** A rendered block plus whether it should open the next message with what follows (a heading). */
export interface SlackDraft {
  readonly block: SlackBlock;
  readonly keepWithNext: boolean;
}

const SECTION = SLACK_LIMITS.sectionTextChars;
/** Budgets for the parts of a line around a headline title, so the title keeps most of the room. */
const SOURCE_CHARS = 200;
const WHEN_CHARS = 100;
const LABEL_CHARS = 300;
const TABLE_HEADER_LINE_CHARS = 1_000;

const plain = (text: string): SlackPlainText => ({ type: 'plain_text', text });
const mrkdwn = (text: string): SlackMrkdwn => ({ type: 'mrkdwn', text, verbatim: true });
const draft = (block: SlackBlock, keepWithNext = false): SlackDraft => ({ block, keepWithNext });
const nonEmpty = (text: string) => text.trim() !== '';

export function headerDraft(title: string): SlackDraft[] {
  const text = fitEscaped(cleanLine(title).trim(), SLACK_LIMITS.headerTextChars, escapeSlackPlain);
  return nonEmpty(text) ? [draft({ type: 'header', text: plain(text) })] : [];
}

export function blockDrafts(block: Block): SlackDraft[] {
  switch (block.kind) {
    case 'heading': {
      const text = fitEscaped(cleanLine(block.text).trim(), SECTION - 2, escapeSlackMrkdwn);
      return nonEmpty(text) ? [draft({ type: 'section', text: mrkdwn(`*${text}*`) }, true)] : [];
    }
    case 'text':
      return splitEscaped(cleanText(block.text), SECTION, escapeSlackPlain).map((chunk) =>
        draft(
          block.tone === 'muted'
            ? { type: 'context', elements: [plain(chunk)] }
            : { type: 'section', text: plain(chunk) },
        ),
      );
    case 'notice':
      return splitEscaped(cleanText(block.text), SECTION - 2, escapeSlackPlain).map((chunk) =>
        draft({ type: 'section', text: plain(`⚠ ${chunk}`) }),
      );
    case 'fields':
      return fieldDrafts(block.items);
    case 'table':
      return tableDrafts(block);
    case 'bullets': {
      const lines = block.items
        .map((item) => fitEscaped(cleanLine(item).trim(), SECTION - 2, escapeSlackPlain))
        .filter(nonEmpty)
        .map((item) => `• ${item}`);
      return packLines(lines, SECTION).map((group) =>
        draft({ type: 'section', text: plain(group.join('\n')) }),
      );
    }
    case 'headlines': {
      const lines = block.items.map(headlineLine).filter(nonEmpty);
      return packLines(lines, SECTION).map((group) =>
        draft({ type: 'section', text: mrkdwn(group.join('\n')) }),
      );
    }
    case 'image': {
      const alt = cleanLine(block.image.alt).trim() || cleanLine(block.image.name).trim();
      // The transport uploads the PNG itself; the message keeps a placeholder where the image sits.
      const text = fitEscaped(`[image: ${alt}]`, SLACK_LIMITS.textObjectChars, escapeSlackPlain);
      return [draft({ type: 'context', elements: [plain(text)] })];
    }
    case 'divider':
      return [draft({ type: 'divider' })];
  }
}

function fieldDrafts(items: readonly Field[]): SlackDraft[] {
  const texts = items.flatMap((field) => {
    const label = fitEscaped(cleanLine(field.label).trim(), LABEL_CHARS, escapeSlackMrkdwn);
    const head = label === '' ? '' : `*${label}*\n`;
    const value = fitEscaped(
      cleanLine(field.value).trim(),
      SLACK_LIMITS.fieldTextChars - head.length,
      escapeSlackMrkdwn,
    );
    const text = `${head}${value}`.trim();
    return text === '' ? [] : [text];
  });
  const drafts: SlackDraft[] = [];
  let group: string[] = [];
  let size = 0;
  for (const text of texts) {
    // A section's fields share one budget too, so a single block never crowds out a message.
    if (
      group.length === SLACK_LIMITS.fieldsPerSection ||
      (group.length > 0 && size + text.length > SECTION)
    ) {
      drafts.push(draft({ type: 'section', fields: group.map(mrkdwn) }));
      group = [];
      size = 0;
    }
    group.push(text);
    size += text.length;
  }
  if (group.length > 0) drafts.push(draft({ type: 'section', fields: group.map(mrkdwn) }));
  return drafts;
}

function tableDrafts(table: Extract<Block, { kind: 'table' }>): SlackDraft[] {
  if (columnCount(table) === 0) return [];
  const layout = layoutTable(table);
  const header = layout.header.map((line) => fitEscaped(line, TABLE_HEADER_LINE_CHARS, escapeSlackCode));
  const fence = '```';
  // Fences, the header lines and their newlines come out of every chunk's budget.
  const rowBudget = SECTION - 2 * fence.length - 2 - header.reduce((sum, line) => sum + line.length + 1, 0);
  const rows = layout.rows.map((line) => fitEscaped(line, rowBudget, escapeSlackCode));
  const groups = rows.length === 0 ? [[]] : packLines(rows, rowBudget);
  return groups.map((group) =>
    draft({ type: 'section', text: mrkdwn(`${fence}\n${[...header, ...group].join('\n')}\n${fence}`) }),
  );
}

function headlineLine(item: HeadlineItem): string {
  const source = fitEscaped(cleanLine(item.source).trim(), SOURCE_CHARS, escapeSlackMrkdwn);
  const when = fitEscaped(cleanLine(item.when ?? '').trim(), WHEN_CHARS, escapeSlackMrkdwn);
  const suffix = `${source === '' ? '' : ` — ${source}`}${when === '' ? '' : ` (${when})`}`;
  const title = cleanLine(item.title).trim();
  const emptyLink = slackLink(item.url, '');
  const linked = emptyLink.startsWith('<');
  // Budget for the label: what is left of the section once the bullet, link syntax and suffix are in.
  const overhead = 2 + suffix.length + (linked ? emptyLink.length - labelOf(emptyLink).length : 0);
  const label = fitEscaped(title, SECTION - overhead, escapeSlackLinkLabel);
  if (label === '') {
    if (linked) return `• ${emptyLink}${suffix}`;
    return suffix === '' ? '' : `• ${suffix.trim().replace(/^— /, '')}`;
  }
  return `• ${linked ? slackLink(item.url, label) : label}${suffix}`;
}

/** The label part of `<url|label>`. */
function labelOf(link: string): string {
  return link.slice(link.indexOf('|') + 1, -1);
}

export function footerDrafts(notes: readonly FooterNote[]): SlackDraft[] {
  const texts = notes
    .map((note) => {
      const text = cleanLine(note.text).trim();
      const prefix = note.warning === true ? '⚠ ' : '';
      return text === ''
        ? ''
        : fitEscaped(`${prefix}${text}`, SLACK_LIMITS.textObjectChars, escapeSlackPlain);
    })
    .filter(nonEmpty);
  const drafts: SlackDraft[] = [];
  for (const group of packLines(texts, SLACK_LIMITS.textObjectChars, '')) {
    for (let i = 0; i < group.length; i += SLACK_LIMITS.contextElements) {
      drafts.push(
        draft({ type: 'context', elements: group.slice(i, i + SLACK_LIMITS.contextElements).map(plain) }),
      );
    }
  }
  return drafts;
}
