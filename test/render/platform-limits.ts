import { DISCORD_LIMITS } from '../../src/render/discord/limits.ts';
import type { DiscordMessage } from '../../src/render/discord/render-discord.ts';
import { SLACK_LIMITS } from '../../src/render/slack/limits.ts';
import type { SlackBlock, SlackMessage } from '../../src/render/slack/render-slack.ts';

/** Every way a Slack message breaks a limit in `SLACK_LIMITS`, as readable strings. */
export function slackViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const text = (value: string, max: number, where: string) => {
    check(value.trim().length > 0, `${where}: empty text`);
    check(value.length <= max, `${where}: ${value.length} > ${max} chars`);
  };
  check(message.blocks.length >= 1, 'message has no blocks');
  check(message.blocks.length <= SLACK_LIMITS.blocksPerMessage, `${message.blocks.length} blocks`);
  text(message.text, SLACK_LIMITS.fallbackTextChars, 'fallback text');
  let total = 0;
  message.blocks.forEach((block: SlackBlock, i) => {
    const where = `block ${i} (${block.type})`;
    if (block.type === 'header') {
      text(block.text.text, SLACK_LIMITS.headerTextChars, where);
      total += block.text.text.length;
    } else if (block.type === 'section' && 'fields' in block) {
      check(
        block.fields.length >= 1 && block.fields.length <= SLACK_LIMITS.fieldsPerSection,
        `${where}: fields`,
      );
      for (const field of block.fields) {
        text(field.text, SLACK_LIMITS.fieldTextChars, `${where} field`);
        total += field.text.length;
      }
    } else if (block.type === 'section') {
      text(block.text.text, SLACK_LIMITS.sectionTextChars, where);
      total += block.text.text.length;
    } else if (block.type === 'context') {
      check(
        block.elements.length >= 1 && block.elements.length <= SLACK_LIMITS.contextElements,
        `${where}: ${block.elements.length} elements`,
      );
      for (const element of block.elements) {
        text(element.text, SLACK_LIMITS.textObjectChars, `${where} element`);
        total += element.text.length;
      }
    }
  });
  check(total <= SLACK_LIMITS.blockTextCharsPerMessage, `blocks hold ${total} chars`);
  return problems;
}

/** Every way a Discord message breaks a limit in `DISCORD_LIMITS`, as readable strings. */
export function discordViolations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const text = (value: string | undefined, max: number, where: string) => {
    if (value === undefined) return 0;
    check(value.length > 0, `${where}: empty`);
    check(value.length <= max, `${where}: ${value.length} > ${max} chars`);
    return value.length;
  };
  check(message.allowed_mentions.parse.length === 0, 'mentions are parsed');
  check(message.embeds.length >= 1, 'message has no embeds');
  check(message.embeds.length <= DISCORD_LIMITS.embedsPerMessage, `${message.embeds.length} embeds`);
  text(message.content, DISCORD_LIMITS.contentChars, 'content');
  let total = 0;
  message.embeds.forEach((embed, i) => {
    const where = `embed ${i}`;
    const fields = embed.fields ?? [];
    check(
      embed.title !== undefined ||
        embed.description !== undefined ||
        fields.length > 0 ||
        embed.image !== undefined ||
        embed.footer !== undefined,
      `${where}: empty embed`,
    );
    check(fields.length <= DISCORD_LIMITS.fieldsPerEmbed, `${where}: ${fields.length} fields`);
    total += text(embed.title, DISCORD_LIMITS.titleChars, `${where} title`);
    total += text(embed.description, DISCORD_LIMITS.descriptionChars, `${where} description`);
    for (const field of fields) {
      total += text(field.name, DISCORD_LIMITS.fieldNameChars, `${where} field name`);
      total += text(field.value, DISCORD_LIMITS.fieldValueChars, `${where} field value`);
    }
    total += text(embed.footer?.text, DISCORD_LIMITS.footerTextChars, `${where} footer`);
    total += text(embed.author?.name, DISCORD_LIMITS.authorNameChars, `${where} author`);
  });
  check(total <= DISCORD_LIMITS.embedCharsPerMessage, `embeds hold ${total} chars`);
  return problems;
}

/** All the text a person would read across Slack messages. */
export function slackTexts(messages: readonly SlackMessage[]): string {
  return messages
    .flatMap((message) =>
      message.blocks.flatMap((block) => {
        if (block.type === 'header') return [block.text.text];
        if (block.type === 'section')
          return 'fields' in block ? block.fields.map((f) => f.text) : [block.text.text];
        if (block.type === 'context') return block.elements.map((e) => e.text);
        return [];
      }),
    )
    .join('\n');
}

/** All the text a person would read across Discord messages. */
export function discordTexts(messages: readonly DiscordMessage[]): string {
  return messages
    .flatMap((message) =>
      message.embeds.flatMap((embed) => [
        embed.title ?? '',
        embed.description ?? '',
        ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
        embed.footer?.text ?? '',
      ]),
    )
    .join('\n');
}

/** Only the mrkdwn text objects, where Slack applies formatting. */
export function slackMrkdwnTexts(messages: readonly SlackMessage[]): string {
  return messages
    .flatMap((message) =>
      message.blocks.flatMap((block) => {
        if (block.type === 'section') return 'fields' in block ? block.fields : [block.text];
        if (block.type === 'context') return block.elements;
        return [];
      }),
    )
    .filter((object) => object.type === 'mrkdwn')
    .map((object) => object.text)
    .join('\n');
}
