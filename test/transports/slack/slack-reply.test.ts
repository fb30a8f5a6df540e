import { describe, expect, it } from 'vitest';
import type { Document, Reply } from '../../../src/domain/document.ts';
import { SLACK_LIMITS } from '../../../src/render/slack/limits.ts';
import { SLACK_ACTION_LIMITS, slackResponses } from '../../../src/transports/slack/slack-reply.ts';

const doc: Document = {
  title: 'Morning brief',
  blocks: [{ kind: 'text', text: 'JGB 40Y 3.743%' }],
  footer: [],
};
const post = { id: 'post_brief', label: 'Post to channel', value: 'morning' };

describe('Slack responses', () => {
  it('maps channel replies to in_channel and the rest to ephemeral', () => {
    expect(slackResponses({ document: doc, visibility: 'channel' })[0]?.response_type).toBe('in_channel');
    expect(slackResponses({ document: doc, visibility: 'ephemeral' })[0]?.response_type).toBe('ephemeral');
  });

  it('adds a reply action as a button in an actions block at the end of the last message', () => {
    const [message] = slackResponses({ document: doc, visibility: 'ephemeral', actions: [post] });
    expect(message?.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Post to channel', emoji: false },
          action_id: 'post_brief',
          value: 'morning',
        },
      ],
    });
  });

  it('puts the buttons in a message of their own when the last one is already full', () => {
    const full: Document = {
      title: 'Long',
      // The header plus these fill one message exactly.
      blocks: Array.from({ length: SLACK_LIMITS.blocksPerMessage - 1 }, () => ({ kind: 'divider' }) as const),
      footer: [],
    };
    const responses = slackResponses({ document: full, visibility: 'ephemeral', actions: [post] });
    expect(responses).toHaveLength(2);
    expect(responses[0]?.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(responses[1]?.blocks).toEqual([expect.objectContaining({ type: 'actions' })]);
  });

  it('keeps button labels within Slack limits and escapes them', () => {
    const reply: Reply = {
      document: doc,
      visibility: 'ephemeral',
      actions: [{ id: 'x', label: `<!channel> ${'long '.repeat(40)}`, value: 'v' }],
    };
    const actions = slackResponses(reply)[0]?.blocks.at(-1);
    const label = actions?.type === 'actions' ? actions.elements[0]?.text.text : undefined;
    expect(label?.length).toBeLessThanOrEqual(SLACK_ACTION_LIMITS.buttonTextChars);
    expect(label).toMatch(/^&lt;!channel&gt;/);
  });

  it('drops an action whose value Slack would refuse rather than fail the whole reply', () => {
    const reply: Reply = {
      document: doc,
      visibility: 'ephemeral',
      actions: [{ id: 'x', label: 'Too big', value: 'v'.repeat(SLACK_ACTION_LIMITS.valueChars + 1) }],
    };
    expect(slackResponses(reply)[0]?.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});
