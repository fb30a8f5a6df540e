import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { createSqliteStore } from '../../src/store/create-store.ts';
import { decodePng } from '../chart/decode-png.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';

let market: FakeMarket;
let dir: string;
beforeAll(async () => {
  market = await startFakeMarket();
  dir = await mkdtemp(join(tmpdir(), 'briefbot-brief-cli-'));
});
afterAll(async () => {
  await market.close();
  await rm(dir, { recursive: true, force: true });
});

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

  it('writes the morning brief’s chart and sparklines with --save-attachments, as ask "/brief" does', async () => {
    // Bitcoin's closes on the four days before today, in the store the CLI opens. Kraken's ticker
    // carries no time, so its quote is today's and ends the line; no other price has a history.
    const database = join(dir, 'briefbot.db');
    const store = createSqliteStore(database);
    await store.migrate();
    const today = new Date().toISOString().slice(0, 10);
    for (const [i, close] of [80_410, 79_950.5, 80_120, 79_800].entries())
      await store.history.record('btc', addDays(today, -4 + i), close);
    await store.close();
    const env = { ...market.env, DATABASE_URL: `sqlite:${database}` };

    for (const args of [['brief'], ['ask', '/brief']]) {
      const out = join(dir, args[0] ?? '');
      const result = await runCli([...args, '--save-attachments', out], env);
      expect(result.code).toBe(0);
      const files = (await readdir(out)).sort();
      expect(files).toEqual([
        'curve-jp-2026-04-30-vs-2026-04-23.png',
        expect.stringMatching(/^prices-\d{4}-\d{2}-\d{2}-30d\.png$/),
      ]);
      expect(result.stderr.trim().split('\n')).toEqual(files.map((file) => `saved ${join(out, file)}`));
      const curve = decodePng(await readFile(join(out, files[0] ?? '')));
      expect({ width: curve.width, height: curve.height }).toEqual({ width: 640, height: 360 });
      // One row: Bitcoin.
      const prices = decodePng(await readFile(join(out, files[1] ?? '')));
      expect({ width: prices.width, height: prices.height }).toEqual({ width: 640, height: 118 });
      // The text says what the pictures show.
      expect(result.stdout).toContain('[image: JGB curve 2026-04-30 vs 2026-04-23: 2Y 1.402% (+3.7 bp)');
      expect(result.stdout).toMatch(
        /\[image: Daily closes over 30 days: Bitcoin 80,410 → 78,494 \(-2\.38%, /,
      );
    }
  });
});
