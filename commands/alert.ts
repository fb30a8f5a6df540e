import { randomBytes } from 'node:crypto';
import type { AlertCondition, AlertRule, AlertSubject } from '../src/alerts/alert-rule.ts';
import { conditionLabel, subjectLabel, US_LOADED_YEARS, whyItCannotFire } from '../src/alerts/alert-rule.ts';
import { defineCommand, privateReply, publicReply } from '../src/command/command.ts';
import { clip, isMarket, resolveTenor } from '../src/command/resolvers.ts';
import { tokenize } from '../src/command/tokenize.ts';
import { type Market, resolveAsset } from '../src/domain/instruments.ts';
import { UserError } from '../src/errors.ts';
import { CONSOLE_POSTS_NOTHING } from './shared/console-note.ts';

const USAGE = '/alert add <instrument> above|below <level> | move <N>bp|<N>% | sigma <N> | record [<N>y]';
const EXAMPLES = [
  '/alert add 40y above 4.2',
  '/alert add 30y move 10bp',
  '/alert add us 10y sigma 3',
  '/alert add gold record',
  '/alert list',
  '/alert remove a1b2c3',
];

export const alertCommand = defineCommand({
  name: 'alert',
  summary: 'Alerts in this channel on levels, big moves in bp, % or σ, and records.',
  usage: '/alert add|list|remove …',
  examples: EXAMPLES,
  subcommands: [
    {
      name: 'add',
      description: 'Add an alert in this channel',
      options: [
        {
          name: 'rule',
          description: '40y above 4.2, 30y move 10bp, gold move 2%, us 10y sigma 3, gold record',
          required: true,
        },
      ],
    },
    { name: 'list', description: 'Alerts in this channel', options: [] },
    {
      name: 'remove',
      description: 'Remove an alert',
      options: [{ name: 'id', description: 'Alert id from /alert list', required: true }],
    },
  ],
  options: [
    {
      name: 'action',
      description: 'add, list or remove',
      required: true,
      choices: ['add', 'list', 'remove'],
    },
    {
      name: 'rule',
      description: 'For add: "40y above 4.2", "gold move 2%"; for remove: the alert id',
      required: false,
    },
  ],
  async run(text, context) {
    const [action, ...rest] = tokenize(text);
    const { alerts, caller } = context;
    switch (action?.toLowerCase()) {
      case 'list': {
        const rules = await alerts.list(caller.platform, caller.channelId);
        if (rules.length === 0) {
          return privateReply({
            title: 'No alerts in this channel',
            blocks: [{ kind: 'text', text: `Add one with ${EXAMPLES[0]}.` }],
            footer: [],
          });
        }
        const dead = rules.flatMap((rule) => {
          const why = whyItCannotFire(rule);
          return why === undefined ? [] : [{ rule, why }];
        });
        return privateReply({
          title: `${rules.length} alert${rules.length === 1 ? '' : 's'} in this channel`,
          blocks: [
            dead.length === 0
              ? {
                  kind: 'table',
                  columns: ['Id', 'Alert', 'Added by'],
                  rows: rules.map((r) => [r.id, describe(r), r.createdBy]),
                }
              : {
                  kind: 'table',
                  columns: ['Id', 'Alert', 'Added by', 'Note'],
                  rows: rules.map((r) => [
                    r.id,
                    describe(r),
                    r.createdBy,
                    whyItCannotFire(r) === undefined ? '' : 'cannot fire',
                  ]),
                },
            ...dead.map(({ rule, why }) => ({
              kind: 'text' as const,
              text: `Alert ${rule.id} cannot fire: ${why}. Replace it with /alert remove ${rule.id}, then ${replacementFor(rule)}.`,
            })),
          ],
          footer: [],
        });
      }
      case 'add': {
        requireManager(context.caller.isManager);
        const rule = parseRule(rest, {
          platform: caller.platform,
          channelId: caller.channelId,
          createdBy: caller.userId,
          now: context.now(),
        });
        await alerts.add(rule);
        return publicReply({
          title: `Alert ${rule.id} set: ${describe(rule)}`,
          blocks: [
            {
              kind: 'text',
              text: `${caller.platform === 'console' ? 'Alert saved' : 'I will post here when this happens'}: ${describe(rule)}. Remove it with /alert remove ${rule.id}.`,
            },
          ],
          footer: caller.platform === 'console' ? [CONSOLE_POSTS_NOTHING] : [],
        });
      }
      case 'remove': {
        requireManager(context.caller.isManager);
        const id = rest[0];
        if (!id)
          throw new UserError(
            'MISSING_ARGUMENT',
            'Which alert?',
            'Type /alert list to see the ids, then /alert remove <id>.',
          );
        const removed = await alerts.remove(caller.platform, caller.channelId, id.toLowerCase());
        if (!removed)
          throw new UserError(
            'BAD_ARGUMENT',
            `There is no alert ${clip(id)} in this channel.`,
            'Type /alert list to see the ids.',
          );
        return publicReply({ title: `Alert ${id} removed`, blocks: [], footer: [] });
      }
      default:
        throw new UserError(
          'BAD_ARGUMENT',
          action ? `"${clip(action)}" is not an /alert action.` : 'What should /alert do?',
          `Type ${USAGE}. Examples: ${EXAMPLES.slice(0, 3).join(', ')}`,
        );
    }
  },
});

/** The alert that comes closest to one that cannot fire: a record over the history that is loaded. */
function replacementFor(rule: AlertRule): string {
  const tenor = rule.subject.kind === 'yield' ? rule.subject.tenor : '';
  return `/alert add us ${tenor} record ${US_LOADED_YEARS}y`;
}

function describe(rule: AlertRule): string {
  return `${subjectLabel(rule.subject)} ${conditionLabel(rule.condition, rule.subject)}`;
}

function requireManager(isManager: boolean): void {
  if (!isManager) {
    throw new UserError(
      'NOT_ALLOWED',
      'Only channel managers can add or remove alerts here.',
      'Ask a workspace admin, or anyone listed as a briefbot manager; /alert list works for everyone.',
    );
  }
}

export function parseRule(
  tokens: readonly string[],
  who: { platform: string; channelId: string; createdBy: string; now: Date },
): AlertRule {
  const words = tokens.map((t) => t.toLowerCase());
  const market: Market = words[0] !== undefined && isMarket(words[0]) ? (words.shift() as Market) : 'jp';
  const instrument = words.shift();
  if (!instrument)
    throw new UserError('MISSING_ARGUMENT', 'Alert on what?', `Type ${USAGE}. Example: ${EXAMPLES[0]}`);
  const subject = resolveSubject(instrument, market);
  const condition = parseCondition(words, subject);
  return {
    id: randomBytes(3).toString('hex'),
    platform: who.platform,
    channelId: who.channelId,
    createdBy: who.createdBy,
    createdAt: who.now.toISOString(),
    subject,
    condition,
  };
}

function resolveSubject(instrument: string, market: Market): AlertSubject {
  const asset = resolveAsset(instrument);
  if (asset) return { kind: 'price', asset };
  return {
    kind: 'yield',
    market,
    tenor: resolveTenor(instrument, market, '/alert add <tenor> above <level>'),
  };
}

function parseCondition(words: string[], subject: AlertSubject): AlertCondition {
  const [kind, amount, ...extra] = words;
  const example =
    subject.kind === 'yield'
      ? 'above 4.2, move 10bp, sigma 3 or record'
      : 'above 5000, move 2%, sigma 3 or record';
  if (extra.length > 0)
    throw new UserError('BAD_ARGUMENT', 'Too many words for one alert.', `Type one condition: ${example}.`);
  switch (kind) {
    case 'above':
    case 'below':
      return { kind, level: number(amount, `${kind} needs a level`, example) };
    case 'move': {
      const unit = subject.kind === 'yield' ? 'bp' : '%';
      if (amount !== undefined && /[a-z%]$/i.test(amount) && !amount.endsWith(unit)) {
        throw new UserError(
          'BAD_ARGUMENT',
          `Moves in ${subjectLabel(subject)} are measured in ${unit}.`,
          `For example: move ${subject.kind === 'yield' ? '10bp' : '2%'}.`,
        );
      }
      return {
        kind: 'move',
        size: number(
          amount?.replace(unit, ''),
          `move needs a size in ${unit}`,
          `move ${subject.kind === 'yield' ? '10bp' : '2%'}`,
        ),
      };
    }
    case 'sigma':
      return { kind: 'sigma', size: number(amount?.replace(/σ$/, ''), 'sigma needs a size', 'sigma 3') };
    case 'record': {
      if (amount === undefined && subject.kind === 'yield' && subject.market === 'us') {
        // Only the last year or two of the Treasury curve is loaded: a series record cannot be told.
        throw new UserError(
          'BAD_ARGUMENT',
          'briefbot loads only the last year or two of the US Treasury curve, so it cannot tell a record for the whole series.',
          `Ask for a stretch instead, for example: /alert add us ${subject.tenor} record 1y.`,
        );
      }
      if (amount === undefined) return { kind: 'record' };
      const years = number(amount.replace(/y$/, ''), 'record takes a number of years', 'record 10y');
      if (years > US_LOADED_YEARS && subject.kind === 'yield' && subject.market === 'us') {
        throw new UserError(
          'BAD_ARGUMENT',
          `briefbot loads only the last year or two of the US Treasury curve, so a ${years}-year stretch could never be seen.`,
          `Ask for a year at most, for example: /alert add us ${subject.tenor} record 1y.`,
        );
      }
      return { kind: 'record', years };
    }
    default:
      throw new UserError(
        'BAD_ARGUMENT',
        kind ? `"${clip(kind)}" is not an alert condition.` : 'Which condition?',
        `Use ${example}.`,
      );
  }
}

/**
 * The stretch, in years, the loaded US Treasury history always covers: the provider loads this
 * calendar year and the last, so early in January little more than one year.
 */

function number(text: string | undefined, problem: string, example: string): number {
  const value = text === undefined ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value <= 0 || text?.trim() === '')
    throw new UserError('BAD_ARGUMENT', `${problem}.`, `For example: ${example}.`);
  return value;
}
