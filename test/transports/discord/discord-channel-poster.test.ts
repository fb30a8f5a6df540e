import type { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src/delivery/channel-poster.ts';
import type { Document } from '../../../src/domain/document.ts';
import { createLogger } from '../../../src/log/logger.ts';
import {
  createDiscordChannelPoster,
  createPostingRest,
} from '../../../src/transports/discord/discord-channel-poster.ts';
import { type FakeDiscordRest, startFakeDiscordRest } from '../../support/fake-discord-rest.ts';

const CHANNEL = '300000000000000001';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const brief: Document = {
  title: 'Morning brief @everyone',
  blocks: [
    { kind: 'text', text: 'JGB 40Y rose 18 bp <@&123> @here' },
    {
      kind: 'image',
      image: { name: 'curve-jp-2026-01-20.png', alt: 'JGB curve', png: PNG, width: 8, height: 8 },
    },
  ],
  footer: [{ text: 'MOF, 2026-01-20' }],
};

let rest: FakeDiscordRest;
let client: REST;

beforeEach(async () => {
  rest = await startFakeDiscordRest();
  client = createPostingRest({ apiUrl: rest.apiUrl, token: 'test-bot-token', timeoutMs: 200 });
});
afterEach(async () => {
  client.clearHashSweeper();
  client.clearHandlerSweeper();
  await rest.close();
});

const poster = () => createDiscordChannelPoster({ rest: client, log: createLogger('silent') });

describe('the Discord channel poster', () => {
  it('posts to the channel by id with mentions disabled and the chart as an attachment', async () => {
    const result = await poster().post(CHANNEL, brief);

    const [sent, ...more] = rest.matching('POST', /^\/channels\/\d+\/messages$/);
    expect(more).toEqual([]);
    expect(sent?.path).toBe(`/channels/${CHANNEL}/messages`);
    expect(sent?.headers.authorization).toBe('Bot test-bot-token');
    const body = sent?.json as { allowed_mentions: unknown; embeds: { image?: { url: string } }[] };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds.some((e) => e.image?.url === 'attachment://curve-jp-2026-01-20.png')).toBe(true);
    expect(sent?.files.map((f) => [f.filename, f.contentType, [...f.bytes]])).toEqual([
      ['curve-jp-2026-01-20.png', 'image/png', [...PNG]],
    ]);
    expect(result.messageIds).toHaveLength(1);
  });

  it('waits out a 429 in the REST queue and posts the message once', async () => {
    const retryAfterSeconds = 0.3;
    rest.once('POST', /^\/channels\/\d+\/messages$/, {
      status: 429,
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
      json: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
    });

    const result = await poster().post(CHANNEL, brief);

    const attempts = rest.matching('POST', /^\/channels\/\d+\/messages$/);
    expect(attempts).toHaveLength(2);
    const [limited, posted] = attempts;
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(retryAfterSeconds * 1_000 - 5);
    expect(result.messageIds).toHaveLength(1);
  });

  it.each([
    [10_003, 404, 'Unknown Channel'],
    [50_001, 403, 'Missing Access'],
    [50_013, 403, 'Missing Permissions'],
  ])('treats Discord error %i (%s) as permanent', async (code, status, message) => {
    rest.handle('POST', /^\/channels\/\d+\/messages$/, { status, json: { code, message } });

    const failure = await poster()
      .post(CHANNEL, brief)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({
      permanent: true,
      context: { platform: 'discord', channelId: CHANNEL, code: String(code) },
    });
  });

  it('does not send again after a server error, which may have posted it: the failure is transient', async () => {
    rest.handle('POST', /^\/channels\/\d+\/messages$/, {
      status: 503,
      json: { message: 'unavailable', code: 0 },
    });

    const failure = await poster()
      .post(CHANNEL, brief)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ permanent: false });
    expect(rest.matching('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it('does not send again after a timeout: Discord posted it once, however late it answered', async () => {
    rest.once('POST', /^\/channels\/\d+\/messages$/, async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { json: { id: '300000000000000099', channel_id: CHANNEL } };
    });

    const failure = await poster()
      .post(CHANNEL, brief)
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(failure).toMatchObject({ permanent: false });
    expect(rest.matching('POST', /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });
});
