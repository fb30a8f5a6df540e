import { REST } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Briefbot, createBriefbot } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config/config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import { createLogger } from '../../../src/log/logger.ts';
import {
  DISCORD_INTERACTIONS_PATH,
  mountDiscordInteractions,
} from '../../../src/transports/discord/discord-interactions-route.ts';
import {
  createBotInteractionHandler,
  discordServiceFactory,
} from '../../../src/transports/discord/discord-service.ts';
import { createDiscordSignatureVerifier } from '../../../src/transports/discord/discord-signature.ts';
import type { InteractionHandler } from '../../../src/transports/discord/interaction-handler.ts';
import { commandInteraction } from '../../support/fake-discord-interactions.ts';
import { type FakeDiscordRest, startFakeDiscordRest } from '../../support/fake-discord-rest.ts';
import { discordKeyPair, signedHeaders } from '../../support/fake-discord-signing.ts';
import { type FakeMarket, startFakeMarket } from '../../support/fake-market.ts';

const keys = discordKeyPair();
const otherKeys = discordKeyPair();

let market: FakeMarket;
let rest: FakeDiscordRest;
let webhookRest: REST;
let bot: Briefbot;
let http: HttpServer;
let url: string;
let handled = 0;

beforeAll(async () => {
  market = await startFakeMarket();
  rest = await startFakeDiscordRest();
  const config = loadConfig({
    ...market.env,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: rest.apiUrl,
  });
  bot = createBriefbot(config, {
    log: createLogger('silent'),
    now: () => new Date('2026-05-01T00:00:00Z'),
    defaultMetrics: false,
  });
  webhookRest = new REST({ api: rest.apiUrl });
  const real = createBotInteractionHandler(bot, { rest: webhookRest, poster: () => undefined });
  const counting: InteractionHandler = {
    handle(interaction, responder) {
      handled += 1;
      return real.handle(interaction, responder);
    },
  };
  http = createHttpServer(bot.log);
  mountDiscordInteractions(http, {
    verify: createDiscordSignatureVerifier(keys.publicKeyHex),
    handler: counting,
    log: bot.log,
  });
  const { port } = await http.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}${DISCORD_INTERACTIONS_PATH}`;
});

afterAll(async () => {
  await http?.close();
  webhookRest?.clearHashSweeper();
  webhookRest?.clearHandlerSweeper();
  await rest?.close();
  await market?.close();
});

beforeEach(() => {
  handled = 0;
});

const post = (body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers });

describe('POST /discord/interactions', () => {
  it('answers a signed PING with a PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't', version: 1 });

    const response = await post(body, signedHeaders(body, keys.privateKey));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it('answers a signed /yield 40y in the HTTP response, mentions disabled', async () => {
    const body = JSON.stringify(
      commandInteraction('yield', [
        { name: 'date', value: '2026-01-20' },
        { name: 'tenor', value: '40y' },
      ]),
    );

    const response = await post(body, signedHeaders(body, keys.privateKey));

    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      type: number;
      data: {
        embeds: { title: string; fields: { name: string; value: string }[] }[];
        allowed_mentions: unknown;
      };
    };
    expect(answer.type).toBe(4);
    expect(answer.data.allowed_mentions).toEqual({ parse: [] });
    expect(answer.data.embeds[0]?.title).toBe('JGB 40Y 3.901%');
    expect(answer.data.embeds[0]?.fields).toContainEqual(
      expect.objectContaining({ name: 'Change', value: '+18.0 bp vs 2026\\-01\\-19' }),
    );
  });

  it('answers the same warm question twice with the same bytes, the second from the kept answer', async () => {
    const body = JSON.stringify(commandInteraction('yield', [{ name: 'tenor', value: '10y' }]));
    const first = await (await post(body, signedHeaders(body, keys.privateKey))).text();
    const second = await (await post(body, signedHeaders(body, keys.privateKey))).text();
    expect(second).toBe(first);
    const answer = JSON.parse(second) as { type: number; data: { embeds: { title: string }[] } };
    expect(answer.type).toBe(4);
    expect(answer.data.embeds[0]?.title).toBe('JGB 10Y 2.520%');
  });

  it('shows a brief preview privately, with a Post to channel button and the brief’s charts', async () => {
    const interaction = commandInteraction('brief');
    const body = JSON.stringify(interaction);

    const response = await post(body, signedHeaders(body, keys.privateKey));

    // The morning brief carries a chart, which an HTTP answer cannot: the answer is deferred
    // privately (so the channel never sees a placeholder) and the preview edited in with the chart.
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    const original = new RegExp(`^/webhooks/\\d+/${interaction.token}/messages/@original$`);
    const edit = await rest.waitFor('PATCH', original);
    const edited = edit.json as {
      flags?: number;
      components?: { components: { custom_id: string; label: string }[] }[];
    };
    expect(edited.flags).toBeUndefined();
    expect(edit.files.map((file) => file.filename)).toContain('curve-jp-2026-04-30-vs-2026-04-23.png');
    // The whole preview fits one message, so the button sits under the edited answer.
    expect(edited.components?.[0]?.components[0]).toMatchObject({
      custom_id: 'post_brief:morning',
      label: 'Post to channel',
    });
    expect(rest.matching('POST', new RegExp(`^/webhooks/\\d+/${interaction.token}$`))).toEqual([]);
    expect(rest.matching('DELETE', original)).toEqual([]);
  });

  it('defers a reply with a chart, then uploads the chart with the edit (an HTTP answer cannot carry files)', async () => {
    const interaction = commandInteraction('curve');
    const body = JSON.stringify(interaction);

    const response = await post(body, signedHeaders(body, keys.privateKey));

    expect(await response.json()).toEqual({ type: 5 });
    const edit = await rest.waitFor(
      'PATCH',
      new RegExp(`^/webhooks/\\d+/${interaction.token}/messages/@original$`),
    );
    expect(edit.files.map((f) => f.contentType)).toEqual(['image/png']);
    const json = edit.json as { embeds: { image?: { url: string } }[]; allowed_mentions: unknown };
    expect(json.allowed_mentions).toEqual({ parse: [] });
    expect(json.embeds.some((e) => e.image?.url === `attachment://${edit.files[0]?.filename}`)).toBe(true);
  });

  it('refuses a request signed with the wrong key, and runs nothing', async () => {
    const body = JSON.stringify(commandInteraction('yield', [{ name: 'tenor', value: '40y' }]));

    const response = await post(body, signedHeaders(body, otherKeys.privateKey));

    expect(response.status).toBe(401);
    expect(handled).toBe(0);
  });

  it('refuses a body changed after signing, and runs nothing', async () => {
    const signed = JSON.stringify(commandInteraction('yield', [{ name: 'tenor', value: '40y' }]));
    const tampered = signed.replace('40y', '30y');

    const response = await post(tampered, signedHeaders(signed, keys.privateKey));

    expect(response.status).toBe(401);
    expect(handled).toBe(0);
  });

  it.each(['x-signature-ed25519', 'x-signature-timestamp'])(
    'refuses a request without the %s header, and runs nothing',
    async (missing) => {
      const body = JSON.stringify(commandInteraction('yield', [{ name: 'tenor', value: '40y' }]));
      const headers = signedHeaders(body, keys.privateKey);
      delete headers[missing];

      const response = await post(body, headers);

      expect(response.status).toBe(401);
      expect(handled).toBe(0);
    },
  );

  it('refuses a signature over a different timestamp', async () => {
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 't' });
    const headers = {
      ...signedHeaders(body, keys.privateKey, '1768867200'),
      'x-signature-timestamp': '1768867201',
    };

    const response = await post(body, headers);

    expect(response.status).toBe(401);
    expect(handled).toBe(0);
  });
});

describe('the Discord service without a gateway token', () => {
  it('mounts the endpoint when DISCORD_PUBLIC_KEY is set and says it serves HTTP interactions only', () => {
    const server = createHttpServer(bot.log);
    const service = discordServiceFactory()({ bot, http: server });

    expect(service?.status?.()).toEqual({ state: 'ready', detail: 'HTTP interactions only' });
  });

  it('refuses a DISCORD_PUBLIC_KEY that is not 64 hex characters', () => {
    const config = loadConfig({ DISCORD_PUBLIC_KEY: 'not-a-key', LOG_LEVEL: 'silent' });
    const broken = createBriefbot(config, { log: createLogger('silent'), defaultMetrics: false });

    expect(() => discordServiceFactory()({ bot: broken, http: createHttpServer(broken.log) })).toThrow(
      ConfigError,
    );
  });

  it('is not started when no Discord variable is set', () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const plain = createBriefbot(config, { log: createLogger('silent'), defaultMetrics: false });

    expect(discordServiceFactory()({ bot: plain, http: createHttpServer(plain.log) })).toBeUndefined();
  });
});
