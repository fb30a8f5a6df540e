/*
 * The parts of an interaction payload briefbot reads, the same from the gateway (INTERACTION_CREATE)
 * and from the HTTP endpoint. Parsed rather than cast: the HTTP body is only trusted once its
 * signature checks out, and even then a field Discord leaves out must not become a crash.
 *
 * A hand-written reader rather than a schema library: it runs on every interaction, in front of
 * answers that take a tenth of a millisecond, and a general validator cost more here than the rest
 * of the answer. The rules are a schema's: required fields must be there with the right type,
 * optional ones may be absent but not of another type (null included), anything else is dropped.
 */

export interface InteractionOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | undefined;
  readonly focused?: boolean | undefined;
  readonly options?: readonly InteractionOption[] | undefined;
}

export interface DiscordInteraction {
  readonly id: string;
  readonly application_id: string;
  readonly type: number;
  readonly token: string;
  readonly data?:
    | {
        readonly name?: string | undefined;
        readonly options?: readonly InteractionOption[] | undefined;
        readonly custom_id?: string | undefined;
      }
    | undefined;
  readonly guild_id?: string | undefined;
  readonly channel_id?: string | undefined;
  readonly channel?: { readonly id: string; readonly type: number } | undefined;
  readonly member?:
    | {
        readonly permissions?: string | undefined;
        readonly roles?: readonly string[] | undefined;
        readonly user?: { readonly id: string } | undefined;
      }
    | undefined;
  readonly user?: { readonly id: string } | undefined;
  readonly message?: { readonly id: string } | undefined;
}

/** Option type of a subcommand in an interaction's `data.options`. */
export const SUBCOMMAND_OPTION_TYPE = 1;

/** Subcommand groups nest options three deep; anything deeper is not an interaction. */
const MAX_OPTION_DEPTH = 4;

/** The interaction, or undefined when the payload lacks what every interaction carries. */
export function parseInteraction(value: unknown): DiscordInteraction | undefined {
  try {
    return readInteraction(value);
  } catch (error) {
    if (error === INVALID) return undefined;
    throw error;
  }
}

type Fields = Readonly<Record<string, unknown>>;

const INVALID = Symbol('invalid interaction');

function invalid(): never {
  throw INVALID;
}

function readInteraction(value: unknown): DiscordInteraction {
  const o = object(value);
  const interaction: Record<string, unknown> = {
    id: string(o.id),
    application_id: string(o.application_id),
    type: number(o.type),
    token: string(o.token),
  };
  if (o.data !== undefined) interaction.data = readData(o.data);
  copyOptional(interaction, o, 'guild_id', string);
  copyOptional(interaction, o, 'channel_id', string);
  if (o.channel !== undefined) {
    const channel = object(o.channel);
    interaction.channel = { id: string(channel.id), type: number(channel.type) };
  }
  if (o.member !== undefined) interaction.member = readMember(o.member);
  if (o.user !== undefined) interaction.user = idOnly(o.user);
  if (o.message !== undefined) interaction.message = idOnly(o.message);
  return interaction as unknown as DiscordInteraction;
}

function readData(value: unknown): DiscordInteraction['data'] {
  const o = object(value);
  const data: Record<string, unknown> = {};
  copyOptional(data, o, 'name', string);
  if (o.options !== undefined) data.options = readOptions(o.options, 1);
  copyOptional(data, o, 'custom_id', string);
  return data;
}

function readMember(value: unknown): DiscordInteraction['member'] {
  const o = object(value);
  const member: Record<string, unknown> = {};
  copyOptional(member, o, 'permissions', string);
  if (o.roles !== undefined) member.roles = array(o.roles).map(string);
  if (o.user !== undefined) member.user = idOnly(o.user);
  return member;
}

function readOptions(value: unknown, depth: number): InteractionOption[] {
  if (depth > MAX_OPTION_DEPTH) invalid();
  return array(value).map((item) => {
    const o = object(item);
    const option: Record<string, unknown> = { name: string(o.name), type: number(o.type) };
    if (o.value !== undefined) option.value = scalar(o.value);
    copyOptional(option, o, 'focused', boolean);
    if (o.options !== undefined) option.options = readOptions(o.options, depth + 1);
    return option as unknown as InteractionOption;
  });
}

function idOnly(value: unknown): { readonly id: string } {
  return { id: string(object(value).id) };
}

function copyOptional(to: Record<string, unknown>, from: Fields, key: string, read: (v: unknown) => unknown) {
  const value = from[key];
  if (value !== undefined) to[key] = read(value);
}

function object(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : invalid();
}

function array(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : invalid();
}

function string(value: unknown): string {
  return typeof value === 'string' ? value : invalid();
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : invalid();
}

function boolean(value: unknown): boolean {
  return typeof value === 'boolean' ? value : invalid();
}

function scalar(value: unknown): string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' ? value : number(value);
}
