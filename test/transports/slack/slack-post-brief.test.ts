import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsBody, postToSlackEndpoint, slashCommandBody } from '../../support/fake-slack-request.ts';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness } from './slack-harness.ts';

interface ActionsBlock {
  type: 'actions';
  elements: { type: string; action_id: string; value: string; text: { text: string } }[];
}

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

async function preview() {
  const body = slashCommandBody({ command: '/brief', text: 'close', responseUrl: h.slack.responseUrl() });
  const response = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as { response_type: string; text: string; blocks: { type: string }[] };
}

function pressPost(value: string, messageTs: string, channelId = 'C0RATES') {
  const responseUrl = h.slack.responseUrl();
  const body = blockActionsBody({ actionId: 'post_brief', value, messageTs, responseUrl, channelId });
  return { responseUrl, sent: postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET }) };
}

describe('/brief on Slack', () => {
  it('shows a private preview with a "Post to channel" button naming the template', async () => {
    const payload = await preview();
    expect(payload.response_type).toBe('ephemeral');
    const actions = payload.blocks.at(-1) as ActionsBlock | undefined;
    expect(actions?.type).toBe('actions');
    expect(actions?.elements).toEqual([
      expect.objectContaining({ type: 'button', action_id: 'post_brief', value: 'close' }),
    ]);
    expect(actions?.elements[0]?.text.text).toBe('Post to channel');
  });

  it('posts the brief to the channel when the button is pressed, then replaces the preview', async () => {
    const { responseUrl, sent } = pressPost('close', '1768900000.000111');
    expect((await sent).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));

    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args).toMatchObject({ channel: 'C0RATES', unfurl_links: 'false' });
    expect(String(posts[0]?.args.text)).toMatch(/close/i);
    expect(JSON.stringify(posts[0]?.args.blocks)).not.toContain('"actions"');

    const confirmation = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(confirmation?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(String(confirmation?.body.text)).toContain('Posted');
  });

  it('does not post the same preview twice', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const { responseUrl, sent } = pressPost('close', '1768900000.000111');
    expect((await sent).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before);
    const answer = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(String(answer?.body.text)).toContain('already');
  });

  it('tells the user to invite the bot when Slack says it is not in the channel', async () => {
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    // Another channel, so the test does not wait out the one-message-per-second pacing of C0RATES.
    const { responseUrl, sent } = pressPost('close', '1768900000.000222', 'C0PRIVATE');
    expect((await sent).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));
    const answer = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.body.text)).toContain('/invite @briefbot');
  });

  it('sends a post Slack answered with a 503 once, and says it may have arrived', async () => {
    // The harness's client would send it again after the 503; the poster's own never resends a post.
    h.slack.failNext('chat.postMessage', { status: 503 });
    const before = h.slack.callsTo('chat.postMessage').length;
    const { responseUrl, sent } = pressPost('close', '1768900000.000444', 'C0OTHER');
    expect((await sent).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
    const answer = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(String(answer?.body.text)).toContain('may have arrived anyway. Check the channel');
  });

  it('answers an unknown template in the button with a hint, posting nothing', async () => {
    const before = h.slack.callsTo('chat.postMessage').length;
    const { responseUrl, sent } = pressPost('no-such-template', '1768900000.000333');
    expect((await sent).status).toBe(200);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(before);
    const answer = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(String(answer?.body.text)).toMatch(/template/i);
  });
});

describe('other buttons on Slack', () => {
  it('acknowledges a button no command handles and says it does nothing', async () => {
    const before = h.handled.count;
    const responseUrl = h.slack.responseUrl();
    const body = blockActionsBody({ actionId: 'retired_button', value: 'x', responseUrl });
    const response = await postToSlackEndpoint(h.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(response.status).toBe(200);
    expect(h.handled.count).toBe(before + 1);
    await h.slack.waitFor(() => h.slack.responseUrlPosts.some((p) => responseUrl.endsWith(p.path)));
    const answer = h.slack.responseUrlPosts.find((p) => responseUrl.endsWith(p.path));
    expect(String(answer?.body.text)).toContain('no longer does anything');
  });
});
