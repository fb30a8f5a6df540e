import { PermissionFlagsBits } from 'discord.js';
import type { Caller } from '../../command/command.ts';
import type { DiscordInteraction } from './discord-interaction.ts';

/** Channel type of a direct message with the bot. */
const DM_CHANNEL_TYPE = 1;

/**
 * Who is asking. A manager has Manage Server (or Administrator, which implies it) in the
 * interaction's computed permissions, or holds `DISCORD_MANAGER_ROLE_ID`. In a direct message the
 * caller manages their own DM, as the console does its own channel.
 */
export function discordCaller(interaction: DiscordInteraction, managerRoleId: string | undefined): Caller {
  const member = interaction.member;
  const userId = member?.user?.id ?? interaction.user?.id ?? 'unknown';
  const channelId = interaction.channel_id ?? interaction.channel?.id ?? 'unknown';
  return { platform: 'discord', userId, channelId, isManager: isManager(interaction, managerRoleId) };
}

function isManager(interaction: DiscordInteraction, managerRoleId: string | undefined): boolean {
  const member = interaction.member;
  if (member === undefined) return interaction.channel?.type === DM_CHANNEL_TYPE;
  if (managerRoleId !== undefined && (member.roles ?? []).includes(managerRoleId)) return true;
  const permissions = parsePermissions(member.permissions);
  const wanted = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;
  return (permissions & wanted) !== 0n;
}

function parsePermissions(bitfield: string | undefined): bigint {
  if (bitfield === undefined || !/^\d+$/.test(bitfield)) return 0n;
  return BigInt(bitfield);
}
