import { FAKE_APPLICATION_ID } from './fake-discord-rest.ts';

/** Interaction payloads as Discord sends them, over the gateway (INTERACTION_CREATE) or HTTP. */

export const GUILD_ID = '400000000000000001';
export const CHANNEL_ID = '400000000000000002';
export const USER_ID = '400000000000000003';
/** Permission bitfields: View Channel + Send Messages, and the same with Manage Server. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n));
export const MANAGER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 5n));

export interface OptionInput {
  readonly name: string;
  readonly type?: number;
  readonly value?: string;
  readonly focused?: boolean;
  readonly options?: readonly OptionInput[];
}

let counter = 500_000_000_000_000_000n;
function nextId(): string {
  counter += 1n;
  return String(counter);
}

function member(permissions = MEMBER_PERMISSIONS, roles: readonly string[] = []) {
  return {
    user: { id: USER_ID, username: 'desk', discriminator: '0', avatar: null },
    roles,
    permissions,
    joined_at: '2026-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
  };
}

function base(type: number, extra: Record<string, unknown>) {
  const id = nextId();
  return {
    id,
    application_id: FAKE_APPLICATION_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0 },
    member: member(),
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    ...extra,
  };
}

const withTypes = (options: readonly OptionInput[]): object[] =>
  options.map((o) => ({
    name: o.name,
    type: o.type ?? 3,
    ...(o.value === undefined ? {} : { value: o.value }),
    ...(o.focused ? { focused: true } : {}),
    ...(o.options ? { options: withTypes(o.options) } : {}),
  }));

export function commandInteraction(
  name: string,
  options: readonly OptionInput[] = [],
  who: { permissions?: string; roles?: readonly string[] } = {},
) {
  return base(2, {
    data: { id: nextId(), name, type: 1, options: withTypes(options) },
    member: member(who.permissions, who.roles),
  });
}

export function autocompleteInteraction(name: string, options: readonly OptionInput[]) {
  return base(4, { data: { id: nextId(), name, type: 1, options: withTypes(options) } });
}

export function buttonInteraction(customId: string, messageId = nextId()) {
  return base(3, {
    data: { custom_id: customId, component_type: 2 },
    message: { id: messageId, channel_id: CHANNEL_ID, flags: 64 },
  });
}
