import {
  type FakeDiscordGateway,
  type FakeGatewayOptions,
  startFakeDiscordGateway,
} from './fake-discord-gateway.ts';
import { type FakeDiscordRest, startFakeDiscordRest } from './fake-discord-rest.ts';

export { FAKE_APPLICATION_ID, FAKE_BOT_USER_ID } from './fake-discord-rest.ts';

/**
 * Discord on 127.0.0.1: a fake REST API whose `GET /gateway/bot` points at a fake gateway, so a
 * real discord.js client configured with `rest: { api: fake.apiUrl }` logs in and receives
 * dispatches from the test.
 */
export interface FakeDiscord {
  readonly rest: FakeDiscordRest;
  readonly gateway: FakeDiscordGateway;
  readonly apiUrl: string;
  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeGatewayOptions = {}): Promise<FakeDiscord> {
  const rest = await startFakeDiscordRest();
  const gateway = await startFakeDiscordGateway(options);
  rest.setGatewayUrl(gateway.url);
  return {
    rest,
    gateway,
    apiUrl: rest.apiUrl,
    async close() {
      await gateway.close();
      await rest.close();
    },
  };
}
