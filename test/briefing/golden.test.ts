import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefCharts } from '../../src/briefing/brief-charts.ts';
import { composeBrief } from '../../src/briefing/compose-brief.ts';
import { renderBriefCharts } from '../../src/briefing/render-brief-charts.ts';
import type { Snapshot } from '../../src/briefing/snapshot.ts';
import { loadTemplateLibrary, type TemplateLibrary } from '../../src/briefing/template-library.ts';
import { FORMATS, type Format } from '../../src/cli/args.ts';
import { formatDocument } from '../../src/cli/output.ts';
import { goldenPriceHistory, goldenSnapshot } from './golden-snapshot.ts';

/**
 * Golden files: every built-in template in every format, from one fixed snapshot of real payloads
 * (see golden-snapshot.ts), for a channel in Tokyo. After an intended change, regenerate them with
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/briefing/golden.test.ts
 *
 * and review the diff under test/fixtures/briefing/ as you would code: it is what users will read.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const BUILT_IN = ['close', 'five-things', 'morning', 'morning.ja'] as const;
const EXTENSION: Readonly<Record<Format, string>> = {
  text: 'txt',
  markdown: 'md',
  slack: 'slack.json',
  discord: 'discord.json',
};

let snapshot: Snapshot;
let library: TemplateLibrary;
const charts = new Map<string, BriefCharts>();
beforeAll(async () => {
  snapshot = await goldenSnapshot();
  library = await loadTemplateLibrary();
  // The pictures too: the golden files show where each sits and the alt text every client gets.
  const prices = goldenPriceHistory();
  for (const name of BUILT_IN) {
    const template = library.get(name);
    if (template) charts.set(name, await renderBriefCharts(template, snapshot, { prices }));
  }
});

function golden(name: string, format: Format): URL {
  return new URL(`../fixtures/briefing/${name}.${EXTENSION[format]}`, import.meta.url);
}

describe('built-in templates', () => {
  it('are the four documented ones, and every one loads without a problem', () => {
    expect(library.problems.map((p) => p.message)).toEqual([]);
    expect([...library.names].sort()).toEqual([...BUILT_IN]);
  });

  describe.each(BUILT_IN)('%s', (name) => {
    it.each(FORMATS)('renders as in its golden %s file', (format) => {
      const template = library.get(name);
      if (!template) throw new Error(`no template ${name}`);
      const document = composeBrief({
        snapshot,
        template,
        timeZone: 'Asia/Tokyo',
        charts: charts.get(name) ?? new Map(),
      });
      const output = `${formatDocument(document, format)}\n`;
      const file = golden(name, format);
      if (UPDATE || !existsSync(file)) {
        writeFileSync(file, output);
        if (!UPDATE) throw new Error(`wrote missing golden file ${file.pathname}; review it and run again`);
      }
      expect(output).toBe(readFileSync(file, 'utf8'));
    });
  });
});
