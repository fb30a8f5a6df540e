import { describe, expect, it } from 'vitest';
import { discordCaller } from '../../../src/transports/discord/discord-caller.ts';
import { parseInteraction } from '../../../src/transports/discord/discord-interaction.ts';
import {
  CHANNEL_ID,
  commandInteraction,
  MANAGER_PERMISSIONS,
  MEMBER_PERMISSIONS,
  USER_ID,
} from '../../support/fake-discord-interactions.ts';

const ROLE = '700000000000000001';

function callerOf(payload: object, managerRoleId?: string) {
  const interaction = parseInteraction(payload);
  if (interaction === undefined) throw new Error('payload should parse');
  return discordCaller(interaction, managerRoleId);
}

describe('the Discord caller', () => {
  it('names the member and the channel', () => {
    expect(callerOf(commandInteraction('digest'))).toEqual({
      platform: 'discord',
      userId: USER_ID,
      channelId: CHANNEL_ID,
      isManager: false,
    });
  });

  it('makes a member with Manage Server a manager', () => {
    expect(callerOf(commandInteraction('digest', [], { permissions: MANAGER_PERMISSIONS })).isManager).toBe(
      true,
    );
  });

  it('makes an Administrator a manager', () => {
    expect(callerOf(commandInteraction('digest', [], { permissions: String(1n << 3n) })).isManager).toBe(
      true,
    );
  });

  it('makes a holder of DISCORD_MANAGER_ROLE_ID a manager without Manage Server', () => {
    const payload = commandInteraction('digest', [], { permissions: MEMBER_PERMISSIONS, roles: [ROLE] });
    expect(callerOf(payload, ROLE).isManager).toBe(true);
    expect(callerOf(payload, undefined).isManager).toBe(false);
  });

  it('does not trust a permissions field that is not a number', () => {
    expect(callerOf(commandInteraction('digest', [], { permissions: 'all' })).isManager).toBe(false);
  });

  it('lets a user manage their own direct message with the bot', () => {
    const { member: _member, guild_id: _guild, ...dm } = commandInteraction('digest');
    const payload = { ...dm, user: { id: USER_ID }, channel: { id: CHANNEL_ID, type: 1 } };
    expect(callerOf(payload).isManager).toBe(true);
  });
});
