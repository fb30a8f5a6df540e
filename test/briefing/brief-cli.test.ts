import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';

let market: FakeMarket;
beforeAll(async () => {
  market = await startFakeMarket();
});
afterAll(() => market.close());

describe('briefbot brief', () => {
  it('replays 2026-01-20 with --as-of: the JGB curve of that day, prices and headlines marked as not available', async () => {
    const result = await runCli(['brief', '--as-of', '2026-01-20'], market.env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Morning brief · Tuesday, January 20, 2026');
    expect(result.stdout).toContain('JGB curve (Jan 20, 2026)');
    expect(result.stdout).toMatch(/10Y\s+2\.330%\s+\+6\.4/);
    expect(result.stdout).toMatch(/40Y\s+3\.901%\s+\+18\.0/);
    expect(result.stdout).toContain('JGB curve: Ministry of Finance Japan, end-of-day, as of Jan 20, 2026');
    expect(result.stdout).toContain('(not available for past dates)');
  });

  it('prints the template asked for in the format asked for', async () => {
    const result = await runCli(['brief', '--template', 'morning.ja', '--format', 'discord'], market.env);
    expect(result.code).toBe(0);
    const message = JSON.parse(result.stdout) as { embeds: { title?: string }[]; allowed_mentions: unknown };
    expect(message.embeds[0]?.title).toMatch(/^朝のブリーフィング/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('exits 2 for an unknown template and lists the templates there are', async () => {
    const result = await runCli(['brief', '--template', 'evening'], market.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no template "evening".');
    expect(result.stderr).toContain('Templates: close, five-things, morning, morning.ja.');
  });

  it.each([
    ['2026-02-30', 'is not a date'],
    ['2999-01-01', 'is in the future'],
  ])('exits 2 for --as-of %s', async (date, message) => {
    const result = await runCli(['brief', '--as-of', date], market.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
