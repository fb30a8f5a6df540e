import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/domain/document.ts';
import { type SendRequest, sendWithRetry } from '../../src/schedule/send-with-retry.ts';
import { createSlackChannelPoster } from '../../src/transports/slack/slack-channel-poster.ts';
import { createSlackDeliveryProbe } from '../../src/transports/slack/slack-delivery-probe.ts';
import { createSlackWebClient } from '../../src/transports/slack/slack-web-client.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { silentLog } from './scheduler-harness.ts';

const TOKEN = 'xoxb-probe-test';
const brief = (title: string): Document => ({
  title,
  blocks: [{ kind: 'text', text: 'JGB 10Y 2.330%' }],
  footer: [],
});
/** A brief in two parts: its text, then its chart shared as a picture. */
const withPicture: Document = {
  ...brief('Morning brief · Friday, May 1, 2026'),
  blocks: [
    { kind: 'text', text: 'JGB 10Y 2.330%' },
    {
      kind: 'image',
      image: {
        name: 'curve-jp.png',
        alt: 'JGB curve',
        png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
        width: 2,
        height: 2,
      },
    },
  ],
};
let now = Date.parse('2026-05-01T22:30:05Z');
let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi({ token: TOKEN, clock: () => now });
});
afterEach(() => slack.close());

function clients() {
  const client = createSlackWebClient({
    token: TOKEN,
    apiUrl: slack.apiUrl,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 0 },
  });
  // Pacing is the poster's own business, tested with it; here it must not cost real seconds.
  const clock = { now: () => 0, sleep: async () => {} };
  return {
    poster: createSlackChannelPoster({ client, log: silentLog, clock }),
    probe: createSlackDeliveryProbe({ client }),
  };
}

/** The poster's client as the Slack transport makes it (it retries 429s only), timing out at 100 ms. */
function postingClients() {
  const client = createSlackWebClient({
    token: TOKEN,
    apiUrl: slack.apiUrl,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 3 },
    timeoutMs: 100,
    posts: true,
  });
  return {
    poster: createSlackChannelPoster({
      client,
      log: silentLog,
      clock: { now: () => 0, sleep: async () => {} },
    }),
    probe: createSlackDeliveryProbe({ client }),
  };
}

/** One brief to C1 through the scheduler's send loop; backoff waits for real unless `clock` says. */
function send(request: Pick<SendRequest, 'poster' | 'probe' | 'document'> & Partial<SendRequest>) {
  return sendWithRetry({
    channelId: 'C1',
    checkFirst: false,
    since: new Date(now - 60_000),
    deadline: new Date(now + 600_000),
    clock: { now: () => new Date(now), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    // Long enough for Slack's late answer (300 ms) to land before the retry looks.
    policy: { initialDelayMs: 1_000, maxDelayMs: 1_000 },
    signal: new AbortController().signal,
    ...request,
  });
}

describe('the Slack delivery probe', () => {
  it('finds a brief this bot already posted to the channel since the claim', async () => {
    const { poster, probe } = clients();
    const sent = await poster.post('C1', brief('Morning brief · Friday, May 1, 2026'));
    const found = await probe.findPosted(
      'C1',
      brief('Morning brief · Friday, May 1, 2026'),
      new Date(now - 60_000),
    );
    expect(found).toEqual(sent.messageIds);
  });

  it('does not mistake another brief, another channel or an older message for it', async () => {
    const { poster, probe } = clients();
    await poster.post('C1', brief('Morning brief · Thursday, April 30, 2026'));
    await poster.post('C2', brief('Morning brief · Friday, May 1, 2026'));
    now += 3_600_000;
    await poster.post('C1', brief('Market close · Friday, May 1, 2026'));
    expect(
      await probe.findPosted('C1', brief('Morning brief · Friday, May 1, 2026'), new Date(0)),
    ).toBeUndefined();
    expect(
      await probe.findPosted('C1', brief('Morning brief · Thursday, April 30, 2026'), new Date(now - 60_000)),
    ).toBeUndefined();
  });

  it('finds a brief whose post timed out after Slack took it, so the retry does not send it twice', async () => {
    slack.delay('chat.postMessage', 300);
    const result = await send({
      ...postingClients(),
      document: brief('Morning brief · Friday, May 1, 2026'),
    });
    expect(result).toMatchObject({ kind: 'sent', note: expect.stringContaining('found in the channel') });
    expect(slack.posted).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('pages back through a busy channel, and says it cannot tell when the brief is older than it reads', async () => {
    const { poster, probe } = clients();
    const since = new Date(now - 60_000);
    const morning = brief('Morning brief · Friday, May 1, 2026');
    const sent = await poster.post('C1', morning);
    for (let i = 0; i < 300; i += 1) await poster.post('C1', brief(`Chatter ${i}`));
    expect(await probe.findPosted('C1', morning, since)).toEqual(sent.messageIds);
    expect(slack.callsTo('conversations.history')).toHaveLength(2);

    for (let i = 300; i < 600; i += 1) await poster.post('C1', brief(`Chatter ${i}`));
    await expect(probe.findPosted('C1', morning, since)).rejects.toThrow(/more than 600 messages/);
  });

  it('sends the pictures of a brief whose text timed out but arrived, once the retry finds the text', async () => {
    slack.delay('chat.postMessage', 300);
    const result = await send({ ...postingClients(), document: withPicture });
    expect(result).toMatchObject({ kind: 'sent', note: expect.stringContaining('the rest were sent') });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.uploads.map((u) => u.filename)).toEqual(['curve-jp.png']);
  });

  it('resumes a brief whose pictures failed after its text arrived: the text is not sent again', async () => {
    const { poster, probe } = clients();
    slack.failNext('files.getUploadURLExternal', { status: 503 });
    const result = await send({
      poster,
      probe,
      document: withPicture,
      clock: { now: () => new Date(now), sleep: async () => {} },
    });
    expect(result.kind).toBe('sent');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.uploads.map((u) => u.filename)).toEqual(['curve-jp.png']);
    // The text is known to have arrived, so the probe (which looks for it) is not asked.
    expect(slack.callsTo('conversations.history')).toHaveLength(0);
    expect(result).toMatchObject({ messageIds: [slack.posted[0]?.ts, expect.any(String)] });
  });

  it('does not send once the deadline has passed while it was looking in the channel', async () => {
    const { poster } = clients();
    let clock = now;
    const slowProbe = {
      async findPosted() {
        clock += 120_000;
        return undefined;
      },
    };
    const result = await send({
      poster,
      probe: slowProbe,
      document: brief('Morning brief · Friday, May 1, 2026'),
      checkFirst: true,
      deadline: new Date(now + 60_000),
      clock: { now: () => new Date(clock), sleep: async () => {} },
    });
    expect(result).toMatchObject({ kind: 'gave-up', attempts: 0 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says it cannot tell when Slack refuses to show the history', async () => {
    const { probe } = clients();
    slack.failNext('conversations.history', { error: 'missing_scope' });
    await expect(probe.findPosted('C1', brief('Morning brief'), new Date(0))).rejects.toThrow(
      /missing_scope/,
    );
  });
});
