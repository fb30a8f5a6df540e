import type { Document } from '../../domain/document.ts';
import { keptWithFrozen } from '../../domain/memo.ts';
import { cleanLine } from '../clean-text.ts';
import { fitEscaped } from '../fit-text.ts';
import { escapeSlackMrkdwn } from './escape-slack.ts';
import { SLACK_LIMITS } from './limits.ts';
import { blockDrafts, footerDrafts, headerDraft, type SlackDraft } from './slack-block-drafts.ts';
import { type SlackBlock, type SlackMessage, slackBlockTexts } from './slack-blocks.ts';

export type { SlackBlock, SlackMessage, SlackTextObject } from './slack-blocks.ts';

/** Fallback text for a document with no title, so no message is ever sent without one. */
const UNTITLED = 'briefbot';
/** Room kept in the fallback text for the " (12/12)" part marker. */
const PART_MARKER_CHARS = 16;

/**
 * A document as one or more Block Kit messages. Content that does not fit one message continues in
 * the next, split between blocks (never inside a headline or a table row); a single over-long
 * string is cut with an ellipsis. Always at least one message, each with at least one block.
 */
export function renderSlack(doc: Document): readonly SlackMessage[] {
  // A warm command hands out the same frozen document to every caller (see /yield): its rendering
  // is kept with it rather than redone per reply.
  return keptWithFrozen(rendered, doc, () => render(doc));
}

const rendered = new WeakMap<Document, readonly SlackMessage[]>();

function render(doc: Document): SlackMessage[] {
  const drafts = [...headerDraft(doc.title), ...doc.blocks.flatMap(blockDrafts), ...footerDrafts(doc.footer)];
  const pages = paginate(drafts.length > 0 ? drafts : [emptyDraft()]);
  const title = fitEscaped(
    cleanLine(doc.title).trim() || UNTITLED,
    SLACK_LIMITS.fallbackTextChars - PART_MARKER_CHARS,
    escapeSlackMrkdwn,
  );
  return pages.map((blocks, i) => ({
    text: pages.length === 1 ? title : `${title} (${i + 1}/${pages.length})`,
    blocks,
  }));
}

function emptyDraft(): SlackDraft {
  return { block: { type: 'section', text: { type: 'plain_text', text: '(empty)' } }, keepWithNext: false };
}

function textSize(block: SlackBlock): number {
  return slackBlockTexts(block).reduce((sum, text) => sum + text.length, 0);
}

/** Greedy packing into messages within the block count and the per-message text budget. */
function paginate(drafts: readonly SlackDraft[]): SlackBlock[][] {
  const pages: SlackDraft[][] = [];
  let page: SlackDraft[] = [];
  let size = 0;
  for (const item of drafts) {
    const itemSize = textSize(item.block);
    const full =
      page.length === SLACK_LIMITS.blocksPerMessage ||
      size + itemSize > SLACK_LIMITS.blockTextCharsPerMessage;
    if (page.length > 0 && full) {
      const carried = trailingKeepWithNext(page, itemSize);
      pages.push(page.slice(0, page.length - carried.length));
      page = [...carried];
      size = sizeOf(page);
    }
    page.push(item);
    size += itemSize;
  }
  if (page.length > 0) pages.push(page);
  return pages.map((p) => p.map((d) => d.block));
}

function sizeOf(page: readonly SlackDraft[]): number {
  return page.reduce((sum, d) => sum + textSize(d.block), 0);
}

/** A heading left at the bottom of a full message moves on with the content it introduces. */
function trailingKeepWithNext(page: readonly SlackDraft[], nextSize: number): SlackDraft[] {
  let start = page.length;
  while (start > 0 && page[start - 1]?.keepWithNext === true) start -= 1;
  const carried = page.slice(start);
  // Never empty a page, and only carry what fits beside the next block.
  const fits =
    carried.length + 1 <= SLACK_LIMITS.blocksPerMessage &&
    sizeOf(carried) + nextSize <= SLACK_LIMITS.blockTextCharsPerMessage;
  return start === 0 || !fits ? [] : carried;
}
