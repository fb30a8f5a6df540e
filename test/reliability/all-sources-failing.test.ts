import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeHttpServer, startFakeHttpServer } from '../support/fake-http-server.ts';
import { MOF_PATHS } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';

const CHALLENGE = '<!doctype html><noscript>This site requires JavaScript to verify your browser</noscript>';

/** Every source fails, each in its own way: status codes, timeouts, challenge pages, lies in JSON. */
let server: FakeHttpServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startFakeHttpServer();
  server.route(MOF_PATHS.enHistory, { status: 500 });
  server.route(MOF_PATHS.enCurrent, { status: 500 });
  server.route(MOF_PATHS.jaHistory, { status: 200, body: CHALLENGE });
  server.route(MOF_PATHS.jaCurrent, { status: 200, body: '' });
  server.route('/resource-center/data-chart-center/interest-rates/pages/xml', {
    status: 503,
    headers: { 'retry-after': '3600' },
  });
  server.route('/graph/fredgraph.csv', { status: 200, body: 'observation_date,DGS10\n2026-01-20,banana\n' });
  server.route('/price/XAU', { status: 200, body: '{"price":0}' });
  server.route('/price/XAG', { status: 200, body: '{"price":"NaN"}' });
  server.route('/0/public/Ticker', { status: 200, body: '{"error":["EService:Unavailable"],"result":{}}' });
  server.route('/api/v3/ticker/24hr', { status: 451, body: '{"code":0,"msg":"restricted location"}' });
  server.route('/api/v3/simple/price', {
    status: 429,
    headers: { 'retry-after': '3600' },
    body: '{"status":{"error_code":429}}',
  });
  server.route('/rss/a.xml', { status: 200, body: CHALLENGE });
  server.route('/rss/b.xml', { status: 200, body: '{"not":"a feed"}' });
  env = {
    LOG_LEVEL: 'silent',
    SOURCE_TIMEOUT_MS: '300',
    MOF_BASE_URL: server.baseUrl,
    TREASURY_BASE_URL: server.baseUrl,
    FRED_BASE_URL: server.baseUrl,
    GOLDAPI_BASE_URL: server.baseUrl,
    SWISSQUOTE_BASE_URL: server.baseUrl,
    // Nothing listens on port 9: connection refused.
    YAHOO_BASE_URL: 'http://127.0.0.1:9',
    KRAKEN_BASE_URL: server.baseUrl,
    BINANCE_BASE_URL: server.baseUrl,
    COINGECKO_BASE_URL: server.baseUrl,
    NEWS_FEEDS: `${server.baseUrl}/rss/a.xml,${server.baseUrl}/rss/b.xml,${server.baseUrl}/rss/missing.xml`,
  };
});
afterAll(() => server.close());

describe('every source failing in every way at once', () => {
  it('still prints a brief, with each section marked unavailable', async () => {
    const result = await runCli(['brief'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/JGB.*unavailable/i);
    expect(result.stdout).toMatch(/Treasuries.*unavailable/i);
    expect(result.stdout).toMatch(/Unavailable: .*Gold.*Bitcoin/);
    expect(result.stdout).toMatch(/Headlines.*unavailable/i);
    expect(result.stdout).not.toMatch(/\d\.\d{3}%/);
  });

  it.each(['/yield 40y', '/curve us', '/price btc', '/price gold', '/headlines'])(
    'answers %s with a short apology and a reference, exit code 1',
    async (command) => {
      const result = await runCli(['ask', command], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/not answering right now.*ref [0-9a-f]{8}/s);
      expect(result.stdout.length).toBeLessThan(300);
    },
  );

  it('still answers user errors and help without any source', async () => {
    expect((await runCli(['ask', '/yield 12y'], env)).code).toBe(2);
    expect((await runCli(['ask', '/help'], env)).code).toBe(0);
  });
});
