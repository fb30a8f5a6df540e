import { toHeadlineItem } from '../src/briefing/sections.ts';
import { defineCommand, publicReply } from '../src/command/command.ts';
import { clip } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import type { Block, FooterNote } from '../src/domain/document.ts';
import { formatInstant } from '../src/domain/format.ts';
import { TOPICS, type Topic } from '../src/domain/market-data.ts';
import { UserError } from '../src/errors.ts';

const USAGE = '/headlines [topic]';
export const HEADLINES_SHOWN = 8;

export const headlinesCommand = defineCommand({
  name: 'headlines',
  summary: 'The latest market headlines, deduplicated across feeds, with source and link.',
  usage: USAGE,
  examples: ['/headlines', '/headlines jgb', '/headlines gold'],
  options: [{ name: 'topic', description: `One of ${TOPICS.join(', ')}`, required: false, choices: TOPICS }],
  async run(text, context) {
    const tokens = tokenize(text.toLowerCase());
    if (tokens.length > 1)
      throw new UserError(
        'BAD_ARGUMENT',
        'Give one topic at most.',
        `Type ${USAGE}, for example /headlines jgb.`,
      );
    const topicText = tokens[0];
    if (topicText !== undefined && !(TOPICS as readonly string[]).includes(topicText)) {
      throw new UserError(
        'BAD_ARGUMENT',
        `"${clip(topicText)}" is not a topic.`,
        `Topics: ${TOPICS.join(', ')}. Example: /headlines oil`,
      );
    }
    const topic = topicText as Topic | undefined;
    const sourced = await context.market.headlines();
    const chosen = sourced.value.headlines
      .filter((h) => topic === undefined || h.topics.includes(topic))
      .slice(0, HEADLINES_SHOWN);
    const heading = topic ? `Headlines: ${topic}` : 'Headlines';
    const blocks: Block[] = [];
    blocks.push(
      chosen.length > 0
        ? { kind: 'headlines', items: chosen.map((h) => toHeadlineItem(h, context.timeZone)) }
        : { kind: 'notice', text: `No recent headlines${topic ? ` on ${topic}` : ''}.` },
    );

    const footer: FooterNote[] = [
      {
        text: `Sources: ${[...new Set(chosen.map((h) => h.source))].join(', ') || 'none'} · fetched ${formatInstant(sourced.fetchedAt)}`,
      },
    ];
    if (sourced.value.failed.length > 0) {
      footer.push({
        text: `Unavailable: ${sourced.value.failed.map((s) => s.name).join(', ')}`,
        warning: true,
      });
    }
    if (sourced.stale)
      footer.push({ text: 'Stale: the last refresh failed; showing earlier headlines.', warning: true });
    return publicReply({ title: heading, blocks, footer });
  },
});
