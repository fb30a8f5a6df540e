import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { loadTemplateLibrary } from '../../../src/briefing/template-library.ts';
import { type Command, defineCommand, privateReply } from '../../../src/command/command.ts';
import { discordCommandPayloads } from '../../../src/transports/discord/command-registration.ts';
import { interactionCommandLine } from '../../../src/transports/discord/interaction-command-line.ts';
import {
  FAKE_APPLICATION_ID,
  type FakeDiscordRest,
  startFakeDiscordRest,
} from '../../support/fake-discord-rest.ts';
import { runCli } from '../../support/run-cli.ts';

interface OptionJson {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: OptionJson[];
}

const alertWithSubcommands: Command = defineCommand({
  name: 'alert',
  summary: 'Alerts in this channel.',
  usage: '/alert add|list|remove …',
  examples: ['/alert add 40y above 4.2'],
  options: [],
  subcommands: [
    {
      name: 'add',
      description: 'Add an alert',
      options: [
        { name: 'instrument', description: '40y, us 10y, gold', required: true, autocomplete: true },
        { name: 'rule', description: 'above 4.2, move 10bp, record', required: true },
      ],
    },
    { name: 'list', description: 'Alerts in this channel', options: [] },
    {
      name: 'remove',
      description: 'Remove an alert',
      options: [{ name: 'id', description: 'Alert id', required: true }],
    },
  ],
  run: async () => privateReply({ title: 'ok', blocks: [], footer: [] }),
});

describe('the Discord registration payload', () => {
  const payload = discordCommandPayloads(COMMANDS);

  it('has one slash command per registry command, in registry order', () => {
    expect(payload.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    'declares every option of /%s as the registry does',
    (_, command) => {
      const json = payload.find((c) => c.name === command.name);
      expect(json?.description.length).toBeLessThanOrEqual(100);
      const top = (json?.options ?? []) as OptionJson[];
      // A command with subcommands is registered as those; each carries its own options.
      const surfaces = command.subcommands?.length
        ? command.subcommands.map((sub) => {
            const registered = top.find((o) => o.name === sub.name);
            expect(registered?.type).toBe(ApplicationCommandOptionType.Subcommand);
            return { specs: sub.options, options: registered?.options ?? [] };
          })
        : [{ specs: command.options, options: top }];
      if (command.subcommands?.length)
        expect(top.map((o) => o.name)).toEqual(command.subcommands.map((s) => s.name));
      for (const { specs, options } of surfaces) {
        expect(options.map((o) => o.name).sort()).toEqual(specs.map((o) => o.name).sort());
        for (const spec of specs) {
          const option = options.find((o) => o.name === spec.name);
          expect(option?.type).toBe(ApplicationCommandOptionType.String);
          expect(option?.required ?? false).toBe(spec.required);
          expect(option?.choices?.map((c) => c.value)).toEqual(spec.choices ? [...spec.choices] : undefined);
          expect(option?.autocomplete ?? false).toBe(
            spec.autocomplete === true && spec.choices === undefined,
          );
          expect(option?.description.length).toBeLessThanOrEqual(100);
        }
      }
    },
  );

  it('lists required options before optional ones, as Discord requires', () => {
    const lists = payload.flatMap((command) => {
      const options = (command.options ?? []) as OptionJson[];
      return [options, ...options.map((o) => o.options ?? [])];
    });
    for (const options of lists) {
      const required = options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });

  it('offers markets as choices and tenors and assets by autocomplete', () => {
    const yieldOptions = (payload.find((c) => c.name === 'yield')?.options ?? []) as OptionJson[];
    expect(yieldOptions.find((o) => o.name === 'market')?.choices).toEqual([
      { name: 'jp', value: 'jp' },
      { name: 'us', value: 'us' },
    ]);
    expect(yieldOptions.find((o) => o.name === 'tenor')?.autocomplete).toBe(true);
    const price = (payload.find((c) => c.name === 'price')?.options ?? []) as OptionJson[];
    expect(price.find((o) => o.name === 'asset')?.autocomplete).toBe(true);
  });

  it('offers the template library as choices for /brief', async () => {
    const { names } = await loadTemplateLibrary();
    const withTemplates = discordCommandPayloads(COMMANDS, { dynamicChoices: { template: names } });
    const template = ((withTemplates.find((c) => c.name === 'brief')?.options ?? []) as OptionJson[])[0];
    expect(template?.choices?.map((c) => c.value)).toEqual(names);
    expect(names).toContain('morning');
  });

  it('registers subcommands when a command declares them, and joins them back into the same text', () => {
    const [alert] = discordCommandPayloads([alertWithSubcommands]);
    const subs = (alert?.options ?? []) as OptionJson[];
    expect(subs.map((s) => [s.type, s.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'add'],
      [ApplicationCommandOptionType.Subcommand, 'list'],
      [ApplicationCommandOptionType.Subcommand, 'remove'],
    ]);
    expect(subs[0]?.options?.map((o) => o.name)).toEqual(['instrument', 'rule']);

    const line = interactionCommandLine(
      'alert',
      [
        {
          name: 'add',
          type: 1,
          options: [
            { name: 'rule', type: 3, value: 'above 4.2' },
            { name: 'instrument', type: 3, value: '40y' },
          ],
        },
      ],
      [alertWithSubcommands],
    );
    expect(line).toBe('/alert add 40y above 4.2');
  });

  it('joins options in declared order whatever order Discord sends them in', () => {
    const line = interactionCommandLine(
      'yield',
      [
        { name: 'date', type: 3, value: '2026-01-20' },
        { name: 'tenor', type: 3, value: '40y' },
        { name: 'market', type: 3, value: 'jp' },
      ],
      COMMANDS,
    );
    expect(line).toBe('/yield jp 40y 2026-01-20');
  });

  it('runs discord.js validation: a name Discord would refuse fails before anything is sent', () => {
    const bad = defineCommand({ ...alertWithSubcommands, name: 'Bad Name', subcommands: [] });
    expect(() => discordCommandPayloads([bad])).toThrow();
    const tooMany = defineCommand({
      ...alertWithSubcommands,
      subcommands: [],
      options: [
        {
          name: 'x',
          description: 'x',
          required: false,
          choices: Array.from({ length: 26 }, (_, i) => `c${i}`),
        },
      ],
    });
    expect(discordCommandPayloads([tooMany])[0]?.options).toHaveLength(1);
  });
});

describe('briefbot discord register', () => {
  let rest: FakeDiscordRest;
  beforeAll(async () => {
    rest = await startFakeDiscordRest();
  });
  afterAll(async () => {
    await rest.close();
  });

  it('overwrites the guild commands with the registry when given --guild', async () => {
    const guild = '123456789012345678';
    const result = await runCli(['discord', 'register', '--guild', guild], {
      DISCORD_TOKEN: 'test-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APPLICATION_ID,
      DISCORD_API_URL: rest.apiUrl,
      LOG_LEVEL: 'silent',
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const put = await rest.waitFor('PUT', /\/commands$/);
    expect(put.path).toBe(`/applications/${FAKE_APPLICATION_ID}/guilds/${guild}/commands`);
    expect(put.headers.authorization).toBe('Bot test-bot-token');
    const { names } = await loadTemplateLibrary();
    expect(put.json).toEqual(
      JSON.parse(JSON.stringify(discordCommandPayloads(COMMANDS, { dynamicChoices: { template: names } }))),
    );
    expect(result.stdout).toContain(`Registered ${COMMANDS.length} commands in server ${guild}: /yield`);
  });

  it('registers globally, finding the application id from the token when it is not set', async () => {
    const before = rest.matching('PUT', /\/commands$/).length;
    const result = await runCli(['discord', 'register'], {
      DISCORD_TOKEN: 'test-bot-token',
      DISCORD_API_URL: rest.apiUrl,
      LOG_LEVEL: 'silent',
    });

    expect(result.code).toBe(0);
    const put = await rest.waitFor('PUT', /\/commands$/, before + 1);
    expect(put.path).toBe(`/applications/${FAKE_APPLICATION_ID}/commands`);
    expect(result.stdout).toContain('globally');
  });

  it('says which variable to set when there is no token', async () => {
    const result = await runCli(['discord', 'register'], {
      DISCORD_API_URL: rest.apiUrl,
      LOG_LEVEL: 'silent',
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DISCORD_TOKEN');
  });
});
