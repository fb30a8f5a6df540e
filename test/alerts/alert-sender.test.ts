import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertSender } from '../../src/alerts/alert-sender.ts';
import { createPosterRegistry } from '../../src/delivery/poster-registry.ts';
import type { Document } from '../../src/domain/document.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createSlackChannelPoster } from '../../src/transports/slack/slack-channel-poster.ts';
import { createSlackDeliveryProbe } from '../../src/transports/slack/slack-delivery-probe.ts';
import { createSlackWebClient } from '../../src/transports/slack/slack-web-client.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';

const TOKEN = 'xoxb-alert-sender-test';
const log = createLogger('silent');
const alert: Document = {
  title: 'Alert: JGB 40Y above 3.7%',
  blocks: [{ kind: 'text', text: 'Level 3.743% (2026-04-30)' }],
  footer: [{ text: 'Source: Ministry of Finance Japan' }],
};

let slack: FakeSlackApi;
beforeEach(async () => {
  // Message timestamps on the real clock, as the probe compares them with the time of the firing.
  slack = await startFakeSlackApi({ token: TOKEN, clock: () => Date.now() });
});
afterEach(() => slack.close());

/** The sender as `serve` wires it, against the fake Slack, with short waits. */
function sender() {
  const client = createSlackWebClient({
    token: TOKEN,
    apiUrl: slack.apiUrl,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 3 },
    timeoutMs: 100,
    posts: true,
  });
  const posters = createPosterRegistry();
  posters.register(createSlackChannelPoster({ client, log, clock: { now: () => 0, sleep: async () => {} } }));
  return createAlertSender({
    posters,
    probes: { slack: createSlackDeliveryProbe({ client }) },
    log,
    policy: { initialDelayMs: 1_000, maxDelayMs: 1_000 },
  });
}

describe('the alert sender', () => {
  it('posts an alert again after a 503, once it has looked and not found it: once in the channel', async () => {
    slack.failNext('chat.postMessage', { status: 503 });
    const alerts = sender();
    alerts.send({ platform: 'slack', channelId: 'C1' }, alert, 'r1');
    await slack.waitFor(() => slack.posted.length === 1, 5_000);
    await alerts.stop();
    expect(slack.callsTo('conversations.history')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(slack.posted).toHaveLength(1);
  });

  it('does not post twice an alert whose post timed out but arrived: it finds it in the channel', async () => {
    slack.delay('chat.postMessage', 300);
    const alerts = sender();
    alerts.send({ platform: 'slack', channelId: 'C1' }, alert, 'r1');
    await slack.waitFor(() => slack.callsTo('conversations.history').length === 1, 5_000);
    await alerts.stop();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.posted).toHaveLength(1);
  });

  it('stops waiting to retry when the service stops', async () => {
    slack.failNext('chat.postMessage', { status: 503 }, 5);
    const alerts = sender();
    alerts.send({ platform: 'slack', channelId: 'C1' }, alert, 'r1');
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1, 5_000);
    const started = Date.now();
    await alerts.stop();
    expect(Date.now() - started).toBeLessThan(500);
    expect(slack.posted).toHaveLength(0);
  });
});
