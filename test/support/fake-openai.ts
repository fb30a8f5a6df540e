import {
  type FakeHttpServer,
  type FakeRequest,
  type FakeResponse,
  startFakeHttpServer,
} from './fake-http-server.ts';

/** What the fake received: the parsed body of `POST /v1/chat/completions`, and the raw request. */
export interface FakeChatRequest {
  readonly raw: FakeRequest;
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  readonly responseFormat: unknown;
}

export type FakeChatReply =
  /** A completion whose message is `content`; `usage: null` leaves usage out, as some local servers do. */
  | {
      readonly content: string;
      readonly usage?: { readonly prompt: number; readonly completion: number } | null;
      readonly delayMs?: number;
    }
  /** An HTTP error, as OpenAI sends one. */
  | {
      readonly status: number;
      readonly message?: string;
      readonly headers?: Record<string, string>;
      readonly delayMs?: number;
    };

export type FakeChatScript = FakeChatReply | ((request: FakeChatRequest) => FakeChatReply);

/**
 * An OpenAI-compatible server on 127.0.0.1 answering `POST /v1/chat/completions` from a script,
 * for the real `openai` client to talk to. Every request is recorded, parsed.
 */
export interface FakeOpenAi {
  /** Ends in `/v1`, as `OPENAI_BASE_URL` does. */
  readonly baseUrl: string;
  readonly server: FakeHttpServer;
  readonly requests: FakeChatRequest[];
  /** Answers the next calls in turn, repeating the last one. */
  script(replies: readonly FakeChatScript[]): void;
  close(): Promise<void>;
}

export const CHAT_PATH = '/v1/chat/completions';

/** A model answer in the JSON shape the prompt asks for. */
export function summaryAnswer(summary: string): FakeChatReply {
  return { content: JSON.stringify({ summary }) };
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const server = await startFakeHttpServer();
  const requests: FakeChatRequest[] = [];
  let replies: readonly FakeChatScript[] = [{ status: 500, message: 'no script' }];
  let index = 0;

  server.route(CHAT_PATH, (raw) => {
    const body = JSON.parse(raw.body.toString('utf8')) as {
      model: string;
      messages: { role: string; content: string }[];
      response_format?: unknown;
    };
    const request: FakeChatRequest = {
      raw,
      model: body.model,
      messages: body.messages,
      responseFormat: body.response_format,
    };
    requests.push(request);
    const step = replies[Math.min(index, replies.length - 1)] ?? { status: 500 };
    index += 1;
    return toResponse(typeof step === 'function' ? step(request) : step, body.model);
  });

  return {
    baseUrl: `${server.baseUrl}/v1`,
    server,
    requests,
    script(next) {
      replies = next;
      index = 0;
    },
    close: () => server.close(),
  };
}

function toResponse(reply: FakeChatReply, model: string): FakeResponse {
  const json = { 'content-type': 'application/json' };
  const delay = reply.delayMs === undefined ? {} : { delayMs: reply.delayMs };
  if ('status' in reply) {
    const error = { message: reply.message ?? `status ${reply.status}`, type: 'server_error', code: null };
    return {
      status: reply.status,
      headers: { ...json, ...reply.headers },
      body: JSON.stringify({ error }),
      ...delay,
    };
  }
  const usage =
    reply.usage === null
      ? {}
      : (() => {
          const { prompt, completion } = reply.usage ?? { prompt: 900, completion: 60 };
          return {
            usage: {
              prompt_tokens: prompt,
              completion_tokens: completion,
              total_tokens: prompt + completion,
            },
          };
        })();
  const completion = {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_768_900_000,
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    ...usage,
  };
  return { status: 200, headers: json, body: JSON.stringify(completion), ...delay };
}
