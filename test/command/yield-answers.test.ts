import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Document } from '../../src/domain/document.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderDiscord } from '../../src/render/discord/render-discord.ts';
import { renderText } from '../../src/render/render-text.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, MOF_PATHS, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

/** A bot whose clock the test moves; the data (MOF history to 2026-04-30) stays cached. */
function botAt(start: string) {
  const clock = { now: new Date(start) };
  const bot = createBriefbot(loadConfig(market.env), { log: createLogger('silent'), now: () => clock.now });
  const ask = async (line: string) => {
    const { reply, outcome } = await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
    expect(outcome).toBe('answer');
    return reply.document;
  };
  return { clock, ask };
}

describe('/yield answers from warm data', () => {
  it('hands out one immutable document, and one rendering of it, while nothing it shows has changed', async () => {
    const { ask } = botAt('2026-05-01T00:00:00Z');
    const first = await ask('/yield 40y');
    const second = await ask('/yield 40y');
    expect(second).toBe(first);
    expect(renderSlack(second)).toBe(renderSlack(first));
    expect(renderDiscord(second)).toBe(renderDiscord(first));
    expect(Object.isFrozen(first.blocks)).toBe(true);
    expect(() => (first.footer as Document['footer'][number][]).push({ text: 'changed' })).toThrow(TypeError);
  });

  it('answers each tenor and date with its own figures', async () => {
    const { ask } = botAt('2026-05-01T00:00:00Z');
    expect((await ask('/yield 40y 2026-01-20')).title).toBe('JGB 40Y 3.901%');
    expect((await ask('/yield 10y 2026-01-20')).title).toBe('JGB 10Y 2.330%');
    expect((await ask('/yield 40y 2026-01-20')).title).toBe('JGB 40Y 3.901%');
  });

  it('compares nothing across a gap in the data, but across a market closure as usual', async () => {
    const { ask } = botAt('2026-05-01T00:00:00Z');
    // The MOF 1Y column is empty from 1978-05-22 to 1980-08-21: not a 450 bp, 305σ daily move.
    const resumed = renderText(await ask('/yield 1y 1980-08-22'));
    expect(resumed).toMatch(
      /Change\s+not available: the series has no value between 1978-05-19 and 1980-08-22/,
    );
    expect(resumed).not.toMatch(/1 week|1 month|σ/);
    // Golden Week 2019: ten days closed, and the change is still the previous business day's.
    const afterHolidays = renderText(await ask('/yield 10y 2019-05-07'));
    expect(afterHolidays).toMatch(/Change\s+-0\.4 bp vs 2019-04-26/);
  });

  it('adds the stale-data warning once the calendar moves past the data, with the data unchanged', async () => {
    const { clock, ask } = botAt('2026-05-01T00:00:00Z');
    const fresh = renderText(await ask('/yield 40y'));
    expect(fresh).not.toMatch(/Stale/);
    const requests = market.server.requests.filter((r) => r.url.startsWith(MOF_PATHS.enHistory)).length;
    clock.now = new Date('2026-05-20T00:00:00Z');
    const later = renderText(await ask('/yield 40y'));
    expect(later).toContain('Stale: the latest published date is 2026-04-30');
    // Same cached history: the answer changed because the date did, not because the data did.
    expect(market.server.requests.filter((r) => r.url.startsWith(MOF_PATHS.enHistory)).length).toBe(requests);
  });
});
