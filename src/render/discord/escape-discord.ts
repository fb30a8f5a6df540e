import { cleanText } from '../clean-text.ts';
import { safeHttpUrl } from '../safe-url.ts';

/*
 * Discord markdown honours a backslash before any punctuation, so outside text gets one before
 * every character that can start formatting (`* _ ~ ` |`, headers `#`, quotes `>`, lists `-`,
 * masked links `[..](..)`) and before `<`, which opens user, role, channel, emoji and timestamp
 * mentions. A numbered-list marker ("1. ") only counts at the start of a line, so only its dot
 * is escaped there.
 *
 * `@everyone` and `@here` need no markup at all; a message's `allowed_mentions: { parse: [] }`
 * already stops them pinging, but a zero-width space after the `@` keeps them inert in any
 * transport that forgets it, and in content, where they would otherwise ping.
 */

const MARKDOWN = /[\\*_~`|>#\-[\]()<]/g;
const ORDERED_LIST = /^(\s*\d+)([.)])(?=\s|$)/gm;
const BROADCAST = /@(?=everyone|here)/gi;

// Each rewrite below is skipped when a quick test shows it would change nothing, as for most text.
function defuseBroadcasts(text: string): string {
  return text.includes('@') ? text.replace(BROADCAST, '@\u200B') : text;
}

/** For outside text in descriptions, titles and field names and values. */
export function escapeDiscordMarkdown(raw: string): string {
  let text = cleanText(raw);
  if (/[\\*_~`|>#\-[\]()<]/.test(text)) text = text.replace(MARKDOWN, (c) => `\\${c}`);
  if (/\d[.)]/.test(text)) text = text.replace(ORDERED_LIST, '$1\\$2');
  return defuseBroadcasts(text);
}

/** For text inside a ``` code block, where escapes are shown literally and only a backtick matters. */
export function escapeDiscordCode(raw: string): string {
  return defuseBroadcasts(cleanText(raw).replace(/`/g, 'ˋ'));
}

/** For footer and author text, which Discord shows without markdown or mentions. */
export function escapeDiscordPlain(raw: string): string {
  return defuseBroadcasts(cleanText(raw));
}

/**
 * `[label](url)` for a validated http(s) URL, or the label alone when the URL is not one. Pass a
 * label already escaped with `escapeDiscordMarkdown` (so callers can fit it to a budget).
 */
export function discordLink(url: string, escapedLabel: string): string {
  const href = safeHttpUrl(url);
  if (href === undefined) return escapedLabel;
  return `[${escapedLabel === '' ? escapeDiscordMarkdown(href) : escapedLabel}](${href})`;
}
