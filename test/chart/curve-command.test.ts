import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { runCli } from '../support/run-cli.ts';
import { decodePng } from './decode-png.ts';

let market: FakeMarket;
let dir: string;
beforeAll(async () => {
  market = await startFakeMarket();
  dir = await mkdtemp(join(tmpdir(), 'briefbot-curve-'));
});
afterAll(async () => {
  await market.close();
  await rm(dir, { recursive: true, force: true });
});

describe('briefbot ask "/curve" --save-attachments', () => {
  it('writes the JGB chart of 2026-04-30 against a month earlier as a 1200×675 PNG, beside the tables', async () => {
    const out = join(dir, 'jp');
    const result = await runCli(['ask', '/curve vs 1m', '--save-attachments', out], market.env);
    expect(result.code).toBe(0);
    const path = join(out, 'curve-jp-2026-04-30-vs-2026-03-30.png');
    expect(result.stderr).toBe(`saved ${path}\n`);
    expect(await readdir(out)).toEqual(['curve-jp-2026-04-30-vs-2026-03-30.png']);
    const png = decodePng(await readFile(path));
    expect({ width: png.width, height: png.height }).toEqual({ width: 1200, height: 675 });
    // Text-only clients get the chart in words, then the same tables as before.
    expect(result.stdout).toContain(
      '[image: Line chart of the JGB yield curve on 2026-04-30 against 2026-03-30, maturities 1Y to 40Y: ',
    );
    expect(result.stdout).toContain('10Y 2.520% (+15.2 bp)');
    expect(result.stdout).toMatch(/40Y\s+3\.743\s+3\.802\s+-5\.9/);
    expect(result.stdout).toMatch(/2s10s\s+\+111\.8/);
  });

  it('writes the Treasury chart too', async () => {
    const out = join(dir, 'us');
    const result = await runCli(['ask', '/curve us vs 1w', '--save-attachments', out], market.env);
    expect(result.code).toBe(0);
    const [name] = await readdir(out);
    expect(name).toMatch(/^curve-us-\d{4}-\d{2}-\d{2}-vs-\d{4}-\d{2}-\d{2}\.png$/);
    const png = decodePng(await readFile(join(out, name ?? '')));
    expect(png.width).toBe(1200);
    expect(result.stdout).toContain('Source: U.S. Department of the Treasury.');
  });

  it('keeps an image placeholder with the alt text in the Slack payload and a link in Markdown', async () => {
    const slack = await runCli(['ask', '/curve vs 1m', '--format', 'slack'], market.env);
    expect(slack.code).toBe(0);
    expect(slack.stdout).toContain('[image: Line chart of the JGB yield curve on 2026-04-30');
    const markdown = await runCli(['ask', '/curve vs 1m', '--format', 'markdown'], market.env);
    expect(markdown.stdout).toContain('](curve-jp-2026-04-30-vs-2026-03-30.png)');
  });
});
