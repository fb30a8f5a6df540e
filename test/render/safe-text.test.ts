import { describe, expect, it } from 'vitest';
import { escapeDiscordMarkdown } from '../../src/render/discord/escape-discord.ts';
import { discordAttachmentName, renderDiscord } from '../../src/render/discord/render-discord.ts';
import { safeHttpUrl } from '../../src/render/safe-url.ts';
import { escapeSlackMrkdwn, escapeSlackPlain } from '../../src/render/slack/escape-slack.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';
import { discordTexts, slackMrkdwnTexts, slackTexts } from './platform-limits.ts';
import { documentOf, HOSTILE, headline, hostileDocument } from './sample-documents.ts';

const ATTACK = '@everyone <!channel> *bold* <https://evil|click>';
const DISCORD_SPECIALS = new Set([...'*_~`|<>[]()#-']);

/** Markdown characters not neutralised by a backslash in a Discord string. */
function unescapedDiscordSpecials(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (char === '\\') i += 1;
    else if (DISCORD_SPECIALS.has(char)) found.push(char);
  }
  return found;
}

/** Slack text with the one legitimate link (to the headline's own URL) reduced to its label. */
function withoutHeadlineLinks(text: string): string {
  return text.replace(/<https:\/\/example\.com\/news\/1\|([^<>|]*)>/g, '$1');
}

describe('safe text on Slack', () => {
  const messages = renderSlack(documentOf('Headlines', [{ kind: 'headlines', items: [headline(ATTACK)] }]));
  const text = slackTexts(messages);

  it('renders a hostile headline title inert: no broadcast, no stray <, no bold', () => {
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/@everyone/i);
    expect(text).not.toContain('*bold*');
    expect(withoutHeadlineLinks(text)).not.toMatch(/[<>]/);
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('links the headline to its own URL only, never to one hidden in the title', () => {
    const links = [...text.matchAll(/<(https?:[^|>]*)\|/g)].map((m) => m[1]);
    expect(links).toEqual(['https://example.com/news/1']);
  });

  it('keeps every place a plain string can go inert', () => {
    const all = renderSlack(hostileDocument());
    const body = `${slackTexts(all)}\n${all.map((m) => m.text).join('\n')}`;
    expect(body).not.toMatch(/<[!@#]/);
    expect(body).not.toMatch(/@(everyone|here|channel)/i);
    expect(withoutHeadlineLinks(body)).not.toMatch(/[<>]/);
    // plain_text never formats; mrkdwn outside code blocks must not carry the markers.
    const formatted = `${slackMrkdwnTexts(all)}\n${all.map((m) => m.text).join('\n')}`.replace(
      /```[\s\S]*?```/g,
      '',
    );
    expect(formatted).not.toMatch(/\*bold\*|_it_|~st~|`code`/);
  });

  it('escapes outside text into mrkdwn without any formatting character left', () => {
    expect(escapeSlackMrkdwn(HOSTILE)).not.toMatch(/[<>*_~`]/);
    expect(escapeSlackMrkdwn('a & b')).toBe('a &amp; b');
    expect(escapeSlackMrkdwn('> quoted')).toBe('\u00AD&gt; quoted');
    expect(escapeSlackPlain('<!here> *x*')).toBe('&lt;!here&gt; *x*');
  });

  it('shows a headline whose URL is not http(s) without a link', () => {
    const out = slackTexts(
      renderSlack(
        documentOf('H', [
          { kind: 'headlines', items: [headline('Click me', { url: 'javascript:alert(1)' })] },
        ]),
      ),
    );
    expect(out).toContain('Click me');
    expect(out).not.toContain('<');
  });
});

describe('safe text on Discord', () => {
  const messages = renderDiscord(documentOf('Headlines', [{ kind: 'headlines', items: [headline(ATTACK)] }]));
  const text = discordTexts(messages);

  it('disables mention parsing on every message', () => {
    for (const message of renderDiscord(hostileDocument()))
      expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('renders a hostile headline title with no bare @everyone and no live markdown', () => {
    expect(text).not.toMatch(/@everyone/i);
    const description = messages[0]?.embeds[0]?.description ?? '';
    const label = description.slice(description.indexOf('[') + 1, description.lastIndexOf(']('));
    expect(label).toBe(escapeDiscordMarkdown(ATTACK));
    expect(unescapedDiscordSpecials(label)).toEqual([]);
    expect(description).toContain('](https://example.com/news/1)');
    expect(description.match(/\]\(/g)).toHaveLength(1);
  });

  it('keeps every place a plain string can go free of pings and unescaped mentions', () => {
    const all = renderDiscord(hostileDocument());
    const body = discordTexts(all);
    expect(body).not.toMatch(/@(everyone|here)/i);
    const outsideCode = all
      .flatMap((m) =>
        m.embeds.flatMap((e) => [
          e.title ?? '',
          e.description ?? '',
          ...(e.fields ?? []).map((f) => f.value),
        ]),
      )
      .join('\n')
      .replace(/```[\s\S]*?```/g, '');
    expect(outsideCode).not.toMatch(/(^|[^\\])<[@#:&!]/);
    expect(unescapedDiscordSpecials(escapeDiscordMarkdown(HOSTILE))).toEqual([]);
  });

  it('names attachments with characters Discord accepts in attachment:// URLs', () => {
    expect(discordAttachmentName('curve jp/2026 (1).png')).toBe('curve_jp_2026__1_.png');
    expect(discordAttachmentName('')).toBe('image.png');
  });
});

describe('safe links', () => {
  it('accepts http(s) URLs and encodes the characters that close link syntax', () => {
    expect(safeHttpUrl('https://example.com/a|b(c)')).toBe('https://example.com/a%7Cb%28c%29');
  });

  it('rejects other schemes, relative links and credentials', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl('https://user:pw@example.com/')).toBeUndefined();
    expect(safeHttpUrl(`https://example.com/${'a'.repeat(2_000)}`)).toBeUndefined();
  });
});
