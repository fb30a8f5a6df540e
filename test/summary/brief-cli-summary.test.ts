import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeOpenAi, startFakeOpenAi, summaryAnswer } from '../support/fake-openai.ts';
import { runCli } from '../support/run-cli.ts';

let market: FakeMarket;
let model: FakeOpenAi;
beforeAll(async () => {
  market = await startFakeMarket();
  model = await startFakeOpenAi();
});
afterAll(async () => {
  await model.close();
  await market.close();
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
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_MODEL: 'test-model',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('rose 25 bp');
    expect(result.stdout).toMatch(/Summary withheld: /);
    expect(result.stdout).toContain('JGB 40Y 3.901% (+18.0 bp');
  });
});
