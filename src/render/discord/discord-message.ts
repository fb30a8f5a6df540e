/** The message JSON the Discord REST API takes (a subset, kept SDK-free). */
export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

export interface DiscordEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly fields?: readonly DiscordEmbedField[];
  /** `attachment://NAME`: the transport uploads the PNG under that name with the message. */
  readonly image?: { readonly url: string };
  readonly footer?: { readonly text: string };
  readonly author?: { readonly name: string };
}

export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: readonly DiscordEmbed[];
  /** Always empty: nothing a message says may ping anyone. */
  readonly allowed_mentions: { readonly parse: readonly [] };
}

/** Characters Discord counts toward the 6,000 per message across embeds. */
export function discordEmbedChars(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}
