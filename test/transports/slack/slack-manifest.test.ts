import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../../commands/index.ts';
import { slackCli } from '../../../src/transports/slack/slack-cli.ts';
import { renderSlackManifest, type SlackManifest } from '../../../src/transports/slack/slack-manifest.ts';
import { runCli } from '../../support/run-cli.ts';

function manifest(text: string): SlackManifest {
  return parse(text) as SlackManifest;
}

describe('briefbot slack manifest', () => {
  it('prints YAML listing exactly the registry commands, each pointing at /slack/events', async () => {
    const result = await runCli(['slack', 'manifest'], { LOG_LEVEL: 'silent' });
    expect(result.code).toBe(0);
    const parsed = manifest(result.stdout);
    expect(parsed.features.slash_commands.map((c) => c.command)).toEqual(COMMANDS.map((c) => `/${c.name}`));
    for (const command of parsed.features.slash_commands) {
      expect(command.url).toBe('https://briefbot.example.com/slack/events');
      expect(command.description.length).toBeGreaterThan(0);
    }
    expect(parsed.settings).toMatchObject({
      socket_mode_enabled: false,
      interactivity: { is_enabled: true, request_url: 'https://briefbot.example.com/slack/events' },
    });
  });

  it('gives each command its summary and usage without the command name', () => {
    const parsed = manifest(renderSlackManifest(COMMANDS, { socketMode: false }));
    const yieldCommand = parsed.features.slash_commands.find((c) => c.command === '/yield');
    expect(yieldCommand?.usage_hint).toBe('[jp|us] <tenor> [YYYY-MM-DD]');
    expect(yieldCommand?.description).toBe(COMMANDS.find((c) => c.name === 'yield')?.summary);
  });

  it('asks for the scopes the code uses and says why in comments', () => {
    const text = renderSlackManifest(COMMANDS, { socketMode: false });
    expect(manifest(text).oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'chat:write.public',
      'users:read',
      'channels:history',
      'groups:history',
      'files:write',
    ]);
    expect(text).toMatch(/- users:read # users\.info/);
  });

  it('turns Socket Mode on, without request URLs, when SLACK_APP_TOKEN is set', async () => {
    const result = await runCli(['slack', 'manifest'], {
      LOG_LEVEL: 'silent',
      SLACK_APP_TOKEN: 'xapp-1-A0-test',
    });
    expect(result.code).toBe(0);
    const parsed = manifest(result.stdout);
    expect(parsed.settings.socket_mode_enabled).toBe(true);
    expect(parsed.settings.interactivity).toEqual({ is_enabled: true });
    expect(parsed.features.slash_commands.every((c) => c.url === undefined)).toBe(true);
  });

  it('lets --socket and --http override the environment', () => {
    const socket = manifest(slackCli(['manifest', '--socket'], { commands: COMMANDS, appTokenSet: false }));
    expect(socket.settings.socket_mode_enabled).toBe(true);
    const http = manifest(slackCli(['manifest', '--http'], { commands: COMMANDS, appTokenSet: true }));
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it('uses the public URL given with --url', () => {
    const text = slackCli(['manifest', '--url', 'https://bot.rates.example/'], {
      commands: COMMANDS,
      appTokenSet: false,
    });
    expect(manifest(text).features.slash_commands[0]?.url).toBe('https://bot.rates.example/slack/events');
  });

  it.each([
    [['manifest', '--url', 'http://insecure.example'], 'https://'],
    [['manifest', '--socket', '--http'], 'not both'],
    [['install'], 'one subcommand: manifest'],
    [['manifest', '--port', '3000'], 'Unknown option'],
  ])('refuses %j with a hint', (args, message) => {
    expect(() => slackCli(args, { commands: COMMANDS, appTokenSet: false })).toThrow(
      expect.objectContaining({ name: 'UserError', message: expect.stringContaining(message) }),
    );
  });

  it('exits 2 on a bad flag, saying what to type', async () => {
    const result = await runCli(['slack', 'manifest', '--url', 'http://insecure.example'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--url https://');
  });
});
