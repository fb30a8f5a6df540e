import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { BriefTemplate } from '../briefing/brief-template.ts';
import type { FactSheet } from './fact-sheet.ts';
import type { ModelPrompt } from './summarizer.ts';

/** Where the editable prompts live: `system.mustache` (the rules) and `user.mustache` (the data). */
export const PROMPTS_DIR = fileURLToPath(new URL('../../templates/prompts/', import.meta.url));

export interface PromptTemplates {
  readonly system: string;
  readonly user: string;
}

/** The longest lead asked for; the verifier does not count words, the renderers split long text. */
const MAX_WORDS = 70;

/** Reads both prompt templates and checks that Mustache can parse them, so a typo fails loudly. */
export async function readPromptTemplates(dir: string = PROMPTS_DIR): Promise<PromptTemplates> {
  const [system, user] = await Promise.all(
    ['system.mustache', 'user.mustache'].map((file) => readFile(join(dir, file), 'utf8')),
  );
  if (system === undefined || user === undefined) throw new Error('prompt templates missing');
  Mustache.parse(system);
  Mustache.parse(user);
  return { system, user };
}

/**
 * Prompts are re-read at most every `ttlMs`, so an edit applies without a restart while a digest
 * sent to a thousand channels reads the files once.
 */
export function createPromptSource(
  dir: string = PROMPTS_DIR,
  ttlMs = 5_000,
  now: () => number = Date.now,
): () => Promise<PromptTemplates> {
  let cached: { at: number; templates: Promise<PromptTemplates> } | undefined;
  return () => {
    if (!cached || now() - cached.at >= ttlMs) {
      const templates = readPromptTemplates(dir);
      cached = { at: now(), templates };
      // A failed read is not kept: the next brief tries again.
      templates.catch(() => {
        if (cached?.templates === templates) cached = undefined;
      });
    }
    return cached.templates;
  };
}

/**
 * The prompts for one brief. Feed text reaches the model only inside the JSON data blocks, with
 * `<`, `>` and `&` escaped, so a headline can neither close its block nor open another.
 */
export function renderSummaryPrompt(
  templates: PromptTemplates,
  input: { readonly sheet: FactSheet; readonly template: BriefTemplate; readonly locale: string },
): ModelPrompt {
  const { sheet, template, locale } = input;
  const view = {
    brief: { name: template.name, description: template.description },
    locale,
    language: languageName(locale),
    max_words: MAX_WORDS,
    facts_json: dataBlock(
      sheet.facts.map((f) => ({
        id: f.id,
        label: f.label,
        value: f.text,
        unit: f.unit,
        source: f.source,
        as_of: f.asOf,
      })),
    ),
    headlines_json: dataBlock(
      sheet.headlines.map((h) => ({
        id: h.id,
        source: h.source,
        title: h.title,
        ...(h.publishedAt ? { published: h.publishedAt.toISOString() } : {}),
      })),
    ),
    has_headlines: sheet.headlines.length > 0,
  };
  // No HTML escaping: prompts are plain text, and the data blocks are escaped as JSON above.
  const render = (source: string) => Mustache.render(source, view, {}, { escape: (value: string) => value });
  return { system: render(templates.system).trim(), user: render(templates.user).trim() };
}

/** One object per line: compact, and easy for a model to scan. */
function dataBlock(items: readonly object[]): string {
  const json = items.length === 0 ? '[]' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function languageName(locale: string): string {
  const language = locale.split('-')[0] ?? locale;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}
