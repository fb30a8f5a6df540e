// Query parameters that say how a reader arrived, not which article it is. The same story reaches us
// through several feeds with different values (`?mod=mw_rss_topstories`, `?source=feed_symbol_AAPL`).
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'cmpid',
  'ocid',
  'ref',
  'ref_src',
  'mod',
  '__source',
  'at_medium',
  'at_campaign',
]);

function isTracking(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('utm_') || TRACKING_PARAMS.has(lower)) return true;
  // `source` can be meaningful on some sites; SeekingAlpha's feed-attribution values are not.
  return lower === 'source' && /^(feed|rss)/i.test(value);
}

/**
 * The identity of an article link: scheme, `www.`, fragment, tracking parameters and a trailing slash
 * dropped, host lowercased, remaining parameters sorted. Not a URL to open, only a key to compare.
 */
export function normaliseLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return link.trim();
  }
  const kept = [...url.searchParams].filter(([name, value]) => !isTracking(name, value));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
  const host = url.host.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${host}${path}${query}`;
}
