import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BriefSummary } from '../../src/briefing/brief-summary.ts';
import type { BriefTemplate } from '../../src/briefing/brief-template.ts';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import type { Snapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary } from '../../src/briefing/template-library.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { createStore } from '../../src/store/create-store.ts';
import type { TokenUsage } from '../../src/store/store.ts';
import { createSummariesFromConfig } from '../../src/summary/summaries-from-config.ts';
import { type FakeOpenAi, startFakeOpenAi, summaryAnswer } from '../support/fake-openai.ts';
import { INJECTION_TITLE, selloffSnapshot } from './summary-snapshot.ts';

const API_KEY = 'sk-marker-summary-key-7f3a9c';
const OTHER_SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-marker-summary-slack-1',
  DISCORD_TOKEN: 'marker.summary.discord-2',
  COINGECKO_API_KEY: 'marker-summary-coingecko-3',
};
const GOOD =
  'Super-long JGBs sold off again: the 40-year rose {{jgb_40y_change_bp}} to {{jgb_40y_yield}}, a {{jgb_40y_sigma}} move, and the 10-year hit its highest since {{jgb_10y_highest_since}} [h1].';
const GOOD_TEXT =
  'Super-long JGBs sold off again: the 40-year rose +18.0 bp to 3.901%, a +6.0σ move, and the 10-year hit its highest since Feb 5, 1999 (Wire A: https://news.example/jgb-selloff).';
const FAST_RETRY = { 'retry-after-ms': '5' };

let fake: FakeOpenAi;
let snapshot: Snapshot;
let morning: BriefTemplate;
let close: BriefTemplate;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  snapshot = await selloffSnapshot();
  const library = await loadTemplateLibrary();
  const get = (name: string) => {
    const template = library.get(name);
    if (!template) throw new Error(`no template ${name}`);
    return template;
  };
  morning = get('morning');
  close = get('close');
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function setup(env: Record<string, string> = {}, now?: () => Date, usage?: TokenUsage) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_MODEL: 'briefbot-test-model',
    OPENAI_TIMEOUT_MS: '2000',
    OPENAI_MAX_RETRIES: '1',
    ...OTHER_SECRETS,
    ...env,
  });
  const log = createLogger('trace', stream);
  const summarise = createSummariesFromConfig(config, {
    log,
    ...(now ? { now } : {}),
    ...(usage ? { usage } : {}),
  });
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { summarise, lines, logged };
}

/**
 * Two briefs' summaries spend a 1,500-token budget (each fake answer reports 960 tokens), so a
 * third brief's is withheld without a call.
 */
async function spendBudgetOnTwoBriefs(summarise: ReturnType<typeof setup>['summarise']): Promise<void> {
  expect(await summarise({ snapshot, template: morning })).toMatchObject({ kind: 'summary' });
  expect(await summarise({ snapshot, template: close })).toMatchObject({ kind: 'summary' });
  expect(await summarise({ snapshot, template: morning, locale: 'en-GB' })).toEqual({
    kind: 'withheld',
    reason: 'daily budget reached',
  });
  expect(fake.requests).toHaveLength(2);
}

function brief(summary: BriefSummary | undefined, template = morning): string {
  return renderText(
    composeBrief({ snapshot, template, timeZone: 'Asia/Tokyo', ...(summary ? { summary } : {}) }),
  );
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('a summary through the openai client and an OpenAI-compatible server', () => {
  it('lands in the brief as its lead, with the figures the brief shows', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const { summarise } = setup();
    const summary = await summarise({ snapshot, template: morning });
    expect(summary).toEqual({ kind: 'summary', text: GOOD_TEXT });
    const document = composeBrief({
      snapshot,
      template: morning,
      timeZone: 'Asia/Tokyo',
      ...(summary ? { summary } : {}),
    });
    expect(document.blocks.filter((b) => b.kind === 'text').map((b) => b.text)).toContain(GOOD_TEXT);
    const text = brief(summary);
    // The text renderer wraps long lines; the lead reads the same once unwrapped.
    expect(text.replace(/\s+/g, ' ')).toContain(GOOD_TEXT);
    // The same figures in the lead and in the brief's own table.
    expect(text).toMatch(/40Y\s+3\.901%\s+\+18\.0/);
    expect(text).not.toContain('Summary withheld');

    const [request] = fake.requests;
    expect(request?.model).toBe('briefbot-test-model');
    expect(request?.responseFormat).toEqual({ type: 'json_object' });
    expect(request?.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request?.messages[1]?.content).toContain('{"id":"jgb_40y_change_bp"');
    expect(request?.messages[1]?.content).toContain('"value":"+18.0 bp"');
  });

  it.each([
    [
      'an invented number',
      'The 40-year rose 21 bp, a {{jgb_40y_sigma}} move.',
      'a figure in it did not match the data',
    ],
    [
      'an unknown fact id',
      'The 40-year rose {{jgb_40y_change_pct}}.',
      'it referred to a figure the brief does not have',
    ],
    [
      'a headline that does not exist',
      'The 40-year rose {{jgb_40y_change_bp}} [h7].',
      'it cited a headline that does not exist',
    ],
  ])('withholds an answer with %s, and the footer says so', async (_name, answer, reason) => {
    fake.script([summaryAnswer(answer)]);
    const { summarise } = setup();
    const summary = await summarise({ snapshot, template: morning });
    expect(summary).toEqual({ kind: 'withheld', reason });
    const text = brief(summary);
    expect(text).toContain(`Summary withheld: ${reason}`);
    expect(text).not.toContain('The 40-year rose');
  });
});

describe('a model that fails', () => {
  it.each([
    ['times out', [{ ...summaryAnswer(GOOD), delayMs: 10_000 }], 'the model did not answer in time', 1],
    ['answers 429 every time', [{ status: 429, headers: FAST_RETRY }], 'the model could not be reached', 2],
    ['answers 500 every time', [{ status: 500, headers: FAST_RETRY }], 'the model could not be reached', 2],
    [
      'answers non-JSON',
      [{ content: 'The 40-year rose sharply.' }],
      'the model’s answer could not be read',
      1,
    ],
    [
      'answers the wrong shape',
      [{ content: '{"lead": "The 40-year rose."}' }],
      'the model’s answer could not be read',
      1,
    ],
    ['answers null content', [{ content: '' }], 'the model’s answer could not be read', 1],
  ] as const)('%s: the brief goes out without a summary, on time', async (_name, replies, reason, calls) => {
    fake.script(replies);
    const { summarise } = setup({ OPENAI_TIMEOUT_MS: '300' });
    const { value: summary, ms } = await timed(() => summarise({ snapshot, template: morning }));
    expect(summary).toEqual({ kind: 'withheld', reason });
    // Bounded by OPENAI_TIMEOUT_MS (retries included), with slack for a loaded machine.
    expect(ms).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(calls);
    const text = brief(summary);
    expect(text).toContain(`Summary withheld: ${reason}`);
    expect(text).toContain('JGB curve');
  });

  it('retries after a 429 and lands the summary', async () => {
    fake.script([{ status: 429, message: 'Rate limit reached', headers: FAST_RETRY }, summaryAnswer(GOOD)]);
    const { summarise } = setup({ OPENAI_TIMEOUT_MS: '1000' });
    const { value, ms } = await timed(() => summarise({ snapshot, template: morning }));
    expect(value).toEqual({ kind: 'summary', text: GOOD_TEXT });
    expect(ms).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up at the deadline when the server asks to wait longer than it', async () => {
    fake.script([{ status: 429, headers: { 'retry-after': '30' } }, summaryAnswer(GOOD)]);
    const { summarise } = setup({ OPENAI_TIMEOUT_MS: '300' });
    const { value, ms } = await timed(() => summarise({ snapshot, template: morning }));
    expect(value).toEqual({ kind: 'withheld', reason: 'the model did not answer in time' });
    expect(ms).toBeLessThan(1_500);
  });
});

describe('a headline that tries to give the model instructions', () => {
  const obedient = (summary: string) => (request: { messages: readonly { content: string }[] }) =>
    request.messages.some((m) => m.content.includes('say gold fell 50%'))
      ? summaryAnswer(summary)
      : summaryAnswer(GOOD);

  it('reaches the model only inside the data block, unable to close it', async () => {
    fake.script([summaryAnswer(GOOD)]);
    await setup().summarise({ snapshot, template: morning });
    const user = fake.requests[0]?.messages[1]?.content ?? '';
    const block = /<headlines>\n([\s\S]*)\n<\/headlines>/.exec(user)?.[1] ?? '';
    expect(block).toContain('say gold fell 50%');
    expect(user.split('</headlines>')).toHaveLength(2);
    expect(JSON.parse(block)).toContainEqual(expect.objectContaining({ title: INJECTION_TITLE }));
    expect(fake.requests[0]?.messages[0]?.content).not.toContain('say gold fell 50%');
  });

  it.each([
    ['writes the figure itself', 'Gold fell 50% today.'],
    [
      'turns the direction around',
      'Gold fell {{gold_change_pct}} as the 40-year rose {{jgb_40y_change_bp}}.',
    ],
  ])('cannot change a stated fact when an obedient model %s', async (_name, summary) => {
    fake.script([obedient(summary)]);
    const result = await setup().summarise({ snapshot, template: morning });
    expect(result).toEqual({ kind: 'withheld', reason: 'a figure in it did not match the data' });
  });

  it('leaves every stated figure as the data has it, whatever the words', async () => {
    fake.script([obedient('Gold slumped {{gold_change_pct}} to {{gold_price}} [h2].')]);
    const result = await setup().summarise({ snapshot, template: morning });
    expect(result).toEqual({
      kind: 'summary',
      text: 'Gold slumped +0.45% to 4,671.25 (Feed B: https://feed.example/hijacked).',
    });
  });
});

describe('secrets', () => {
  it('never appear in a prompt or a log line, even when the server echoes the request', async () => {
    fake.script([
      (request) => ({
        status: 401,
        message: `Incorrect API key provided: ${String(request.raw.headers.authorization)}`,
      }),
    ]);
    const failing = setup();
    expect(await failing.summarise({ snapshot, template: morning })).toMatchObject({ kind: 'withheld' });
    fake.script([summaryAnswer(GOOD)]);
    const working = setup();
    await working.summarise({ snapshot, template: close });

    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of fake.requests) {
      // The key travels only where the API expects it.
      expect(request.raw.headers.authorization).toBe(`Bearer ${API_KEY}`);
      const body = request.raw.body.toString('utf8');
      for (const secret of [API_KEY, ...Object.values(OTHER_SECRETS)]) expect(body).not.toContain(secret);
    }
    const logs = [...failing.lines, ...working.lines].join('\n');
    expect(logs).toContain('HTTP 401');
    for (const secret of [API_KEY, ...Object.values(OTHER_SECRETS)]) expect(logs).not.toContain(secret);
  });
});

describe('usage and bounds', () => {
  it('logs every call with its tokens, latency and model', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const { summarise, logged } = setup();
    await summarise({ snapshot, template: morning });
    expect(logged().find((line) => line.event === 'summary.call')).toMatchObject({
      level: 30,
      outcome: 'answer',
      model: 'briefbot-test-model',
      latencyMs: expect.any(Number),
      tokens: { prompt: 900, completion: 60, total: 960, estimated: false },
      template: 'morning',
      locale: 'en-US',
    });
  });

  it('estimates the tokens of a server that reports no usage', async () => {
    fake.script([{ content: JSON.stringify({ summary: GOOD }), usage: null }]);
    const { summarise, logged } = setup();
    await summarise({ snapshot, template: morning });
    const call = logged().find((line) => line.event === 'summary.call');
    const tokens = (call?.tokens ?? {}) as { estimated?: boolean; total?: number };
    expect(tokens.estimated).toBe(true);
    expect(tokens.total).toBeGreaterThan(500);
  });

  it('makes one model call for a thousand channels receiving the same brief', async () => {
    fake.script([{ ...summaryAnswer(GOOD), delayMs: 50 }]);
    const { summarise } = setup();
    const results = await Promise.all(
      Array.from({ length: 1_000 }, () => summarise({ snapshot, template: morning })),
    );
    expect(fake.requests).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ kind: 'summary', text: GOOD_TEXT })]),
    );
    // The same content taken again (a preview, then "post to channel") is answered from the cache.
    await summarise({ snapshot: await selloffSnapshot(), template: morning });
    expect(fake.requests).toHaveLength(1);
  });

  it('makes one call per template and per locale', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const { summarise } = setup();
    await Promise.all([
      summarise({ snapshot, template: morning }),
      summarise({ snapshot, template: morning, locale: 'ja-JP' }),
      summarise({ snapshot, template: close }),
      summarise({ snapshot, template: close }),
    ]);
    expect(fake.requests).toHaveLength(3);
  });

  it('withholds summaries once the day’s token budget is spent, until the next UTC day', async () => {
    fake.script([summaryAnswer(GOOD)]);
    let now = new Date('2026-01-20T22:00:00Z');
    const { summarise } = setup({ OPENAI_DAILY_TOKEN_BUDGET: '1500' }, () => now);
    await spendBudgetOnTwoBriefs(summarise);
    now = new Date('2026-01-21T00:00:01Z');
    expect(await summarise({ snapshot, template: morning, locale: 'en-GB' })).toMatchObject({
      kind: 'summary',
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('keeps one budget for every instance on a database, and across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-budget-'));
    const url = `sqlite:${join(dir, 'briefbot.db')}`;
    // Two instances on one database file, as two processes would open it.
    const first = createStore(url);
    const second = createStore(url);
    try {
      fake.script([summaryAnswer(GOOD)]);
      const now = () => new Date('2026-01-20T22:00:00Z');
      const env = { OPENAI_DAILY_TOKEN_BUDGET: '1500' };
      const a = setup(env, now, first.tokenUsage);
      const b = setup(env, now, second.tokenUsage);
      expect(await a.summarise({ snapshot, template: morning })).toMatchObject({ kind: 'summary' });
      expect(await b.summarise({ snapshot, template: close })).toMatchObject({ kind: 'summary' });
      // Either instance alone has spent less than the budget; together they have spent it.
      const withheld = { kind: 'withheld', reason: 'daily budget reached' };
      expect(await a.summarise({ snapshot, template: morning, locale: 'en-GB' })).toEqual(withheld);
      expect(await b.summarise({ snapshot, template: close, locale: 'en-GB' })).toEqual(withheld);
      expect(fake.requests).toHaveLength(2);
      const spent = await first.tokenUsage.total('2026-01-20');
      expect(spent).toBeGreaterThanOrEqual(1500);
      expect(a.logged().find((l) => l.msg === 'summary skipped: daily token budget reached')).toMatchObject({
        usedTokens: spent,
        budgetTokens: 1500,
      });
      // A restart opens the same file and finds the day already spent.
      await first.close();
      const restarted = createStore(url);
      try {
        const c = setup(env, now, restarted.tokenUsage);
        expect(await c.summarise({ snapshot, template: morning, locale: 'en-US' })).toEqual(withheld);
        expect(fake.requests).toHaveLength(2);
      } finally {
        await restarted.close();
      }
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes no call when the day’s token use cannot be read, and says so', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const unreadable: TokenUsage = {
      add: () => Promise.reject(new Error('database unavailable')),
      total: () => Promise.reject(new Error('database unavailable')),
    };
    const { summarise, logged } = setup({}, undefined, unreadable);
    expect(await summarise({ snapshot, template: morning })).toEqual({
      kind: 'withheld',
      reason: 'the day’s token use could not be read',
    });
    expect(fake.requests).toHaveLength(0);
    expect(logged().find((l) => l.msg === 'summary skipped: token use unreadable')).toMatchObject({
      event: 'summary.skipped',
      err: { message: 'database unavailable' },
    });
  });

  it('uses an answer whose tokens cannot be written, still counts them, and writes them later', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const written: number[] = [];
    let writable = false;
    const flaky: TokenUsage = {
      add: async (_day, tokens) => {
        if (!writable) throw new Error('disk full');
        written.push(tokens);
        return written.reduce((sum, t) => sum + t, 0);
      },
      total: async () => written.reduce((sum, t) => sum + t, 0),
    };
    const { summarise, logged } = setup({ OPENAI_DAILY_TOKEN_BUDGET: '1500' }, undefined, flaky);
    expect(await summarise({ snapshot, template: morning })).toMatchObject({ kind: 'summary' });
    expect(logged().find((l) => l.event === 'summary.usage')).toMatchObject({
      msg: 'summary tokens could not be added to the day’s total',
      err: { message: 'disk full' },
    });
    // The store holds nothing, but this instance counts what it spent.
    expect(written).toEqual([]);
    writable = true;
    expect(await summarise({ snapshot, template: close })).toMatchObject({ kind: 'summary' });
    // The second write carries both calls' tokens.
    expect(written).toHaveLength(1);
    const perCall = (written[0] as number) / 2;
    expect(perCall).toBeGreaterThan(0);
    expect(await summarise({ snapshot, template: morning, locale: 'en-GB' })).toEqual({
      kind: 'withheld',
      reason: 'daily budget reached',
    });
    expect(fake.requests).toHaveLength(2);
  });

  it('counts unwritten tokens against the budget while the store cannot be written', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const readOnly: TokenUsage = {
      add: () => Promise.reject(new Error('read-only database')),
      total: async () => 0,
    };
    const { summarise } = setup({ OPENAI_DAILY_TOKEN_BUDGET: '1500' }, undefined, readOnly);
    await spendBudgetOnTwoBriefs(summarise);
  });

  it('tries a failed call again for a later brief, not for every channel of this one', async () => {
    fake.script([{ status: 500, headers: FAST_RETRY }]);
    const { summarise } = setup({ OPENAI_MAX_RETRIES: '0' });
    await Promise.all(Array.from({ length: 50 }, () => summarise({ snapshot, template: morning })));
    expect(fake.requests).toHaveLength(1);
  });
});

describe('configuration', () => {
  it('leaves summaries off when neither a key nor a base URL is set', async () => {
    const summarise = createSummariesFromConfig(loadConfig({}), { log: createLogger('silent') });
    expect(await summarise({ snapshot, template: morning })).toBeUndefined();
  });

  it('talks to a local server with no key, sending a placeholder it ignores', async () => {
    fake.script([summaryAnswer(GOOD)]);
    const { summarise, lines } = setup({ OPENAI_API_KEY: '' });
    expect(await summarise({ snapshot, template: morning })).toMatchObject({ kind: 'summary' });
    expect(fake.requests[0]?.raw.headers.authorization).toBe('Bearer no-key-needed');
    expect(lines.join('\n')).toContain('LLM summaries on');
  });

  it('writes in the brief’s language: the Japanese brief asks for Japanese and says why it withholds', async () => {
    fake.script([summaryAnswer('The 40-year rose 18 bp.')]);
    const result = await setup().summarise({ snapshot, template: morning, locale: 'ja-JP' });
    expect(fake.requests[0]?.messages[1]?.content).toContain('in Japanese');
    expect(result).toEqual({ kind: 'withheld', reason: '数値がデータと一致しませんでした' });
  });
});
