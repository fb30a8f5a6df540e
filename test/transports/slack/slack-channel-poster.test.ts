import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/delivery/channel-poster.ts';
import type { Document } from '../../../src/domain/document.ts';
import { createLogger } from '../../../src/log/logger.ts';
import type { PacerClock } from '../../../src/transports/slack/channel-pacer.ts';
import { createSlackChannelPoster } from '../../../src/transports/slack/slack-channel-poster.ts';
import { createSlackWebClient } from '../../../src/transports/slack/slack-web-client.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import { createManualClock } from './manual-clock.ts';

const TOKEN = 'xoxb-test-token';
const log = createLogger('silent');
const brief: Document = {
  title: 'Morning brief',
  blocks: [{ kind: 'fields', items: [{ label: 'JGB 40Y', value: '4.215%' }] }],
  footer: [{ text: 'Source: MOF' }],
};

let slack: FakeSlackApi;
beforeEach(async () => {
  slack = await startFakeSlackApi({ token: TOKEN });
});
afterEach(() => slack.close());

function poster(options: { retries?: number; clock?: PacerClock; timeoutMs?: number } = {}) {
  // A posting client, as the Slack transport makes for its poster.
  const client = createSlackWebClient({
    token: TOKEN,
    apiUrl: slack.apiUrl.replace(/\/$/, ''),
    log,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: options.retries ?? 3 },
    posts: true,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return createSlackChannelPoster({ client, log, ...(options.clock ? { clock: options.clock } : {}) });
}

describe('Slack channel poster', () => {
  it('posts the Block Kit rendering with link previews off and returns the message ts', async () => {
    const result = await poster().post('C0123', brief);
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe(TOKEN);
    expect(call?.args).toMatchObject({ channel: 'C0123', text: 'Morning brief', unfurl_links: 'false' });
    expect(JSON.stringify(call?.args.blocks)).toContain('4.215%');
    expect(result.messageIds).toEqual([expect.stringMatching(/^\d+\.\d+$/)]);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'missing_scope'])(
    'reports %s as a permanent failure without retrying',
    async (code) => {
      slack.failNext('chat.postMessage', { error: code });
      const error = await poster()
        .post('C0123', brief)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeliveryError);
      expect(error).toMatchObject({
        permanent: true,
        context: { platform: 'slack', channelId: 'C0123', code },
      });
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    },
  );

  it('does not send again after a 5xx, which may have posted it: the failure is transient and the caller decides', async () => {
    slack.failNext('chat.postMessage', { status: 502 }, 5);
    const error = await poster()
      .post('C0123', brief)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ permanent: false, context: { code: 'http_502' } });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('does not send again after a timeout: Slack posted it once, however late it answered', async () => {
    slack.delay('chat.postMessage', 300);
    const error = await poster({ timeoutMs: 100 })
      .post('C0123', brief)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ permanent: false, context: { code: 'request_error' } });
    await slack.waitFor(() => slack.posted.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(slack.posted).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('waits out a 429 for its Retry-After before trying again', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    await poster().post('C0123', brief);
    const [limited, retried] = slack.callsTo('chat.postMessage');
    expect(retried).toBeDefined();
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('reports a 429 that outlasts the retries as transient, with the wait Slack asked for', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 0 }, 5);
    const error = await poster({ retries: 1 })
      .post('C0123', brief)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 0, context: { code: 'ratelimited' } });
  });

  it('sends several briefs to one channel a second apart, and other channels without waiting', async () => {
    const clock = createManualClock();
    const slackPoster = poster({ clock });
    const done = [
      slackPoster.post('C1', brief),
      slackPoster.post('C1', brief),
      slackPoster.post('C2', brief),
    ];
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 2);
    expect(slack.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['C1', 'C2']);
    await clock.advance(999);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    await clock.advance(1);
    await Promise.all(done);
    expect(slack.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual(['C1', 'C2', 'C1']);
  });

  it('uploads an image with the files API after the text', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const doc: Document = {
      ...brief,
      blocks: [
        { kind: 'image', image: { name: 'curve-jp.png', alt: 'JGB curve', png, width: 2, height: 2 } },
      ],
    };
    const clock = createManualClock();
    const posting = poster({ clock }).post('C0123', doc);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    await clock.advance(1_000);
    const result = await posting;
    expect(slack.calls.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(slack.uploads).toEqual([
      { fileId: expect.any(String), filename: 'curve-jp.png', bytes: Buffer.from(png) },
    ]);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({ channel_id: 'C0123' });
    expect(result.messageIds).toHaveLength(2);
  });

  it('says which parts arrived when a later one fails, and sends only the rest when resumed', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const doc: Document = {
      ...brief,
      blocks: [
        ...brief.blocks,
        { kind: 'image', image: { name: 'curve-jp.png', alt: 'JGB curve', png, width: 2, height: 2 } },
      ],
    };
    const noWaiting = { now: () => 0, sleep: async () => {} };
    slack.failNext('files.getUploadURLExternal', { status: 503 });
    const failure = await poster({ clock: noWaiting })
      .post('C0123', doc)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryError);
    const { sent } = failure as DeliveryError;
    expect(sent).toEqual({ parts: 1, messageIds: [expect.stringMatching(/^\d+\.\d+$/)] });

    const result = await poster({ clock: noWaiting }).post('C0123', doc, sent);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.uploads.map((u) => u.filename)).toEqual(['curve-jp.png']);
    expect(result.messageIds).toEqual([...sent.messageIds, expect.any(String)]);
  });

  it('shares many pictures in groups of ten, each group one message in its own paced slot', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9]);
    const doc: Document = {
      ...brief,
      blocks: Array.from({ length: 12 }, (_, i) => ({
        kind: 'image' as const,
        image: { name: `chart-${i}.png`, alt: `Chart ${i}`, png, width: 2, height: 2 },
      })),
    };
    const clock = createManualClock();
    const posting = poster({ clock }).post('C0123', doc);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    await clock.advance(1_000);
    await slack.waitFor(() => slack.callsTo('files.completeUploadExternal').length === 1);
    await clock.advance(1_000);
    const result = await posting;
    const shares = slack.callsTo('files.completeUploadExternal').map((c) => JSON.stringify(c.args.files));
    expect(shares).toHaveLength(2);
    expect(shares[0]).toContain('Chart 9');
    expect(shares[0]).not.toContain('Chart 10');
    expect(shares[1]).toContain('Chart 11');
    expect(slack.uploads).toHaveLength(12);
    expect(result.messageIds).toHaveLength(13);
  });
});
