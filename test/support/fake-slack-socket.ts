import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What a client sent back for an envelope: `{ envelope_id, payload }`. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
}

/**
 * A Socket Mode server on 127.0.0.1 speaking Slack's envelope protocol: a `hello` on connect, then
 * envelopes (`slash_commands`, `interactive`, `events_api`) with an `envelope_id` the client must
 * acknowledge. Point the fake Web API's `apps.connections.open` at `url`.
 */
export interface FakeSlackSocket {
  readonly url: string;
  readonly acks: SocketAck[];
  /** Resolves once a client has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends an envelope to every connected client and returns its id. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): string;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startFakeSlackSocket(): Promise<FakeSlackSocket> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const clients = new Set<WebSocket>();
  const acks: SocketAck[] = [];
  const ackWaiters = new Map<string, (ack: SocketAck) => void>();
  let greeted: () => void = () => undefined;
  const firstGreeting = new Promise<void>((resolve) => {
    greeted = resolve;
  });

  server.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.push(ack);
      ackWaiters.get(ack.envelope_id)?.(ack);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: clients.size,
        debug_info: { host: 'fake-slack-socket', approximate_connection_time: 18_060 },
        connection_info: { app_id: 'A0BRIEF' },
      }),
    );
    greeted();
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake`,
    acks,
    connected: () => firstGreeting,
    send(type, payload) {
      const envelope_id = randomUUID();
      const envelope = { envelope_id, type, payload, accepts_response_payload: type !== 'events_api' };
      for (const socket of clients) socket.send(JSON.stringify(envelope));
      return envelope_id;
    },
    waitForAck(envelopeId, timeoutMs = 5_000) {
      const done = acks.find((a) => a.envelope_id === envelopeId);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ack for ${envelopeId} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        ackWaiters.set(envelopeId, (ack) => {
          clearTimeout(timer);
          ackWaiters.delete(envelopeId);
          resolve(ack);
        });
      });
    },
    close() {
      for (const socket of clients) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
