import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

describe('briefbot ask', () => {
  it('answers /yield 40y for 2026-01-20 with the 18 bp, six-sigma move from MOF history', async () => {
    const result = await runCli(['ask', '/yield 40y 2026-01-20'], market.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3.901%');
    expect(result.stdout).toContain('+18.0 bp vs 2026-01-19');
    expect(result.stdout).toContain('+6.0σ');
    expect(result.stdout).toContain('Ministry of Finance Japan');
  });

  it('says the 10Y at 2.33% on 2026-01-20 was the highest since February 1999', async () => {
    const result = await runCli(['ask', '/yield 10y 2026-01-20'], market.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2.330%');
    expect(result.stdout).toContain('Highest since 1999-02-05');
  });

  it('marks the latest figure stale when the newest published date is months old', async () => {
    const result = await runCli(['ask', '/yield 40y'], market.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('on 2026-04-30');
    expect(result.stdout).toMatch(/Stale: the latest published date is 2026-04-30/);
  });

  it.each([
    ['/yield 12y', 'There is no 12Y JGB yield'],
    ['/yield 40', 'Try /yield 40y.'],
    ['/yield us 7', 'Try /yield us 7y.'],
    ['/yield banana', 'is not a tenor'],
    ['/price', 'Which asset?'],
    ['/price platinum', 'is not an asset'],
    [`/yield ${'9'.repeat(5_000)}`, 'takes a few words'],
    ['/yield 十年', 'is not a tenor'],
    ['/nonsense', 'There is no /nonsense command'],
  ])('exits 2 with a hint for %s', async (command, message) => {
    const result = await runCli(['ask', command], market.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(message);
    expect(result.stdout.length).toBeLessThan(600);
    expect(result.stdout).not.toMatch(/at .*\.ts:\d+/);
  });

  it('prints a Slack Block Kit payload with --format slack', async () => {
    const result = await runCli(['ask', '/yield 40y 2026-01-20', '--format', 'slack'], market.env);
    expect(result.code).toBe(0);
    const payload = JSON.parse(result.stdout) as { text: string; blocks: unknown[] };
    expect(payload.blocks.length).toBeGreaterThan(0);
    expect(JSON.stringify(payload)).toContain('3.901%');
  });

  it('prints a Discord message with mentions disabled with --format discord', async () => {
    const result = await runCli(['ask', '/price btc', '--format', 'discord'], market.env);
    expect(result.code).toBe(0);
    const payload = JSON.parse(result.stdout) as {
      embeds: unknown[];
      allowed_mentions: { parse: unknown[] };
    };
    expect(payload.allowed_mentions.parse).toEqual([]);
    expect(JSON.stringify(payload.embeds)).toContain('78,494');
  });

  it('exits 1 with a short apology and no stack trace when every source is down', async () => {
    const env = { ...market.env, MOF_BASE_URL: 'http://127.0.0.1:9' };
    const result = await runCli(['ask', '/yield 10y'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not answering right now.*ref [0-9a-f]{8}/);
    expect(result.stdout).not.toMatch(/Error|\.ts:/);
  });

  it('reports every bad variable at once and exits 1', async () => {
    const result = await runCli(['ask', '/help'], { PORT: 'x', TZ_DEFAULT: 'Nowhere/Land' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('TZ_DEFAULT');
  });
});

describe('briefbot serve in console mode', () => {
  it('prints the morning brief, answers each command line and exits when input ends', async () => {
    const result = await runCli(['serve'], market.env, '/yield 10y 2026-01-20\n/price gold\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Morning brief');
    expect(result.stdout).toContain('JGB curve (Apr 30, 2026)');
    expect(result.stdout).toContain('Highest since 1999-02-05');
    expect(result.stdout).toContain('Gold');
  });
});
