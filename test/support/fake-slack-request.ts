import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function slackSignature(secret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export interface SlashCommandFields {
  readonly command: string;
  readonly text?: string;
  readonly userId?: string;
  readonly channelId?: string;
  readonly responseUrl: string;
}

/** A slash command as Slack sends it: form-encoded, every field Slack documents. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'rates-desk',
    channel_id: fields.channelId ?? 'C0RATES',
    channel_name: 'rates',
    user_id: fields.userId ?? 'U0TRADER',
    user_name: 'trader',
    command: fields.command,
    text: fields.text ?? '',
    api_app_id: 'A0BRIEF',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

export interface ButtonPressFields {
  readonly actionId: string;
  readonly value: string;
  readonly userId?: string;
  readonly channelId?: string;
  readonly messageTs?: string;
  readonly responseUrl: string;
}

/** A `block_actions` payload for a button on an ephemeral message, as the JSON Slack form-encodes. */
export function blockActionsPayload(fields: ButtonPressFields): Record<string, unknown> {
  const channelId = fields.channelId ?? 'C0RATES';
  const userId = fields.userId ?? 'U0TRADER';
  return {
    type: 'block_actions',
    user: { id: userId, username: 'trader', name: 'trader', team_id: 'T0001' },
    api_app_id: 'A0BRIEF',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: fields.messageTs ?? '1768900000.000100',
      channel_id: channelId,
      is_ephemeral: true,
    },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    team: { id: 'T0001', domain: 'rates-desk' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'rates' },
    state: { values: {} },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Post to channel', emoji: false },
        value: fields.value,
        type: 'button',
        action_ts: '1768900001.000200',
      },
    ],
  };
}

export function blockActionsBody(fields: ButtonPressFields): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(fields)) }).toString();
}

export interface SignedPostOptions {
  readonly secret: string;
  /** Defaults to now. */
  readonly timestampSeconds?: number;
  /** Leave the signature header out entirely. */
  readonly unsigned?: boolean;
  /** Send exactly these headers instead of signing again (to replay a request). */
  readonly headers?: Record<string, string>;
}

/** POSTs a form-encoded body the way Slack does, signed for real. Returns the status and body. */
export async function postToSlackEndpoint(
  url: string,
  body: string,
  options: SignedPostOptions,
): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1_000);
  const headers = options.headers ?? {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    ...(options.unsigned ? {} : { 'x-slack-signature': slackSignature(options.secret, timestamp, body) }),
  };
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), headers };
}
