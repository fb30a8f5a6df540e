import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Briefbot, createBriefbot } from '../../../src/app.ts';
import { type Command, defineCommand, privateReply, publicReply } from '../../../src/command/command.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { createHttpServer } from '../../../src/http/http-server.ts';
import { createLogger } from '../../../src/log/logger.ts';
import type { Service } from '../../../src/serve/service.ts';
import { discordServiceFactory } from '../../../src/transports/discord/discord-service.ts';
import { type FakeDiscord, startFakeDiscord } from '../../support/fake-discord.ts';
import {
  autocompleteInteraction,
  buttonInteraction,
  CHANNEL_ID,
  commandInteraction,
} from '../../support/fake-discord-interactions.ts';
import { type FakeMarket, startFakeMarket } from '../../support/fake-market.ts';

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL = /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/;
const CHANNEL_MESSAGES = /^\/channels\/\d+\/messages$/;

interface Embed {
  title?: string;
  fields?: { name: string; value: string }[];
}
interface CallbackBody {
  type: number;
  data?: {
    embeds?: Embed[];
    allowed_mentions?: unknown;
    flags?: number;
    choices?: { name: string; value: string }[];
  };
}

/** A command that answers only when the test lets it, to show a deferral without a real wait. */
function gatedCommand(
  name: string,
  visibility: 'channel' | 'ephemeral',
): { command: Command; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const command = defineCommand({
    name,
    summary: 'Answers when released.',
    usage: `/${name}`,
    examples: [`/${name}`],
    options: [],
    async run() {
      await gate;
      const document = {
        title: `Slow ${visibility} answer`,
        blocks: [{ kind: 'text' as const, text: 'done' }],
        footer: [],
      };
      return visibility === 'channel' ? publicReply(document) : privateReply(document);
    },
  });
  return { command, release };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A command whose answer carries an image, as /curve's does, without rendering a chart. */
const pictureCommand = defineCommand({
  name: 'picture',
  summary: 'An answer with an image.',
  usage: '/picture',
  examples: ['/picture'],
  options: [],
  run: async () =>
    publicReply({
      title: 'JGB curve',
      blocks: [
        { kind: 'image', image: { name: 'curve-jp.png', alt: 'JGB curve', png: PNG, width: 8, height: 8 } },
      ],
      footer: [],
    }),
});

let market: FakeMarket;
let discord: FakeDiscord;
let bot: Briefbot;
let service: Service;
const slow = gatedCommand('slow', 'channel');
const slowPrivate = gatedCommand('slowprivate', 'ephemeral');

beforeAll(async () => {
  market = await startFakeMarket();
  // Short enough that the heartbeat test sees two beats within a second, long enough that a busy
  // machine does not miss an acknowledgement and make discord.js reconnect (see afterAll).
  discord = await startFakeDiscord({ heartbeatIntervalMs: 400 });
  const config = loadConfig({
    ...market.env,
    DISCORD_TOKEN: 'test-bot-token',
    DISCORD_API_URL: discord.apiUrl,
  });
  const base = createBriefbot(config, {
    log: createLogger(process.env.DEBUG_LOG ?? 'silent'),
    now: () => new Date('2026-05-01T00:00:00Z'),
    defaultMetrics: false,
  });
  bot = { ...base, commands: [...base.commands, slow.command, slowPrivate.command, pictureCommand] };
  // Warm the JGB curve, so the 500 ms budget is about the command, not the first fetch.
  await bot.market.curve('jp');
  const started = discordServiceFactory({ replyBudgetMs: 500 })({ bot, http: createHttpServer(bot.log) });
  if (started === undefined) throw new Error('the Discord service should be configured');
  service = started;
  await service.start();
});

afterAll(async () => {
  // @discordjs/ws 1.2 takes the error listener off a connection it destroys, even one still
  // connecting. Stopping the client in the middle of a reconnect would therefore leave a socket
  // whose failure, when the fake gateway closes, is an uncaught exception. Stop once it is ready.
  const settled = Date.now() + 5_000;
  while (service?.status?.().state !== 'ready' && Date.now() < settled) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await service?.stop();
  await discord?.close();
  await market?.close();
});

async function callbackFor(interaction: { id: string }): Promise<CallbackBody> {
  const request = await discord.rest.waitFor(
    'POST',
    new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`),
  );
  return request.json as CallbackBody;
}

describe('the Discord gateway transport', () => {
  it('logs in through the fake gateway: HELLO, IDENTIFY with the token, READY', async () => {
    const identify = await discord.gateway.waitFor(2);
    expect(identify.d).toMatchObject({ token: 'test-bot-token', intents: 1 });
    expect(service.status?.()).toEqual({ state: 'ready' });
    expect(discord.rest.matching('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  });

  it('sends heartbeats and keeps the connection once they are acknowledged', async () => {
    // discord.js drops a connection whose previous heartbeat went unacknowledged; a second
    // heartbeat on the first session proves the acknowledgement was taken.
    await discord.gateway.waitFor(1, 2);
    expect(discord.gateway.heartbeatAcks()).toBeGreaterThanOrEqual(2);
    expect(discord.gateway.received.filter((f) => f.op === 2)).toHaveLength(1);
  });

  it('answers /yield 40y through the interaction callback with the day’s figures', async () => {
    const interaction = commandInteraction('yield', [
      { name: 'tenor', value: '40y' },
      { name: 'date', value: '2026-01-20' },
    ]);
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    const body = await callbackFor(interaction);
    expect(body.type).toBe(4);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.flags).toBeUndefined();
    const embed = body.data?.embeds?.[0];
    expect(embed?.title).toBe('JGB 40Y 3.901%');
    expect(embed?.fields).toContainEqual({
      name: 'Change',
      value: '+18.0 bp vs 2026\\-01\\-19',
      inline: true,
    });
    expect(embed?.fields).toContainEqual(
      expect.objectContaining({ name: 'Move', value: expect.stringContaining('+6.0σ') }),
    );
  });

  it('uploads an answer’s image with the callback itself, as an attachment the embed points at', async () => {
    const interaction = commandInteraction('picture');
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    const request = await discord.rest.waitFor(
      'POST',
      new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`),
    );
    expect(request.files.map((f) => [f.filename, f.contentType, [...f.bytes]])).toEqual([
      ['curve-jp.png', 'image/png', [...PNG]],
    ]);
    expect(request.json).toMatchObject({
      type: 4,
      data: {
        embeds: [{ image: { url: 'attachment://curve-jp.png' } }],
        attachments: [{ id: 0, filename: 'curve-jp.png' }],
        allowed_mentions: { parse: [] },
      },
    });
  });

  it('answers a user error privately, with what to type instead', async () => {
    const interaction = commandInteraction('yield', [{ name: 'tenor', value: '11y' }]);
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    const body = await callbackFor(interaction);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(JSON.stringify(body.data?.embeds)).toContain('40y');
  });

  it('defers a slow command, then edits the answer into the original message', async () => {
    const interaction = commandInteraction('slow');
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    const deferred = await callbackFor(interaction);
    expect(deferred).toEqual({ type: 5 });
    slow.release();
    const edit = await discord.rest.waitFor(
      'PATCH',
      new RegExp(`^/webhooks/\\d+/${interaction.token}/messages/@original$`),
    );
    const body = edit.json as CallbackBody['data'];
    expect(body?.embeds?.[0]?.title).toBe('Slow channel answer');
    expect(body?.allowed_mentions).toEqual({ parse: [] });
    expect(edit.headers.authorization).toBeUndefined();
  });

  it('sends a slow private answer as an ephemeral follow-up and removes the public placeholder', async () => {
    const interaction = commandInteraction('slowprivate');
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    expect(await callbackFor(interaction)).toEqual({ type: 5 });
    slowPrivate.release();
    const followUp = await discord.rest.waitFor('POST', new RegExp(`^/webhooks/\\d+/${interaction.token}$`));
    expect(followUp.json).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    const removed = await discord.rest.waitFor(
      'DELETE',
      new RegExp(`^/webhooks/\\d+/${interaction.token}/messages/@original$`),
    );
    expect(removed.at).toBeGreaterThanOrEqual(followUp.at);
  });

  it('answers autocomplete for tenors of the market already chosen', async () => {
    const interaction = autocompleteInteraction('yield', [
      { name: 'market', value: 'us' },
      { name: 'tenor', value: '1', focused: true },
    ]);
    discord.gateway.dispatch('INTERACTION_CREATE', interaction);

    const body = await callbackFor(interaction);
    expect(body.type).toBe(8);
    expect(body.data?.choices?.map((c) => c.value)).toEqual(['1m', '1.5m', '1y', '10y']);
  });

  it('posts to a channel by id through the registered poster, with mentions disabled', async () => {
    const poster = bot.posters.get('discord');
    expect(poster).toBeDefined();

    const result = await poster?.post(CHANNEL_ID, {
      title: 'Alert @everyone',
      blocks: [{ kind: 'text', text: '40Y above 3.9% <@&1>' }],
      footer: [],
    });

    const sent = discord.rest.matching('POST', CHANNEL_MESSAGES).at(-1);
    expect(sent?.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(sent?.json).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(sent?.headers.authorization).toBe('Bot test-bot-token');
    expect(result?.messageIds).toHaveLength(1);
  });

  it('sends a post Discord answered with a 503 once: its outcome is unknown, so the poster does not resend it', async () => {
    const before = discord.rest.matching('POST', CHANNEL_MESSAGES).length;
    discord.rest.once('POST', CHANNEL_MESSAGES, { status: 503, json: { message: 'unavailable', code: 0 } });
    const failure = await bot.posters
      .get('discord')
      ?.post(CHANNEL_ID, { title: 'Alert', blocks: [{ kind: 'text', text: '40Y above 3.9%' }], footer: [] })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ permanent: false });
    expect(discord.rest.matching('POST', CHANNEL_MESSAGES)).toHaveLength(before + 1);
  });

  it('posts the previewed brief to the channel once when "Post to channel" is clicked twice', async () => {
    const before = discord.rest.matching('POST', CHANNEL_MESSAGES).length;
    const first = buttonInteraction('post_brief:morning', '600000000000000001');
    const second = buttonInteraction('post_brief:morning', '600000000000000001');
    discord.gateway.dispatch('INTERACTION_CREATE', first);
    discord.gateway.dispatch('INTERACTION_CREATE', second);

    expect(await callbackFor(first)).toEqual({ type: 7, data: { components: [] } });
    expect(await callbackFor(second)).toEqual({ type: 6 });
    await discord.rest.waitFor('POST', CHANNEL_MESSAGES, before + 1);
    const posts = discord.rest.matching('POST', CHANNEL_MESSAGES).slice(before);
    const [brief] = posts.map((p) => p.json as { embeds: Embed[]; allowed_mentions: unknown });
    expect(brief?.embeds[0]?.title).toMatch(/brief/i);
    expect(brief?.allowed_mentions).toEqual({ parse: [] });
  });

  it('never reaches the callback URL with the bot token', () => {
    const callbacks = discord.rest.requests.filter((r) => CALLBACK.test(r.path) || ORIGINAL.test(r.path));
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});
