import { beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import type { Snapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary } from '../../src/briefing/template-library.ts';
import type { Document } from '../../src/domain/document.ts';
import { escapeDiscordMarkdown } from '../../src/render/discord/escape-discord.ts';
import { renderDiscord } from '../../src/render/discord/render-discord.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';
import { discordTexts, slackMrkdwnTexts, slackTexts } from '../render/platform-limits.ts';
import { GOLDEN_TAKEN_AT, goldenSnapshot } from './golden-snapshot.ts';

const ATTACK = '@everyone <!channel> *bold* <https://evil|click>';
const LINK = 'https://example.com/news/1';

/** The golden morning brief with one headline, on the JGB topic, titled as an attack. */
let doc: Document;
beforeAll(async () => {
  const snapshot = await goldenSnapshot();
  const hostile: Snapshot = {
    ...snapshot,
    headlines: {
      ok: true,
      value: {
        value: {
          headlines: [
            {
              id: 'attack',
              title: ATTACK,
              url: LINK,
              source: '@here <@U024BE7LH>',
              publishedAt: new Date(GOLDEN_TAKEN_AT.getTime() - 3_600_000),
              topics: ['jgb'],
            },
          ],
          failed: [],
        },
        source: { id: 'rss', name: 'news feeds' },
        fetchedAt: GOLDEN_TAKEN_AT,
        stale: false,
      },
    },
  };
  const template = (await loadTemplateLibrary()).get('morning');
  if (!template) throw new Error('no morning template');
  doc = composeBrief({ snapshot: hostile, template, timeZone: 'Asia/Tokyo' });
});

describe('a hostile headline inside a composed brief', () => {
  it('reaches the document as plain text, unchanged', () => {
    const items = doc.blocks.flatMap((b) => (b.kind === 'headlines' ? b.items : []));
    expect(items.map((i) => i.title)).toEqual([ATTACK]);
  });

  it('renders inert on Slack: no broadcast, no mention, no bold, no link but its own', () => {
    const messages = renderSlack(doc);
    const text = `${slackTexts(messages)}\n${messages.map((m) => m.text).join('\n')}`;
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toMatch(/@(everyone|here)/i);
    expect(slackMrkdwnTexts(messages).replace(/```[\s\S]*?```/g, '')).not.toContain('*bold*');
    const links = [...text.matchAll(/<(https?:[^|>]*)\|/g)].map((m) => m[1]);
    expect(links).toEqual([LINK]);
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('renders inert on Discord: mentions disabled, markdown escaped, no link but its own', () => {
    const messages = renderDiscord(doc);
    for (const message of messages) expect(message.allowed_mentions).toEqual({ parse: [] });
    const text = discordTexts(messages);
    expect(text).not.toMatch(/@(everyone|here)/i);
    // Footers are plain text on Discord (no markdown, no mentions); everywhere else must be escaped.
    const formatted = messages
      .flatMap((m) =>
        m.embeds.flatMap((e) => [
          e.title ?? '',
          e.description ?? '',
          ...(e.fields ?? []).map((f) => f.value),
        ]),
      )
      .join('\n');
    expect(formatted).not.toMatch(/(^|[^\\])<[@#:&!]/m);
    expect(text).toContain(`[${escapeDiscordMarkdown(ATTACK)}](${LINK})`);
    expect([...text.matchAll(/\]\((https?:[^)]*)\)/g)].map((m) => m[1])).toEqual([LINK]);
  });
});
