import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOrCreate } from '../../domain/memo.ts';
import {
  BodyTooLargeError,
  type HttpServer,
  type RouteHandler,
  readBody,
  respond,
} from '../../http/http-server.ts';
import type { Logger } from '../../log/logger.ts';
import { parseInteraction } from './discord-interaction.ts';
import type { DiscordSignatureVerifier } from './discord-signature.ts';
import type { InteractionHandler } from './interaction-handler.ts';
import type { InteractionResponder, InteractionResponse } from './interaction-responder.ts';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

export interface DiscordInteractionsRouteDeps {
  readonly verify: DiscordSignatureVerifier;
  readonly handler: InteractionHandler;
  readonly log: Logger;
}

/**
 * `POST /discord/interactions`: Discord's HTTP alternative to the gateway. The signature is checked
 * before the body is parsed or anything runs; a request that fails it gets 401 and nothing else.
 * The first answer is the HTTP response itself; edits and follow-ups go through REST.
 */
export function createDiscordInteractionsRoute(deps: DiscordInteractionsRouteDeps): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const signature = header(request, 'x-signature-ed25519');
    const timestamp = header(request, 'x-signature-timestamp');
    if (signature === undefined || timestamp === undefined) {
      respond(response, 401, 'missing request signature');
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      respond(response, 413, 'request body too large');
      return;
    }
    if (!deps.verify(signature, timestamp, body)) {
      respond(response, 401, 'invalid request signature');
      return;
    }
    const interaction = parseInteraction(parseJson(body));
    if (interaction === undefined) {
      respond(response, 400, 'not an interaction');
      return;
    }
    const responder: InteractionResponder = {
      uploads: false,
      async respond(answer) {
        if (response.headersSent) throw new Error('interaction already answered');
        const bytes = responseBytes(answer);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
        response.end(bytes);
      },
    };
    await deps.handler.handle(interaction, responder);
    if (!response.headersSent) {
      deps.log.error(
        { interaction: interaction.id, type: interaction.type },
        'discord interaction left unanswered',
      );
      respond(response, 500, 'internal error');
    }
  };
}

export function mountDiscordInteractions(http: HttpServer, deps: DiscordInteractionsRouteDeps): void {
  http.route('POST', DISCORD_INTERACTIONS_PATH, createDiscordInteractionsRoute(deps));
}

/**
 * The answer as the bytes of its JSON. A frozen message (a warm answer's payload, shared by every
 * caller) is serialised and encoded once per response type and kept with it, so a warm answer is
 * written without building its JSON again.
 */
function responseBytes(answer: InteractionResponse): Buffer {
  const { data } = answer;
  if (data === null || typeof data !== 'object' || !Object.isFrozen(data)) {
    return Buffer.from(JSON.stringify(answer), 'utf8');
  }
  const byType = getOrCreate(encoded, data, () => new Map<number, Buffer>());
  let bytes = byType.get(answer.type);
  if (bytes === undefined) {
    bytes = Buffer.from(`{"type":${JSON.stringify(answer.type)},"data":${JSON.stringify(data)}}`, 'utf8');
    byType.set(answer.type, bytes);
  }
  return bytes;
}

const encoded = new WeakMap<object, Map<number, Buffer>>();

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
