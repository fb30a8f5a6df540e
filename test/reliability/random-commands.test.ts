import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
let bot: ReturnType<typeof createBriefbot>;
beforeAll(async () => {
  market = await startFakeMarket();
  // Sources that the fake market does not serve fail fast, like a real outage.
  bot = createBriefbot(loadConfig({ ...market.env, SOURCE_TIMEOUT_MS: '200' }), {
    log: createLogger('silent'),
    defaultMetrics: false,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
  // Warm every cache once so the 10,000 runs exercise the command layer, not the network.
  for (const line of [
    '/yield 40y',
    '/yield us 10y',
    '/price btc',
    '/price gold',
    '/price oil',
    '/headlines',
  ]) {
    await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
  }
});
afterAll(() => market.close());

const word = fc.oneof(
  fc.constantFrom(
    'yield',
    'curve',
    'price',
    'headlines',
    'help',
    'brief',
    'digest',
    'alert',
    'Yield',
    'YIELD',
  ),
  fc.constantFrom(
    'jp',
    'us',
    'JP',
    'vs',
    '1w',
    '1m',
    '1y',
    '1d',
    '40y',
    '10y',
    '12y',
    '0y',
    '1.5m',
    '40',
    '-5y',
    '1e3y',
    'NaNy',
  ),
  fc.constantFrom(
    'gold',
    'xau',
    'oil',
    'ripple',
    'btc',
    'platinum',
    'usd/jpy',
    'jgb',
    'fx',
    'add',
    'list',
    'remove',
  ),
  fc.constantFrom(
    '2026-01-20',
    '2026-02-30',
    '1974-09-24',
    '1900-01-01',
    '2999-12-31',
    '2026-1-20',
    '20260120',
  ),
  fc.constantFrom(
    '@everyone',
    '<!channel>',
    '<@U123>',
    '*bold*',
    '`code`',
    '"',
    "'",
    '\\',
    '\u0000',
    '\u202e',
    '🙂',
    '十年',
    '４０ｙ',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

const wellFormed = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('/yield ', '/yield jp ', '/yield us '),
      fc.constantFrom('1y', '2y', '10y', '30y', '40y', '1m', '1.5m'),
      fc.constantFrom('', ' 2026-01-20', ' 2025-09-02', ' 1999-02-05', ' 2026-04-30'),
    )
    .map(([a, b, c]) => `${a}${b}${c}`),
  fc
    .tuple(
      fc.constantFrom('/curve', '/curve us', '/curve jp'),
      fc.constantFrom('', ' vs 1w', ' vs 1m', ' vs 1y', ' 1d', ' vs 2026-01-20'),
    )
    .map(([a, b]) => `${a}${b}`),
  fc.constantFrom(
    '/price btc',
    '/price xbt',
    '/price gold',
    '/price xau',
    '/headlines',
    '/headlines oil',
    '/headlines jgb',
    '/help',
    '/help yield',
  ),
);

const commandLine = fc.oneof(
  wellFormed,
  fc
    .tuple(fc.constantFrom('/', '', '//', ' /'), fc.array(word, { minLength: 0, maxLength: 6 }))
    .map(([slash, words]) => `${slash}${words.join(' ')}`),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 400, maxLength: 6_000 }).map((s) => `/yield ${s}`),
);

describe('10,000 random command strings', () => {
  it('each ends as an answer or a user error (or, for a source that is down, a labelled apology), never a crash', async () => {
    const outcomes = { answer: 0, 'user-error': 0, 'internal-error': 0 };
    await fc.assert(
      fc.asyncProperty(commandLine, async (line) => {
        const result = await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
        outcomes[result.outcome] += 1;
        const text = renderText(result.reply.document);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
        // Sources that the fake market does not serve (oil, silver) are internal failures, honestly labelled.
        if (result.outcome === 'internal-error') expect(text).toMatch(/ref [0-9a-f]{8}/);
      }),
      { numRuns: 10_000 },
    );
    expect(outcomes.answer + outcomes['user-error'] + outcomes['internal-error']).toBe(10_000);
    expect(outcomes.answer).toBeGreaterThan(1_000);
    expect(outcomes['user-error']).toBeGreaterThan(1_000);
  }, 120_000);
});
