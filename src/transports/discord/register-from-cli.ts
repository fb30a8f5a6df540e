import { DiscordAPIError, REST, Routes } from 'discord.js';
import { loadTemplateLibrary } from '../../briefing/template-library.ts';
import type { Command } from '../../command/command.ts';
import type { Config } from '../../config/config.ts';
import { UserError } from '../../errors.ts';
import { registerDiscordCommands } from './command-registration.ts';

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * `briefbot discord register [--guild ID]`: overwrites the application's commands with the registry.
 * A guild registration shows at once and suits testing; a global one reaches every server the
 * bot is in. Template choices are the templates on disk now, so adding one means registering again.
 */
export async function registerFromCli(args: {
  readonly config: Config;
  readonly registry: readonly Command[];
  readonly guildId?: string;
}): Promise<string> {
  const { config, guildId } = args;
  if (config.DISCORD_TOKEN === undefined) {
    throw new UserError(
      'MISSING_ARGUMENT',
      'DISCORD_TOKEN is not set.',
      'Set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token), then run briefbot discord register again.',
    );
  }
  if (guildId !== undefined && !SNOWFLAKE.test(guildId)) {
    throw new UserError(
      'BAD_ARGUMENT',
      `"${guildId.slice(0, 40)}" is not a server id.`,
      'Copy the id with Developer Mode on (right-click the server → Copy Server ID), e.g. --guild 123456789012345678.',
    );
  }
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  try {
    const applicationId = config.DISCORD_APPLICATION_ID ?? (await currentApplicationId(rest));
    const templates = (await loadTemplateLibrary()).names;
    const registered = await registerDiscordCommands({
      rest,
      applicationId,
      registry: args.registry,
      options: { dynamicChoices: { template: templates } },
      ...(guildId === undefined ? {} : { guildId }),
    });
    const where = guildId === undefined ? 'globally' : `in server ${guildId}`;
    const names = registered.map((c) => `/${c.name}`).join(', ');
    return `Registered ${registered.length} commands ${where}: ${names}`;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 401 || error.status === 403)) {
      throw new UserError(
        'NOT_ALLOWED',
        `Discord refused the registration (${error.status} ${error.message}).`,
        'Check DISCORD_TOKEN and DISCORD_APPLICATION_ID belong to the same application, and that the bot is in that server.',
      );
    }
    throw error;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

async function currentApplicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication())) as { id?: unknown };
  if (typeof application.id !== 'string') throw new Error('Discord did not return the application id');
  return application.id;
}
