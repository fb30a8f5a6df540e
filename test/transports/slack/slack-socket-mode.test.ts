import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsPayload } from '../../support/fake-slack-request.ts';
import { type FakeSlackSocket, startFakeSlackSocket } from '../../support/fake-slack-socket.ts';
import { APP_TOKEN, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let socket: FakeSlackSocket;
let h: SlackHarness;
beforeAll(async () => {
  socket = await startFakeSlackSocket();
  h = await startSlackHarness({ socketUrl: socket.url });
});
afterAll(async () => {
  await h.close();
  await socket.close();
});

function slashCommand(command: string, text: string) {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'rates-desk',
    channel_id: 'C0RATES',
    channel_name: 'rates',
    user_id: 'U0TRADER',
    user_name: 'trader',
    command,
    text,
    api_app_id: 'A0BRIEF',
    is_enterprise_install: 'false',
    response_url: h.slack.responseUrl(),
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  };
}

describe('Slack over Socket Mode', () => {
  it('opens the connection through apps.connections.open with the app token', async () => {
    await socket.connected();
    const [open] = h.slack.callsTo('apps.connections.open');
    expect(open?.token).toBe(APP_TOKEN);
    expect(h.slackApp.mode).toBe('socket');
    expect(h.slackApp.connected()).toBe(true);
    expect(h.slackApp.requestHandler).toBeUndefined();
  });

  it('answers a slash command envelope in its acknowledgement', async () => {
    await socket.connected();
    const id = socket.send('slash_commands', slashCommand('/yield', '40y 2026-01-20'));
    const ack = await socket.waitForAck(id);
    expect(ack.envelope_id).toBe(id);
    expect(ack.payload).toMatchObject({ response_type: 'in_channel' });
    expect(String(ack.payload?.text)).toContain('JGB 40Y 3.901%');
    expect(JSON.stringify(ack.payload?.blocks)).toContain('+18.0 bp vs 2026-01-19');
  });

  it('posts a brief when the preview button is pressed, acknowledging the envelope', async () => {
    const responseUrl = h.slack.responseUrl();
    const payload = blockActionsPayload({
      actionId: 'post_brief',
      value: 'close',
      responseUrl,
      channelId: 'C0SOCKET',
    });
    const id = socket.send('interactive', payload);
    const ack = await socket.waitForAck(id);
    expect(ack.envelope_id).toBe(id);
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    expect(h.slack.callsTo('chat.postMessage')[0]?.args).toMatchObject({ channel: 'C0SOCKET' });
  });

  it('answers a user error privately with a hint', async () => {
    const id = socket.send('slash_commands', slashCommand('/price', 'platinum'));
    const ack = await socket.waitForAck(id);
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(ack.payload)).toContain('is not an asset');
  });
});
