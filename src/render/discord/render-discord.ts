import type { Block, Document, HeadlineItem } from '../../domain/document.ts';
import { keptWithFrozen } from '../../domain/memo.ts';
import { cleanLine, cleanText } from '../clean-text.ts';
import { fitEscaped, packLines, splitEscaped } from '../fit-text.ts';
import { columnCount, layoutTable } from '../table-layout.ts';
import { type DiscordEmbed, type DiscordMessage, discordEmbedChars } from './discord-message.ts';
import { createEmbedBuilder } from './embed-builder.ts';
import {
  discordLink,
  escapeDiscordCode,
  escapeDiscordMarkdown,
  escapeDiscordPlain,
} from './escape-discord.ts';
import { DISCORD_LIMITS } from './limits.ts';

export type { DiscordEmbed, DiscordEmbedField, DiscordMessage } from './discord-message.ts';

type EmbedBuilder = ReturnType<typeof createEmbedBuilder>;

const DESCRIPTION = DISCORD_LIMITS.descriptionChars;
/** Budgets for the parts of a line around a headline title, so the title keeps most of the room. */
const SOURCE_CHARS = 200;
const WHEN_CHARS = 100;
const TABLE_HEADER_LINE_CHARS = 1_000;
/** Discord rejects empty field names and values; a zero-width space is its usual stand-in. */
const BLANK = '\u200B';

/** The file name the transport must upload an image under for `attachment://` to find it. */
export function discordAttachmentName(name: string): string {
  const safe = cleanLine(name)
    .trim()
    .replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? 'image.png' : safe.slice(-100);
}

/**
 * A document as one or more Discord messages of embeds. Content that does not fit an embed moves
 * to the next embed, and embeds that do not fit a message to the next message; a single over-long
 * string is cut with an ellipsis. Always at least one message, each with at least one embed.
 */
export function renderDiscord(doc: Document): readonly DiscordMessage[] {
  // A warm command hands out the same frozen document to every caller (see /yield): its rendering
  // is kept with it rather than redone per reply.
  return keptWithFrozen(rendered, doc, () => render(doc));
}

const rendered = new WeakMap<Document, readonly DiscordMessage[]>();

function render(doc: Document): DiscordMessage[] {
  const title = fitEscaped(cleanLine(doc.title).trim(), DISCORD_LIMITS.titleChars, escapeDiscordMarkdown);
  const builder = createEmbedBuilder(title);
  for (const block of doc.blocks) addBlock(builder, block);
  const footer = footerText(doc);
  if (footer !== '') builder.setFooter(footer);
  const embeds = builder.build();
  return paginate(embeds.length > 0 ? embeds : [{ description: '(empty)' }]).map((page) => ({
    embeds: page,
    allowed_mentions: { parse: [] },
  }));
}

function addBlock(builder: EmbedBuilder, block: Block): void {
  switch (block.kind) {
    case 'heading': {
      const text = fitEscaped(cleanLine(block.text).trim(), DESCRIPTION - 4, escapeDiscordMarkdown);
      if (text !== '') builder.addPiece(`**${text}**`);
      return;
    }
    case 'text': {
      const muted = block.tone === 'muted';
      for (const chunk of splitEscaped(cleanText(block.text), DESCRIPTION - 2, escapeDiscordMarkdown)) {
        builder.addPiece(muted ? `*${chunk}*` : chunk);
      }
      return;
    }
    case 'notice':
      for (const chunk of splitEscaped(cleanText(block.text), DESCRIPTION - 6, escapeDiscordMarkdown)) {
        builder.addPiece(`⚠ **${chunk}**`);
      }
      return;
    case 'fields':
      for (const field of block.items) {
        const name = fitEscaped(
          cleanLine(field.label).trim(),
          DISCORD_LIMITS.fieldNameChars,
          escapeDiscordMarkdown,
        );
        const value = fitEscaped(
          cleanLine(field.value).trim(),
          DISCORD_LIMITS.fieldValueChars,
          escapeDiscordMarkdown,
        );
        if (name !== '' || value !== '')
          builder.addField({ name: name || BLANK, value: value || BLANK, inline: true });
      }
      return;
    case 'table':
      for (const chunk of tableChunks(block)) builder.addPiece(chunk);
      return;
    case 'bullets':
      for (const item of block.items) {
        const text = fitEscaped(cleanLine(item).trim(), DESCRIPTION - 2, escapeDiscordMarkdown);
        if (text !== '') builder.addPiece(`• ${text}`);
      }
      return;
    case 'headlines':
      for (const item of block.items) {
        const line = headlineLine(item);
        if (line !== '') builder.addPiece(line);
      }
      return;
    case 'image': {
      const alt = fitEscaped(cleanLine(block.image.alt).trim(), DESCRIPTION - 2, escapeDiscordMarkdown);
      builder.addImage(
        `attachment://${discordAttachmentName(block.image.name)}`,
        alt === '' ? '' : `*${alt}*`,
      );
      return;
    }
    case 'divider':
      builder.addPiece('─'.repeat(24));
      return;
  }
}

function tableChunks(table: Extract<Block, { kind: 'table' }>): string[] {
  if (columnCount(table) === 0) return [];
  const layout = layoutTable(table);
  const header = layout.header.map((line) => fitEscaped(line, TABLE_HEADER_LINE_CHARS, escapeDiscordCode));
  const fence = '```';
  const rowBudget =
    DESCRIPTION - 2 * fence.length - 2 - header.reduce((sum, line) => sum + line.length + 1, 0);
  const rows = layout.rows.map((line) => fitEscaped(line, rowBudget, escapeDiscordCode));
  const groups = rows.length === 0 ? [[]] : packLines(rows, rowBudget);
  return groups.map((group) => `${fence}\n${[...header, ...group].join('\n')}\n${fence}`);
}

function headlineLine(item: HeadlineItem): string {
  const source = fitEscaped(cleanLine(item.source).trim(), SOURCE_CHARS, escapeDiscordMarkdown);
  const when = fitEscaped(cleanLine(item.when ?? '').trim(), WHEN_CHARS, escapeDiscordMarkdown);
  const suffix = [source, when].filter((part) => part !== '').join(' · ');
  const tail = suffix === '' ? '' : ` — ${suffix}`;
  const emptyLink = discordLink(item.url, '');
  const linked = emptyLink.startsWith('[');
  const labelChars = linked ? emptyLink.slice(1, emptyLink.lastIndexOf('](')).length : 0;
  const overhead = 2 + tail.length + (linked ? emptyLink.length - labelChars : 0);
  const label = fitEscaped(cleanLine(item.title).trim(), DESCRIPTION - overhead, escapeDiscordMarkdown);
  if (label === '') return linked ? `• ${emptyLink}${tail}` : suffix === '' ? '' : `• ${suffix}`;
  return `• ${linked ? discordLink(item.url, label) : label}${tail}`;
}

function footerText(doc: Document): string {
  const lines = doc.footer
    .map((note) => {
      const text = cleanLine(note.text).trim();
      return text === '' ? '' : `${note.warning === true ? '⚠ ' : ''}${text}`;
    })
    .filter((line) => line !== '');
  return fitEscaped(lines.join('\n'), DISCORD_LIMITS.footerTextChars, escapeDiscordPlain);
}

/** Greedy packing of embeds into messages within the embed count and the shared character budget. */
function paginate(embeds: readonly DiscordEmbed[]): DiscordEmbed[][] {
  const pages: DiscordEmbed[][] = [];
  let page: DiscordEmbed[] = [];
  let chars = 0;
  for (const embed of embeds) {
    const size = discordEmbedChars(embed);
    if (
      page.length > 0 &&
      (page.length === DISCORD_LIMITS.embedsPerMessage || chars + size > DISCORD_LIMITS.embedCharsPerMessage)
    ) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(embed);
    chars += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
