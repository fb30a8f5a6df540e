import { cleanText } from '../clean-text.ts';
import { safeHttpUrl } from '../safe-url.ts';

/*
 * Why this approach. Slack's documented escaping covers only `&`, `<` and `>`: they are the control
 * characters of its "special parsing" (mentions `<@U…>`, `<!channel>`, links `<url|label>`), and
 * Slack decodes the three entities for display in any text object. Escaping them makes every
 * mention and link in outside text inert.
 *
 * mrkdwn has no escape for `*`, `_`, `~` and `` ` ``. Zero-width characters are not reliable:
 * Slack treats U+200B as a word boundary (tools insert it precisely to *enable* formatting inside
 * words). So in mrkdwn, external text gets look-alike characters (∗ ˍ ∼ ˋ) that cannot pair up as
 * formatting, and a leading `>` gets a soft hyphen so it cannot start a quote. To keep that rare,
 * the renderer uses plain_text (never formatted) wherever no link or bold is needed, and mrkdwn
 * only for headings, field labels, headlines and code blocks.
 *
 * Plain `@here`/`@channel`/`@everyone` only notify when a poster sets `link_names`; we never do,
 * and mark mrkdwn `verbatim`, but a zero-width space after the `@` costs nothing and keeps them
 * inert whatever a transport does.
 */

const BROADCAST = /@(?=everyone|here|channel)/gi;
const LOOKALIKE: Readonly<Record<string, string>> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

// Most text needs none of the rewrites below; a test first skips the copies (every reply renders
// dozens of short strings).
function escapeEntities(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function defuseBroadcasts(text: string): string {
  return text.includes('@') ? text.replace(BROADCAST, '@\u200B') : text;
}

/** For plain_text objects: no formatting applies, but Slack still decodes the three entities. */
export function escapeSlackPlain(raw: string): string {
  return defuseBroadcasts(escapeEntities(cleanText(raw)));
}

/** For outside text inside mrkdwn: inert mentions and links, and no formatting. */
export function escapeSlackMrkdwn(raw: string): string {
  let text = escapeEntities(cleanText(raw));
  if (/[*_~`]/.test(text)) text = text.replace(/[*_~`]/g, (c) => LOOKALIKE[c] ?? c);
  if (text.includes('&gt;')) text = text.replace(/^(\s*)&gt;/gm, '$1\u00AD&gt;');
  return defuseBroadcasts(text);
}

/** For text inside a ``` code block, where only a backtick could end the block early. */
export function escapeSlackCode(raw: string): string {
  return defuseBroadcasts(escapeEntities(cleanText(raw)).replace(/`/g, 'ˋ'));
}

/** A link label: escaped mrkdwn without `|`, which would end the label early. */
export function escapeSlackLinkLabel(raw: string): string {
  return escapeSlackMrkdwn(raw.replace(/\s+/g, ' ')).replace(/\|/g, '∣');
}

/**
 * `<url|label>` for a validated http(s) URL, or the escaped label alone when the URL is not one.
 * Pass a label already escaped with `escapeSlackLinkLabel` (so callers can fit it to a budget).
 */
export function slackLink(url: string, escapedLabel: string): string {
  const href = safeHttpUrl(url);
  if (href === undefined) return escapedLabel;
  return `<${href.replace(/&/g, '&amp;')}|${escapedLabel === '' ? escapeSlackLinkLabel(href) : escapedLabel}>`;
}
