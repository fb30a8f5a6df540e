import type { DiscordEmbed, DiscordEmbedField } from './discord-message.ts';
import { DISCORD_LIMITS } from './limits.ts';

interface Draft {
  title?: string;
  parts: string[];
  descriptionChars: number;
  fields: DiscordEmbedField[];
  image?: string;
  footer?: string;
  chars: number;
  /** Set once fields or an image are added: they render below the description, so later text must
   * go to the next embed to keep the document's order. */
  sealed: boolean;
}

const newDraft = (): Draft => ({ parts: [], descriptionChars: 0, fields: [], chars: 0, sealed: false });

/**
 * Collects description lines, fields, images and a footer into embeds, opening a new embed whenever
 * the next piece would break a per-embed limit. Every piece must already fit an empty embed.
 */
export function createEmbedBuilder(title: string) {
  const drafts: Draft[] = [{ ...newDraft(), title, chars: title.length }];
  const current = (): Draft => drafts[drafts.length - 1] ?? next();
  function next(): Draft {
    const draft = newDraft();
    drafts.push(draft);
    return draft;
  }

  return {
    /** A line or group of lines that stays in one description (a headline, a table chunk). */
    addPiece(text: string): void {
      let draft = current();
      const cost = (draft.parts.length > 0 ? 1 : 0) + text.length;
      if (
        draft.sealed ||
        draft.descriptionChars + cost > DISCORD_LIMITS.descriptionChars ||
        draft.chars + cost > DISCORD_LIMITS.embedCharsPerMessage
      ) {
        draft = next();
      }
      const added = (draft.parts.length > 0 ? 1 : 0) + text.length;
      draft.parts.push(text);
      draft.descriptionChars += added;
      draft.chars += added;
    },

    addField(field: DiscordEmbedField): void {
      let draft = current();
      const cost = field.name.length + field.value.length;
      if (
        draft.fields.length >= DISCORD_LIMITS.fieldsPerEmbed ||
        draft.image !== undefined ||
        draft.chars + cost > DISCORD_LIMITS.embedCharsPerMessage
      ) {
        draft = next();
      }
      draft.fields.push(field);
      draft.chars += cost;
      draft.sealed = true;
    },

    addImage(url: string, caption: string): void {
      if (current().sealed) next();
      if (caption !== '') this.addPiece(caption);
      const draft = current();
      draft.image = url;
      draft.sealed = true;
    },

    setFooter(text: string): void {
      let draft = current();
      if (draft.chars + text.length > DISCORD_LIMITS.embedCharsPerMessage) draft = next();
      draft.footer = text;
      draft.chars += text.length;
    },

    build(): DiscordEmbed[] {
      return drafts.flatMap(toEmbed);
    },
  };
}

function toEmbed(draft: Draft): DiscordEmbed[] {
  const embed: {
    title?: string;
    description?: string;
    fields?: DiscordEmbedField[];
    image?: { url: string };
    footer?: { text: string };
  } = {};
  if (draft.title !== undefined && draft.title !== '') embed.title = draft.title;
  if (draft.parts.length > 0) embed.description = draft.parts.join('\n');
  if (draft.fields.length > 0) embed.fields = draft.fields;
  if (draft.image !== undefined) embed.image = { url: draft.image };
  if (draft.footer !== undefined && draft.footer !== '') embed.footer = { text: draft.footer };
  return Object.keys(embed).length > 0 ? [embed] : [];
}
