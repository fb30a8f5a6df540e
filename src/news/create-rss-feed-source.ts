import type { FeedSource, Headline } from '../domain/market-data.ts';
import { ConfigError, SourceError } from '../errors.ts';
import type { HttpClient } from '../sources/http-client.ts';
import { parseFeed } from './parse-feed.ts';

export interface RssFeedSourceOptions {
  readonly http: HttpClient;
  /** The full feed URL (RSS 2.0, RSS 1.0 or Atom). */
  readonly url: string;
  /** Shown as the source of the feed's headlines and in failure reports; defaults to the host. */
  readonly name?: string;
}

/** One RSS or Atom feed as a {@link FeedSource}: fetch through the shared client, then {@link parseFeed}. */
export function createRssFeedSource({ http, url, name }: RssFeedSourceOptions): FeedSource {
  let host: string;
  try {
    host = new URL(url).host.toLowerCase();
  } catch {
    throw new ConfigError([`news feed URL is not a URL: ${url}`]);
  }
  const ref = { id: `rss:${host}`, name: name ?? host };
  return {
    ref,
    async fetchHeadlines(): Promise<Headline[]> {
      const bytes = await http.getBytes(url, { source: ref.id, expect: 'xml' });
      return parseFeed(decodeFeed(bytes, ref.id, url), url, name === undefined ? {} : { feedName: name });
    },
  };
}

/**
 * Feeds are UTF-8 almost always, but the XML declaration may name another charset (older Japanese
 * feeds use Shift_JIS). Decoding with the declared one keeps titles readable; an unknown label fails.
 */
export function decodeFeed(bytes: Buffer, source: string, url: string): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(
    head,
  )?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch (error) {
    throw new SourceError(
      'BAD_PAYLOAD',
      `${source} declared an unknown encoding (${declared})`,
      { source, url },
      { cause: error },
    );
  }
}
