import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { createBriefComposer } from '../../src/schedule/brief-composer.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import {
  type FakeMarket,
  fixture,
  MOF_EMPTY_CURRENT_MONTH,
  MOF_PATHS,
  startFakeMarket,
} from '../support/fake-market.ts';

const HTML_CHALLENGE =
  '<noscript>This site requires JavaScript to verify your browser…</noscript><script nonce=x>(async()=>{const c="x",d=4})()</script>';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

function freshBot(overrides: Record<string, string> = {}, now = new Date('2026-05-01T00:00:00Z')) {
  const config = loadConfig({ ...market.env, SOURCE_TIMEOUT_MS: '300', ...overrides });
  return createBriefbot(config, { log: createLogger('silent'), now: () => now });
}

async function ask(bot: ReturnType<typeof freshBot>, line: string) {
  const result = await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
  return { ...result, text: renderText(result.reply.document) };
}

function serveMofEnglish() {
  market.server.route(MOF_PATHS.enHistory, { body: fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv') });
  market.server.route(MOF_PATHS.enCurrent, { body: MOF_EMPTY_CURRENT_MONTH });
}

function serveMofJapanese() {
  market.server.route(MOF_PATHS.jaHistory, { body: fixture('mof_jgb/jgbcm_all.ja.sjis.2026-06-30.csv') });
  market.server.route(MOF_PATHS.jaCurrent, {
    body: fixture('mof_jgb/jgbcm.ja.sjis.2025-10.no-rows.derived.csv'),
  });
}

beforeEach(() => {
  serveMofEnglish();
  serveMofJapanese();
});

describe('JGB yields when the English MOF files fail', () => {
  it.each([
    ['a 500', { status: 500, body: 'oops' }],
    ['a timeout', { delayMs: 1_000, body: 'late' }],
    ['an HTML challenge page with 200', { status: 200, body: HTML_CHALLENGE }],
    ['an empty body', { status: 200, body: '' }],
  ])('falls back to the Japanese files on %s and names that source', async (_, response) => {
    market.server.route(MOF_PATHS.enHistory, response);
    const { outcome, text } = await ask(freshBot(), '/yield 10y 2026-01-20');
    expect(outcome).toBe('answer');
    expect(text).toContain('2.330% on 2026-01-20');
    expect(text).toContain('Source: Ministry of Finance Japan');
  });

  it('answers after a 429 with Retry-After followed by success, from the first source', async () => {
    market.server.sequence(MOF_PATHS.enHistory, [
      { status: 429, headers: { 'retry-after': '0' } },
      { body: fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv') },
    ]);
    const before = market.server.countFor(MOF_PATHS.jaHistory);
    const { outcome, text } = await ask(freshBot(), '/yield 40y 2026-01-20');
    expect(outcome).toBe('answer');
    expect(text).toContain('+18.0 bp');
    expect(market.server.countFor(MOF_PATHS.jaHistory)).toBe(before);
  });
});

describe('a source that fails after a good fetch', () => {
  /** A bot whose curves expire at once, so every read is a refresh. */
  function alwaysRefreshingBot() {
    const config = loadConfig({ ...market.env, SOURCE_TIMEOUT_MS: '300' });
    return createBriefbot(config, {
      log: createLogger('silent'),
      now: () => new Date('2026-05-01T00:00:00Z'),
      ttlMs: { curve: 0 },
    });
  }

  it('keeps the last good value and labels it stale when a refresh fails', async () => {
    const bot = alwaysRefreshingBot();
    expect((await ask(bot, '/yield 40y')).text).not.toContain('Stale');
    market.server.route(MOF_PATHS.enHistory, { status: 503 });
    market.server.route(MOF_PATHS.jaHistory, { status: 503 });
    const { outcome, text } = await ask(bot, '/yield 40y');
    expect(outcome).toBe('answer');
    expect(text).toContain('3.743% on 2026-04-30');
    expect(text).toMatch(
      /Stale: the last refresh failed; showing data fetched \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/,
    );
  });

  it('answers from the stale value at once while the source is down, without asking it again', async () => {
    const bot = alwaysRefreshingBot();
    expect((await ask(bot, '/yield 40y')).text).not.toContain('Stale');
    // Both MOF sources hang past the timeout: the first refresh waits for them and fails.
    market.server.route(MOF_PATHS.enHistory, { delayMs: 1_000, body: 'late' });
    market.server.route(MOF_PATHS.jaHistory, { delayMs: 1_000, body: 'late' });
    expect((await ask(bot, '/yield 40y')).text).toContain('Stale');
    const asked = () =>
      market.server.countFor(MOF_PATHS.enHistory) + market.server.countFor(MOF_PATHS.jaHistory);
    const before = asked();
    for (const line of ['/yield 40y', '/yield 10y', '/curve']) {
      const { outcome, text } = await ask(bot, line);
      expect(outcome).toBe('answer');
      expect(text).toContain('Stale: the last refresh failed');
    }
    expect(asked()).toBe(before);
  });
});

describe('a scheduled brief while a source is in its failure pause', () => {
  it('waits for the recovered source and shows fresh figures, while commands still answer stale at once', async () => {
    const config = loadConfig({ ...market.env, SOURCE_TIMEOUT_MS: '300' });
    const now = new Date('2026-04-30T22:30:00Z');
    const bot = createBriefbot(config, { log: createLogger('silent'), now: () => now, ttlMs: { curve: 0 } });
    const composer = createBriefComposer({
      market: bot.market,
      briefs: bot.store.briefs,
      now: () => now,
      sigmaWindowDays: 60,
    });
    expect((await ask(bot, '/yield 40y')).text).not.toContain('Stale');
    market.server.route(MOF_PATHS.enHistory, { status: 503 });
    market.server.route(MOF_PATHS.jaHistory, { status: 503 });
    expect((await ask(bot, '/yield 40y')).text).toContain('Stale');

    // The source is back a few seconds later, inside the pause: a command is not kept waiting on it…
    serveMofEnglish();
    serveMofJapanese();
    const asked = () => market.server.countFor(MOF_PATHS.enHistory);
    const before = asked();
    expect((await ask(bot, '/yield 40y')).text).toContain('Stale');
    expect(asked()).toBe(before);

    // …but the brief due now asks it again rather than go out marked stale.
    const brief = renderText(
      await composer.compose({
        scheduleId: 's1',
        fireAt: now.toISOString(),
        platform: 'slack',
        channelId: 'C1',
        ownerId: 'U1',
        template: 'morning',
        timeZone: 'Asia/Tokyo',
      }),
    );
    expect(asked()).toBe(before + 1);
    expect(brief).toContain('Ministry of Finance Japan');
    expect(brief).not.toMatch(/JGB[^\n]*stale/i);
    expect((await ask(bot, '/yield 40y')).text).not.toContain('Stale');
  });
});

describe('prices', () => {
  it('falls back from Kraken to Binance on a 500 and names Binance', async () => {
    market.server.route('/0/public/Ticker', { status: 500 });
    market.server.route('/api/v3/ticker/24hr', {
      body: fixture('binance/ticker_24hr_BTCUSDT.2021-12-17.extracted-from-log.json'),
    });
    const { outcome, text } = await ask(freshBot({}, new Date('2021-12-17T10:41:00Z')), '/price btc');
    expect(outcome).toBe('answer');
    expect(text).toContain('Source: Binance (USDT)');
    market.server.route('/0/public/Ticker', { body: fixture('kraken/ticker_XBTUSD.from-text.json') });
  });

  it('measures gold from gold-api, which gives no previous close, against the last recorded close', async () => {
    market.server.route('/price/XAU', { body: fixture('gold-api/price_XAU.synthetic-shape-sample.json') });
    try {
      const bot = freshBot({}, new Date('2026-08-18T14:05:00Z'));
      const none = await ask(bot, '/price gold');
      expect(none.text).toContain('Source: gold-api.com');
      expect(none.text).toMatch(/Change\s+not available: the source gives no previous close/);

      // A close more than three weekdays back measures no daily change; the last one before does.
      await bot.store.history.record('gold', '2026-08-12', 4000, { source: 'gold-api' });
      expect((await ask(bot, '/price gold')).text).toMatch(
        /Change\s+not available: the source gives no previous close, and briefbot recorded none in the last 3 weekdays/,
      );
      // A futures close (Yahoo's GC=F, recorded while gold-api was down) is no measure of spot's change.
      await bot.store.history.record('gold', '2026-08-17', 4335, {
        source: 'yahoo',
        contract: 'Gold Oct 26',
      });
      expect((await ask(bot, '/price gold')).text).toMatch(
        /Change\s+not available: the source gives no previous close, and the last price recorded \(2026-08-17, UTC\) came from yahoo \(Gold Oct 26\): not like for like/,
      );
      await bot.store.history.record('gold', '2026-08-17', 4300, { source: 'gold-api' });
      const { text } = await ask(bot, '/price gold');
      expect(text).toMatch(/Change\s+\+21\.50 \(\+0\.50%\) vs the last price recorded on 2026-08-17 \(UTC\)/);
    } finally {
      market.server.route('/price/XAU', { status: 404 });
    }
  });

  it('shows no change for Yahoo futures across a contract roll, and names both contracts', async () => {
    // gold-api and Swissquote answer nothing here, so gold comes from Yahoo's GC=F ("Gold Apr 25").
    const bot = freshBot({}, new Date('2025-02-20T12:00:00Z'));
    await bot.store.history.record('gold', '2025-02-19', 2_930, { source: 'yahoo', contract: 'Gold Feb 25' });
    const { text } = await ask(bot, '/price gold');
    expect(text).toContain('Source: Yahoo Finance');
    expect(text).toMatch(
      /Change\s+not available: the front-month contract rolled from Gold Feb 25 to Gold Apr 25, so the previous close is another contract's/,
    );
  });

  it('treats an unknown symbol as a failure of that source, not as data', async () => {
    market.server.route('/0/public/Ticker', { body: '{"error":["EQuery:Unknown asset pair"],"result":{}}' });
    market.server.route('/api/v3/ticker/24hr', {
      status: 400,
      body: '{"code":-1121,"msg":"Invalid symbol."}',
    });
    market.server.route('/api/v3/simple/price', { body: '{}' });
    const { outcome, text } = await ask(freshBot(), '/price xrp');
    expect(outcome).toBe('internal-error');
    expect(text).toMatch(/not answering right now/);
    expect(text).not.toMatch(/\d{2,},\d{3}/);
    market.server.route('/0/public/Ticker', { body: fixture('kraken/ticker_XBTUSD.from-text.json') });
  });
});
