import { randomBytes } from 'node:crypto';
import { DEFAULT_TEMPLATE } from '../src/briefing/brief-for.ts';
import { loadTemplateLibrary } from '../src/briefing/template-library.ts';
import { type CommandContext, defineCommand, privateReply, publicReply } from '../src/command/command.ts';
import { clip } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { UserError } from '../src/errors.ts';
import { nextFireTime } from '../src/schedule/fire-times.ts';
import { parseDigestRequest } from '../src/schedule/parse-schedule.ts';
import type { Schedule } from '../src/schedule/schedule.ts';
import {
  describeSchedule,
  formatFire,
  nextSendsTable,
  scheduleTable,
} from '../src/schedule/schedule-views.ts';
import { CONSOLE_POSTS_NOTHING } from './shared/console-note.ts';

const USAGE = '/digest add|list|next|pause|resume|remove …';
const EXAMPLES = [
  '/digest add 07:30',
  '/digest add 07:30 mon-fri Asia/Tokyo morning skip:jp',
  '/digest add 17:05 mon,wed,fri America/New_York close en-US',
  '/digest add 08:00 daily Asia/Tokyo morning.ja ja',
  '/digest list',
  '/digest next',
  '/digest pause a1b2c3',
];
const NEXT_SENDS = 5;

export const digestCommand = defineCommand({
  name: 'digest',
  summary: 'Scheduled briefs in this channel: time, days, time zone, template; managers add and change them.',
  usage: USAGE,
  examples: EXAMPLES,
  options: [
    {
      name: 'action',
      description: 'add, list, next, pause, resume or remove',
      required: true,
      choices: ['add', 'list', 'next', 'pause', 'resume', 'remove'],
    },
    {
      name: 'arguments',
      description: 'For add: "07:30 mon-fri Asia/Tokyo morning"; for pause, resume, remove: the digest id',
      required: false,
    },
  ],
  subcommands: [
    {
      name: 'add',
      description: 'Schedule a brief in this channel',
      options: [
        { name: 'time', description: 'Local time, HH:MM (24-hour), e.g. 07:30', required: true },
        {
          name: 'days',
          description: 'mon-fri (default), daily, or a list such as mon,wed,fri',
          required: false,
        },
        {
          name: 'zone',
          description: 'IANA time zone, e.g. Asia/Tokyo (default TZ_DEFAULT)',
          required: false,
        },
        {
          name: 'template',
          description: 'morning (default), close, five-things, morning.ja',
          required: false,
        },
        { name: 'locale', description: 'Locale for numbers and dates, e.g. en-US or ja', required: false },
        {
          name: 'holidays',
          description: 'Skip market holidays',
          required: false,
          choices: ['skip:jp', 'skip:us', 'skip:jp,us'],
        },
      ],
    },
    { name: 'list', description: 'The digests scheduled in this channel', options: [] },
    {
      name: 'next',
      description: 'The next five send times, in the local zone and UTC',
      options: [{ name: 'id', description: 'One digest (all in this channel by default)', required: false }],
    },
    ...(['pause', 'resume', 'remove'] as const).map((verb) => ({
      name: verb,
      description: `${verb[0]?.toUpperCase()}${verb.slice(1)} a digest`,
      options: [{ name: 'id', description: 'The digest id from /digest list', required: true }],
    })),
  ],
  async run(text, context) {
    const [action, ...rest] = tokenize(text);
    const { store, caller } = context;
    switch (action?.toLowerCase()) {
      case 'add':
        return add(rest, context);
      case 'list': {
        const schedules = await store.schedules.list(caller.platform, caller.channelId);
        if (schedules.length === 0) {
          return privateReply({
            title: 'No digests in this channel',
            blocks: [{ kind: 'text', text: `A manager can add one: ${EXAMPLES[1]}` }],
            footer: [],
          });
        }
        return privateReply(scheduleTable(schedules, context.now()));
      }
      case 'next': {
        const schedules = rest[0]
          ? [await owned(rest[0], context)]
          : await store.schedules.list(caller.platform, caller.channelId);
        if (schedules.length === 0) {
          return privateReply({
            title: 'No digests in this channel',
            blocks: [{ kind: 'text', text: `A manager can add one: ${EXAMPLES[1]}` }],
            footer: [],
          });
        }
        return privateReply(nextSendsTable(schedules, context.now(), NEXT_SENDS));
      }
      case 'pause':
      case 'resume':
      case 'remove':
        return change(action.toLowerCase() as 'pause' | 'resume' | 'remove', rest[0], context);
      default:
        throw new UserError(
          'BAD_ARGUMENT',
          action ? `"${clip(action)}" is not a /digest action.` : 'What should /digest do?',
          `Type ${USAGE}. Examples: ${EXAMPLES.slice(0, 2).join(', ')}, /digest list`,
        );
    }
  },
});

async function add(tokens: readonly string[], context: CommandContext) {
  requireManager(context);
  const { store, caller } = context;
  const library = await loadTemplateLibrary();
  const request = parseDigestRequest(tokens, {
    defaultZone: context.timeZone,
    defaultTemplate: DEFAULT_TEMPLATE,
    templates: library.names,
  });
  const now = context.now();
  const existing = await store.schedules.list(caller.platform, caller.channelId);
  const wanted = digestKey({ ...request.rule, template: request.template, locale: request.locale });
  const twin = existing.find((s) => digestKey(s) === wanted);
  if (twin) {
    throw new UserError(
      'BAD_ARGUMENT',
      `This channel already has that digest (${twin.id}).`,
      `Type /digest list to see it${twin.paused ? `, or /digest resume ${twin.id}` : ''}.`,
    );
  }
  const next = nextFireTime(request.rule, now);
  const schedule: Schedule = {
    id: randomBytes(3).toString('hex'),
    platform: caller.platform,
    channelId: caller.channelId,
    ownerId: caller.userId,
    ...request.rule,
    template: request.template,
    ...(request.locale === undefined ? {} : { locale: request.locale }),
    paused: false,
    createdAt: now.toISOString(),
    ...(next ? { nextFireAt: next.toISOString() } : {}),
  };
  await store.schedules.add(schedule);
  await audit(context, 'digest.add', schedule.id, { schedule: describeSchedule(schedule) });
  const when = next
    ? `First send ${formatFire(next, schedule.timeZone)} (${formatFire(next, 'UTC')}).`
    : 'It has no send time in the coming year.';
  return publicReply({
    title: `Digest ${schedule.id} scheduled: ${describeSchedule(schedule)}`,
    blocks: [
      { kind: 'text', text: when },
      {
        kind: 'text',
        text: `/digest next shows the next sends; /digest pause ${schedule.id} or /digest remove ${schedule.id} to stop.`,
        tone: 'muted',
      },
    ],
    footer: context.caller.platform === 'console' ? [CONSOLE_POSTS_NOTHING] : [],
  });
}

async function change(verb: 'pause' | 'resume' | 'remove', id: string | undefined, context: CommandContext) {
  requireManager(context);
  const schedule = await owned(id, context);
  const { schedules } = context.store;
  const now = context.now();
  let done: boolean;
  let note = '';
  if (verb === 'remove') {
    done = await schedules.remove(schedule.id);
  } else if (verb === 'pause') {
    if (schedule.paused) return alreadyThat(schedule, 'paused', `/digest resume ${schedule.id}`);
    done = await schedules.setPaused(schedule.id, { paused: true });
  } else {
    if (!schedule.paused) return alreadyThat(schedule, 'active', `/digest pause ${schedule.id}`);
    // Sends missed while paused are not made up: the next one is the next from now.
    const next = nextFireTime(schedule, now);
    done = await schedules.setPaused(schedule.id, { paused: false, nextFireAt: next?.toISOString() });
    if (next) note = ` Next send ${formatFire(next, schedule.timeZone)}.`;
  }
  if (!done) throw notHere(schedule.id);
  await audit(context, `digest.${verb}`, schedule.id, { schedule: describeSchedule(schedule) });
  const past = { pause: 'paused', resume: 'resumed', remove: 'removed' }[verb];
  return publicReply({
    title: `Digest ${schedule.id} ${past}`,
    blocks: [{ kind: 'text', text: `${describeSchedule(schedule)}.${note}` }],
    footer: [],
  });
}

/** Two digests alike in every respect would send the same brief twice to one channel. */
function digestKey(
  d: Pick<Schedule, 'time' | 'days' | 'timeZone' | 'skipHolidays' | 'template'> & {
    locale?: string | undefined;
  },
): string {
  return [d.time, d.days.join(','), d.timeZone, d.skipHolidays.join(','), d.template, d.locale ?? ''].join(
    '|',
  );
}

/** The schedule with this id in the caller's channel, or a `UserError`. */
async function owned(id: string | undefined, context: CommandContext): Promise<Schedule> {
  if (!id) {
    throw new UserError('MISSING_ARGUMENT', 'Which digest?', 'Type /digest list to see the ids.');
  }
  const schedule = await context.store.schedules.get(id.toLowerCase());
  const { caller } = context;
  if (!schedule || schedule.platform !== caller.platform || schedule.channelId !== caller.channelId) {
    throw notHere(id);
  }
  return schedule;
}

function notHere(id: string): UserError {
  return new UserError(
    'BAD_ARGUMENT',
    `There is no digest ${clip(id)} in this channel.`,
    'Type /digest list to see the ids.',
  );
}

function alreadyThat(schedule: Schedule, state: string, instead: string) {
  return privateReply({
    title: `Digest ${schedule.id} is already ${state}`,
    blocks: [{ kind: 'text', text: `${describeSchedule(schedule)}. To change that: ${instead}` }],
    footer: [],
  });
}

function requireManager(context: CommandContext): void {
  if (!context.caller.isManager) {
    throw new UserError(
      'NOT_ALLOWED',
      'Only channel managers can add or change digests here.',
      'Ask a workspace admin, or anyone listed as a briefbot manager; /digest list and /digest next work for everyone.',
    );
  }
}

async function audit(context: CommandContext, action: string, id: string, detail: Record<string, unknown>) {
  const { caller } = context;
  await context.store.audit.record({
    at: context.now().toISOString(),
    platform: caller.platform,
    actorId: caller.userId,
    channelId: caller.channelId,
    action,
    target: `digest:${id}`,
    detail,
  });
}
