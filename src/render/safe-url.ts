/**
 * Links longer than this are shown as plain text: a headline line has to fit a Slack section
 * (3,000) or a Discord field with its title, and real article links stay far below it.
 */
export const MAX_LINK_URL_CHARS = 1_000;

/**
 * The normalised href of an absolute http(s) URL, or undefined for anything else (javascript:,
 * relative paths, credentials, over-long links). Characters that close link syntax on some
 * platform (`|` for Slack, parentheses for Markdown and Discord) are percent-encoded here once, so
 * every renderer can embed the result verbatim.
 */
export function safeHttpUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const href = url.href.replace(
    /[|()<>\s\\`]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return href.length <= MAX_LINK_URL_CHARS ? href : undefined;
}
