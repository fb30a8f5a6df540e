import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, MOF_PATHS } from '../../support/fake-market.ts';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

/** Short so the test is quick; production uses SLACK_ACK_BUDGET_MS (2 s). What matters is the order. */
const BUDGET_MS = 150;
const MOF_DELAY_MS = 1_000;

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ ackBudgetMs: BUDGET_MS });
  h.market.server.route(MOF_PATHS.enHistory, {
    headers: { 'content-type': 'text/csv' },
    body: fixture('mof_jgb/jgbcme_all.en.2026-04-30.csv'),
    delayMs: MOF_DELAY_MS,
  });
});
afterAll(() => h.close());

describe('Slack with a slow source', () => {
  it('acknowledges at once with a private working note and delivers the answer to response_url', async () => {
    const responseUrl = h.slack.responseUrl();
    const body = slashCommandBody({ command: '/yield', text: '40y 2026-01-20', responseUrl });
    const sent = performance.now();
    const ack = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });

    expect(ack.status).toBe(200);
    // Slack's deadline is a protocol rule, not a speed target: past 3 s the user sees an error.
    expect(performance.now() - sent).toBeLessThan(3_000);
    const note = JSON.parse(ack.text) as { response_type: string; text: string };
    expect(note).toMatchObject({ response_type: 'ephemeral' });
    expect(note.text).toContain('Working on /yield');
    // The source has not answered yet: the acknowledgement did not wait for it.
    expect(h.slack.responseUrlPosts).toHaveLength(0);

    await h.slack.waitFor(() => h.slack.responseUrlPosts.length === 1);
    const [late] = h.slack.responseUrlPosts;
    expect(responseUrl).toContain(late?.path ?? 'missing');
    expect(late?.body).toMatchObject({ response_type: 'in_channel' });
    expect(String(late?.body.text)).toContain('JGB 40Y 3.901%');
  });
});
