import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordKeyPair, signedHeaders } from '../support/fake-discord-signing.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { postToSlackEndpoint } from '../support/fake-slack-request.ts';
import { type ServeProcess, startServe } from '../support/serve-process.ts';

const SECRET = 'reliability-signing-secret';
const TOKEN = 'xoxb-0001-briefbot-reliability';
const keys = discordKeyPair();

let market: FakeMarket;
let slack: FakeSlackApi;
let serve: ServeProcess;
let base: string;

beforeAll(async () => {
  market = await startFakeMarket();
  slack = await startFakeSlackApi({ token: TOKEN });
  serve = await startServe({
    ...market.env,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
  });
  base = serve.baseUrl;
}, 30_000);

afterAll(async () => {
  await serve.stop();
  await slack.close();
  await market.close();
});

/** Sends a body of `size` bytes in chunks, without a content-length, as a streaming client would. */
function postChunked(path: string, size: number, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      `${base}${path}`,
      { method: 'POST', headers: { 'transfer-encoding': 'chunked', ...headers } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // The server may close the connection once the limit is passed; that is the point.
    req.on('error', () => resolve(413));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

async function stillServing(): Promise<void> {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}

describe('every HTTP endpoint under oversized and malformed requests', () => {
  it.each(['/slack/events', '/discord/interactions'])(
    'refuses an oversized declared body on %s with 413',
    async (path) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-length': String(2_000_000) },
        body: 'x'.repeat(2_000_000),
      }).catch(() => ({ status: 413 }));
      expect(response.status).toBe(413);
      await stillServing();
    },
  );

  it.each(['/slack/events', '/discord/interactions'])(
    'refuses an oversized streamed body on %s',
    async (path) => {
      expect(await postChunked(path, 3_000_000)).toBe(413);
      await stillServing();
    },
  );

  it('refuses unsigned garbage on /slack/events with 401 and a signed non-form body with a 4xx', async () => {
    expect(
      (
        await postToSlackEndpoint(`${base}/slack/events`, '\u0000\u00ff{{{', {
          secret: SECRET,
          unsigned: true,
        })
      ).status,
    ).toBe(401);
    const signed = await postToSlackEndpoint(`${base}/slack/events`, 'payload=%7Bnot-json', {
      secret: SECRET,
    });
    expect(signed.status).toBeGreaterThanOrEqual(400);
    expect(signed.status).toBeLessThan(500);
    await stillServing();
  });

  it('refuses a correctly signed body that is not JSON on /discord/interactions with 400', async () => {
    const body = '{"type": 2, "data": ';
    const response = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: signedHeaders(body, keys.privateKey),
      body,
    });
    expect(response.status).toBe(400);
    const wrongShape = '{"type":"ping"}';
    const shaped = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: signedHeaders(wrongShape, keys.privateKey),
      body: wrongShape,
    });
    expect(shaped.status).toBeGreaterThanOrEqual(400);
    expect(shaped.status).toBeLessThan(500);
    await stillServing();
  });

  it('answers unknown paths and wrong methods without a crash', async () => {
    expect((await fetch(`${base}/slack/events`)).status).toBe(405);
    expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST', body: 'x' })).status).toBe(405);
    await stillServing();
  });
});
