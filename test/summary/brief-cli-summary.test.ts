import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeOpenAi, startFakeOpenAi, summaryAnswer } from '../support/fake-openai.ts';
import { runCli } from '../support/run-cli.ts';

let market: FakeMarket;
let model: FakeOpenAi;
/** Each run's own database file, so the day's token total starts from nothing. */
const dir = mkdtempSync(join(tmpdir(), 'briefbot-cli-summary-'));
let files = 0;
const freshDatabase = () => {
  files += 1;
  return `sqlite:${join(dir, `briefbot-${files}.db`)}`;
};
beforeAll(async () => {
  market = await startFakeMarket();
  model = await startFakeOpenAi();
});
afterAll(async () => {
  await model.close();
  await market.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('briefbot brief with a summary model configured', () => {
  it('leads the replayed brief with the grounded summary, its figures filled in by code', async () => {
    model.script([
      summaryAnswer(
        'Super-long JGBs sold off: the 40-year rose {{jgb_40y_change_bp}} to {{jgb_40y_yield}}, a {{jgb_40y_sigma}} move.',
      ),
    ]);
    const result = await runCli(['brief', '--as-of', '2026-01-20'], {
      ...market.env,
      DATABASE_URL: freshDatabase(),
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_MODEL: 'test-model',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Super-long JGBs sold off: the 40-year rose +18.0 bp to 3.901%, a +6.0σ move.',
    );
    expect(model.requests).toHaveLength(1);
  });

  it('goes out without the summary, and says so, when the model invents a number', async () => {
    model.script([summaryAnswer('The 40-year rose 25 bp.')]);
    const result = await runCli(['brief', '--as-of', '2026-01-20'], {
      ...market.env,
      DATABASE_URL: freshDatabase(),
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_MODEL: 'test-model',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('rose 25 bp');
    expect(result.stdout).toMatch(/Summary withheld: /);
    expect(result.stdout).toContain('JGB 40Y 3.901% (+18.0 bp');
  });

  it('keeps the day’s token budget in the database: a second run finds it spent', async () => {
    model.requests.length = 0;
    model.script([
      summaryAnswer('Super-long JGBs sold off: the 40-year rose {{jgb_40y_change_bp}} to {{jgb_40y_yield}}.'),
    ]);
    const env = {
      ...market.env,
      DATABASE_URL: freshDatabase(),
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_MODEL: 'test-model',
      // Less than one answer's tokens: the first call is allowed, and spends the day's budget.
      OPENAI_DAILY_TOKEN_BUDGET: '100',
    };
    const first = await runCli(['brief', '--as-of', '2026-01-20'], env);
    expect(first.stdout).toContain('Super-long JGBs sold off: the 40-year rose +18.0 bp to 3.901%.');
    // A new process on the same file, as after a restart or on a second instance.
    const second = await runCli(['brief', '--as-of', '2026-01-20', '--template', 'close'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Summary withheld: daily budget reached');
    expect(model.requests).toHaveLength(1);
  });
});
