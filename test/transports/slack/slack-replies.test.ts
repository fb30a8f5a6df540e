import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand, privateReply, publicReply } from '../../../src/command/command.ts';
import type { Document } from '../../../src/domain/document.ts';
import { postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const chartDoc: Document = {
  title: 'JGB curve',
  blocks: [
    {
      kind: 'image',
      image: { name: 'curve-jp.png', alt: 'JGB curve today vs 1w', png: PNG, width: 2, height: 2 },
    },
    { kind: 'table', columns: ['Tenor', 'Yield'], rows: [['40Y', '3.743%']] },
  ],
  footer: [],
};
const longDoc: Document = {
  title: 'Very long',
  blocks: Array.from({ length: 70 }, (_, i) => ({ kind: 'text', text: `line ${i}` }) as const),
  footer: [],
};

const commands = [
  defineCommand({
    name: 'chart',
    summary: 'c',
    usage: '/chart',
    examples: [],
    options: [],
    run: async () => publicReply(chartDoc),
  }),
  defineCommand({
    name: 'mychart',
    summary: 'c',
    usage: '/mychart',
    examples: [],
    options: [],
    run: async () => privateReply(chartDoc),
  }),
  defineCommand({
    name: 'long',
    summary: 'l',
    usage: '/long',
    examples: [],
    options: [],
    run: async () => privateReply(longDoc),
  }),
  defineCommand({
    name: 'broken',
    summary: 'b',
    usage: '/broken',
    examples: [],
    options: [],
    run: async () => {
      throw new TypeError('cannot read properties of undefined (reading "yields")');
    },
  }),
];

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ commands });
});
afterAll(() => h.close());

async function run(command: string, channelId = 'C0RATES') {
  const responseUrl = h.slack.responseUrl();
  const body = slashCommandBody({ command, responseUrl, channelId });
  const response = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
  expect(response.status).toBe(200);
  const followUps = () => h.slack.responseUrlPosts.filter((p) => responseUrl.endsWith(p.path));
  return { ack: JSON.parse(response.text) as Record<string, unknown>, followUps };
}

describe('Slack replies', () => {
  it('uploads the chart of a channel reply to the channel with the files API', async () => {
    const { ack } = await run('/chart', 'C0CHARTS');
    expect(ack.response_type).toBe('in_channel');
    await h.slack.waitFor(() => h.slack.callsTo('files.completeUploadExternal').length === 1);
    expect(h.slack.uploads).toEqual([
      expect.objectContaining({ filename: 'curve-jp.png', bytes: Buffer.from(PNG) }),
    ]);
    expect(h.slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C0CHARTS',
    });
  });

  it('keeps the text stand-in and uploads nothing for a private reply', async () => {
    const before = h.slack.callsTo('files.getUploadURLExternal').length;
    const { ack } = await run('/mychart');
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain('[image: JGB curve today vs 1w]');
    expect(JSON.stringify(ack.blocks)).toContain('3.743%');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toHaveLength(before);
  });

  it('says how to fix it when the chart cannot be uploaded to the channel', async () => {
    h.slack.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const { followUps } = await run('/chart', 'C0PRIVATE');
    await h.slack.waitFor(() => followUps().length === 1);
    expect(followUps()[0]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(followUps()[0]?.body.text)).toContain('/invite @briefbot');
  });

  it('sends the first part of a long reply in the acknowledgement and the rest to response_url', async () => {
    const { ack, followUps } = await run('/long');
    expect(String(ack.text)).toContain('(1/2)');
    await h.slack.waitFor(() => followUps().length === 1);
    expect(followUps()[0]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(followUps()[0]?.body.text)).toContain('(2/2)');
  });

  it('answers an internal failure with a short private apology and a reference, no stack trace', async () => {
    const { ack } = await run('/broken');
    expect(ack.response_type).toBe('ephemeral');
    const text = JSON.stringify(ack);
    expect(text).toMatch(/ref [0-9a-f]{8}/);
    expect(text).not.toMatch(/TypeError|yields|\.ts:\d+/);
  });
});
