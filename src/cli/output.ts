import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../domain/document.ts';
import { renderDiscord } from '../render/discord/render-discord.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderText } from '../render/render-text.ts';
import { renderSlack } from '../render/slack/render-slack.ts';
import type { Format } from './args.ts';

/** A document in the requested format. Platform payloads print as one JSON object, or an array when split. */
export function formatDocument(document: Document, format: Format): string {
  switch (format) {
    case 'text':
      return renderText(document);
    case 'markdown':
      return renderMarkdown(document);
    case 'slack':
      return asJson(renderSlack(document));
    case 'discord':
      return asJson(renderDiscord(document));
  }
}

function asJson(messages: readonly unknown[]): string {
  return JSON.stringify(messages.length === 1 ? messages[0] : messages, null, 2);
}

/** Writes the document's images into `dir`; returns the paths written. */
export async function saveAttachments(document: Document, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const block of document.blocks) {
    if (block.kind !== 'image') continue;
    const path = join(dir, block.image.name.replace(/[^\w.-]/g, '_'));
    await writeFile(path, block.image.png);
    written.push(path);
  }
  return written;
}
