import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToSlackEndpoint, slackSignature, slashCommandBody } from '../../support/fake-slack-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

function yieldBody(text = '40y 2026-01-20') {
  return slashCommandBody({ command: '/yield', text, responseUrl: h.slack.responseUrl() });
}

describe('Slack over HTTP', () => {
  it('answers a correctly signed /yield 40y in the acknowledgement, in the channel', async () => {
    const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(), { secret: SIGNING_SECRET });
    expect(response.status).toBe(200);
    const payload = JSON.parse(response.text) as { response_type: string; text: string; blocks: unknown[] };
    expect(payload.response_type).toBe('in_channel');
    expect(payload.text).toContain('JGB 40Y 3.901%');
    const blocks = JSON.stringify(payload.blocks);
    expect(blocks).toContain('+18.0 bp vs 2026-01-19');
    expect(blocks).toContain('+6.0σ');
    expect(blocks).toContain('Ministry of Finance Japan');
  });

  it('answers a bad tenor with a short private hint and no stack trace', async () => {
    const response = await postToSlackEndpoint(h.eventsUrl, yieldBody('12y'), { secret: SIGNING_SECRET });
    expect(response.status).toBe(200);
    const payload = JSON.parse(response.text) as { response_type: string; text: string };
    expect(payload.response_type).toBe('ephemeral');
    expect(response.text).toContain('There is no 12Y JGB yield');
    expect(response.text).not.toMatch(/Error|\.ts:\d+/);
  });

  it('answers a slash command briefbot does not serve (an older app configuration) with a private hint', async () => {
    const body = slashCommandBody({ command: '/quote', text: 'btc', responseUrl: h.slack.responseUrl() });
    const response = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(response.status).toBe(200);
    const payload = JSON.parse(response.text) as { response_type: string; text: string };
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toBe('/quote is not a briefbot command. Type /help for the list.');
  });

  describe('refuses with 401 before any handler runs', () => {
    it('a request signed with the wrong secret', async () => {
      const before = h.handled.count;
      const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(), { secret: 'not-the-secret' });
      expect(response.status).toBe(401);
      expect(h.handled.count).toBe(before);
    });

    it('a request whose timestamp is more than five minutes old', async () => {
      const before = h.handled.count;
      const sixMinutesAgo = Math.floor(Date.now() / 1_000) - 6 * 60;
      const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(), {
        secret: SIGNING_SECRET,
        timestampSeconds: sixMinutesAgo,
      });
      expect(response.status).toBe(401);
      expect(h.handled.count).toBe(before);
    });

    it('an exact replay of a request already answered', async () => {
      const body = yieldBody();
      const before = h.handled.count;
      const first = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
      expect(first.status).toBe(200);
      const afterFirst = h.handled.count;
      expect(afterFirst).toBe(before + 1);
      const replay = await postToSlackEndpoint(h.eventsUrl, body, {
        secret: SIGNING_SECRET,
        headers: first.headers,
      });
      expect(replay.status).toBe(401);
      expect(h.handled.count).toBe(afterFirst);
    });

    it('a request without a signature', async () => {
      const before = h.handled.count;
      const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(), {
        secret: SIGNING_SECRET,
        unsigned: true,
      });
      expect(response.status).toBe(401);
      expect(h.handled.count).toBe(before);
    });

    it('a correctly signed request dated more than five minutes ahead', async () => {
      const before = h.handled.count;
      const response = await postToSlackEndpoint(h.eventsUrl, yieldBody(), {
        secret: SIGNING_SECRET,
        timestampSeconds: Math.floor(Date.now() / 1_000) + 10 * 60,
      });
      expect(response.status).toBe(401);
      expect(h.handled.count).toBe(before);
    });

    it('a body altered after signing', async () => {
      const before = h.handled.count;
      const timestamp = Math.floor(Date.now() / 1_000);
      const body = yieldBody();
      const response = await postToSlackEndpoint(h.eventsUrl, body.replace('40y', '10y'), {
        secret: SIGNING_SECRET,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
        },
      });
      expect(response.status).toBe(401);
      expect(h.handled.count).toBe(before);
    });
  });
});
