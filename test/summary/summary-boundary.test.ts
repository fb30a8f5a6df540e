import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../src/summary/', import.meta.url);

describe('the summary folder', () => {
  it('keeps the openai client in its adapter: fact sheet, prompts and verification know no SDK', () => {
    const importers = readdirSync(DIR)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /from\s+'openai'/.test(readFileSync(new URL(file, DIR), 'utf8')));
    expect(importers).toEqual(['create-openai-summarizer.ts']);
  });
});
