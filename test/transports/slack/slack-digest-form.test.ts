import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

describe('/digest add with nothing after it on Slack', () => {
  it('acknowledges at once and opens the scheduling form for this channel', async () => {
    const response = await postToSlackEndpoint(
      h.eventsUrl,
      slashCommandBody({
        command: '/digest',
        text: 'add',
        channelId: 'C0FORM',
        responseUrl: h.slack.responseUrl(),
      }),
      { secret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    // The form opens right after the acknowledgement, so wait for the call rather than assume it.
    const open = await vi.waitFor(() => {
      const call = h.slack.calls.find((c) => c.method === 'views.open');
      if (!call) throw new Error('views.open not called yet');
      return call;
    });
    expect(JSON.stringify(open?.args)).toContain('C0FORM');
  });

  it('still runs /digest add with arguments as a command', async () => {
    const before = h.slack.calls.filter((call) => call.method === 'views.open').length;
    const response = await postToSlackEndpoint(
      h.eventsUrl,
      slashCommandBody({ command: '/digest', text: 'add 07:30', responseUrl: h.slack.responseUrl() }),
      { secret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    expect(h.slack.calls.filter((call) => call.method === 'views.open')).toHaveLength(before);
  });
});
