import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import {
  DIGEST_MODAL_CALLBACK_ID,
  type DigestModalValues,
  digestCommandFromModal,
  digestModalSubmission,
  digestModalView,
  wantsDigestModal,
} from '../../src/transports/slack/digest-modal.ts';
import { slackClientOptions } from '../../src/transports/slack/slack-web-client.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';
import { silentLog } from './scheduler-harness.ts';

const TOKEN = 'xoxb-digest-modal';
const submitted = (channel: string, extra: DigestModalValues = {}): DigestModalValues => ({
  channel: { value: { type: 'conversations_select', selected_conversation: channel } },
  time: { value: { type: 'timepicker', selected_time: '07:30' } },
  days: {
    value: {
      type: 'static_select',
      selected_option: { value: 'mon-fri', text: { type: 'plain_text', text: '' } },
    },
  },
  zone: {
    value: {
      type: 'static_select',
      selected_option: { value: 'Asia/Tokyo', text: { type: 'plain_text', text: '' } },
    },
  },
  template: {
    value: {
      type: 'static_select',
      selected_option: { value: 'morning', text: { type: 'plain_text', text: '' } },
    },
  },
  holidays: {
    value: {
      type: 'checkboxes',
      selected_options: [{ value: 'jp', text: { type: 'plain_text', text: '' } }],
    },
  },
  ...extra,
});

describe('the Slack /digest add modal', () => {
  it('opens for /digest add with nothing after it, and only then', () => {
    expect(wantsDigestModal('/digest', 'add')).toBe(true);
    expect(wantsDigestModal('/digest', ' add ')).toBe(true);
    expect(wantsDigestModal('/digest', 'add 07:30')).toBe(false);
    expect(wantsDigestModal('/alert', 'add')).toBe(false);
  });

  it('offers this channel, a time picker, days, zones with the default first, templates and holidays', () => {
    const view = digestModalView({
      channelId: 'C-rates',
      timeZone: 'Europe/Zurich',
      templates: ['close', 'morning', 'morning.ja'],
      defaultTemplate: 'morning',
    });
    const json = JSON.stringify(view);
    expect(view.callback_id).toBe(DIGEST_MODAL_CALLBACK_ID);
    for (const expected of [
      '"initial_conversation":"C-rates"',
      '"type":"timepicker"',
      '"initial_time":"07:30"',
      'morning.ja',
    ])
      expect(json).toContain(expected);
    expect(json.indexOf('Europe/Zurich')).toBeLessThan(json.indexOf('Asia/Tokyo'));
  });

  it('turns a submission into the same /digest add line the command parses', () => {
    expect(digestCommandFromModal(submitted('C-rates'))).toEqual({
      channelId: 'C-rates',
      line: '/digest add 07:30 mon-fri Asia/Tokyo morning skip:jp',
    });
  });

  describe('on submission, through a real Bolt app', () => {
    let market: FakeMarket;
    let slack: FakeSlackApi;
    beforeAll(async () => {
      market = await startFakeMarket();
      slack = await startFakeSlackApi({ token: TOKEN });
    });
    afterAll(async () => {
      await market.close();
      await slack.close();
    });

    async function submit(userId: string, values: DigestModalValues) {
      const bot = createBriefbot(loadConfig({ ...market.env, DATABASE_URL: 'sqlite::memory:' }), {
        log: silentLog,
        defaultMetrics: false,
      });
      const app = new App({
        token: TOKEN,
        signingSecret: 'not-used-by-processEvent',
        clientOptions: slackClientOptions({ apiUrl: slack.apiUrl }),
      });
      app.view(
        DIGEST_MODAL_CALLBACK_ID,
        digestModalSubmission({
          commands: bot.commands,
          contextFor: bot.contextFor,
          managers: { isManager: async (id) => id === 'U-head' },
          log: silentLog,
        }),
      );
      let acked: unknown = 'not acked';
      await app.processEvent({
        body: {
          type: 'view_submission',
          team: { id: 'T0001' },
          user: { id: userId, team_id: 'T0001' },
          api_app_id: 'A0001',
          view: { id: 'V1', callback_id: DIGEST_MODAL_CALLBACK_ID, team_id: 'T0001', state: { values } },
        },
        ack: async (response?: unknown) => {
          acked = response;
        },
      });
      return { bot, acked };
    }

    it('schedules the digest in the chosen channel as the submitting manager and announces it there', async () => {
      const { bot, acked } = await submit('U-head', submitted('C-desk'));
      expect(acked).toBeUndefined();
      const [schedule] = await bot.store.schedules.list('slack', 'C-desk');
      expect(schedule).toMatchObject({ ownerId: 'U-head', time: '07:30', skipHolidays: ['jp'] });
      const post = slack.callsTo('chat.postMessage').at(-1);
      expect(post?.args).toMatchObject({ channel: 'C-desk' });
      expect(String(post?.args.text)).toContain('scheduled: morning at 07:30 mon-fri Asia/Tokyo');
    });

    it('shows a refusal in the modal instead of scheduling', async () => {
      const { bot, acked } = await submit('U-trader', submitted('C-desk'));
      expect(acked).toEqual({
        response_action: 'errors',
        errors: { time: 'Only channel managers can add or change digests here.' },
      });
      expect(await bot.store.schedules.list('slack', 'C-desk')).toEqual([]);
    });
  });
});
