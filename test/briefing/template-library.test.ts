import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/briefing/brief-template.ts';
import { parseBriefTemplate } from '../../src/briefing/parse-brief-template.ts';
import { loadTemplateLibrary, resolveTemplate, TEMPLATES_DIR } from '../../src/briefing/template-library.ts';
import { UserError } from '../../src/errors.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'briefbot-templates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const VALID = `description: Just the 40Y
locale: en-GB
title: "40Y on {{date.short}}"
blocks:
  - text: "{{#jgb.40y.ok}}JGB 40Y {{jgb.40y.level}}{{/jgb.40y.ok}}"
`;

function problemOf(text: string): string {
  try {
    parseBriefTemplate(text, 'mine', 'templates/mine.yaml');
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('a template file', () => {
  it('is read into a template with its defaults filled in', () => {
    const template = parseBriefTemplate(
      `${VALID}  - section: jgb-curve\n  - section: headlines\n    limit: 3\n`,
      'mine',
      'templates/mine.yaml',
    );
    expect(template.locale).toBe('en-GB');
    expect(template.blocks).toEqual([
      { kind: 'text', text: '{{#jgb.40y.ok}}JGB 40Y {{jgb.40y.level}}{{/jgb.40y.ok}}', muted: false },
      {
        kind: 'section',
        section: 'jgb-curve',
        tenors: ['2y', '5y', '10y', '20y', '30y', '40y'],
        spreads: true,
      },
      expect.objectContaining({
        kind: 'section',
        section: 'headlines',
        limit: 3,
        perTopic: 2,
        maxAgeHours: 72,
      }),
    ]);
    expect([...template.uses].sort()).toEqual(['date', 'jgb']);
  });

  it('asks for a curve chart with `chart:` and for sparklines with `sparklines:`', () => {
    const sections = (yaml: string) =>
      parseBriefTemplate(`${VALID}${yaml}`, 'mine', 'templates/mine.yaml').blocks.slice(1);
    expect(
      sections(
        '  - section: jgb-curve\n    chart: 1W\n  - section: ust-curve\n    chart: false\n  - section: prices\n    sparklines: true\n  - section: prices\n    assets: [gold]\n    sparklines: 90\n',
      ),
    ).toEqual([
      expect.objectContaining({ section: 'jgb-curve', chart: '1w' }),
      expect.not.objectContaining({ chart: expect.anything() }),
      expect.objectContaining({ section: 'prices', sparklineDays: 30 }),
      expect.objectContaining({ section: 'prices', assets: ['gold'], sparklineDays: 90 }),
    ]);
    expect(sections('  - section: prices\n')[0]).not.toHaveProperty('sparklineDays');
  });

  it.each([
    [
      'a YAML syntax error, with its line',
      'description: x\nlocale: [en\n',
      /^templates\/mine\.yaml line \d: /,
    ],
    [
      'an unknown key, with the keys allowed',
      `${VALID}  - section: jgb-curve\n    tenor: [10y]\n`,
      /line 7: unknown key "tenor" \(allowed here: section, heading, tenors, spreads, chart\)/,
    ],
    [
      'a tenor MOF does not publish',
      `${VALID}  - section: jgb-curve\n    tenors: [12y]\n`,
      /line 7: "12y" is not one of: 1y, 2y/,
    ],
    [
      'an unknown section',
      `${VALID}  - section: weather\n`,
      /line 6: unknown section "weather"; sections: jgb-curve, ust-curve, prices, headlines/,
    ],
    [
      'a misspelt field, with what exists there',
      VALID.replace('40y.level', '40y.levle'),
      /line 5: unknown field \{\{jgb\.40y\.levle\}\}: jgb\.40y has ok, name, level, change/,
    ],
    [
      'a tenor field that does not exist',
      VALID.replace('jgb.40y.level', 'jgb.11y.level'),
      /unknown field \{\{jgb\.11y\.level\}\}: jgb has .*1y, 2y/,
    ],
    [
      'an unclosed Mustache section',
      VALID.replace('{{/jgb.40y.ok}}', ''),
      /line 5: Unclosed section "jgb\.40y\.ok"/,
    ],
    [
      'a partial',
      VALID.replace('{{jgb.40y.level}}', '{{> other}}'),
      /partials \(\{\{> other\}\}\) are not supported/,
    ],
    [
      'an inherited property instead of a field',
      VALID.replace('{{jgb.40y.level}}', '{{#jgb}}{{constructor}}{{/jgb}}'),
      /unknown field \{\{constructor\}\}/,
    ],
    [
      'a locale that is not one',
      VALID.replace('en-GB', 'english please'),
      /line 2: "english please" is not a locale/,
    ],
    ['a missing title', VALID.replace(/title: .*\n/, ''), /title must be text/],
    [
      'an empty block list',
      'description: x\nlocale: en-US\ntitle: x\nblocks: []\n',
      /line 4: blocks must be a non-empty list/,
    ],
    [
      'a headline limit out of range',
      `${VALID}  - section: headlines\n    limit: 500\n`,
      /a whole number from 1 to 20/,
    ],
    [
      'a chart compared with a period /curve does not offer',
      `${VALID}  - section: jgb-curve\n    chart: 2w\n`,
      /line 7: the chart compares with one of: 1d, 1w, 1m, 1y \(or false for none\)/,
    ],
    [
      'sparklines over a single day',
      `${VALID}  - section: prices\n    sparklines: 1\n`,
      /line 7: true, false or a number of days from 2 to 365/,
    ],
    [
      'a chart on a section that draws none',
      `${VALID}  - section: headlines\n    chart: 1w\n`,
      /line 7: unknown key "chart"/,
    ],
  ])('is refused for %s, naming the file', (_, text, problem) => {
    expect(problemOf(text)).toMatch(problem);
  });
});

describe('the template folder', () => {
  it('holds the four built-in templates', async () => {
    const library = await loadTemplateLibrary();
    expect(library.names).toEqual(['close', 'five-things', 'morning', 'morning.ja']);
    expect(library.problems).toEqual([]);
  });

  it('takes a team’s own template beside the built-ins, and ignores subfolders and other files', async () => {
    const dir = await folder({ 'desk-40y.yaml': VALID, 'notes.md': '# not a template' });
    await cp(TEMPLATES_DIR, dir, { recursive: true });
    await mkdir(join(dir, 'prompts'), { recursive: true });
    await writeFile(join(dir, 'prompts', 'summary.yaml'), 'not: a template');
    const library = await loadTemplateLibrary(dir);
    expect(library.names).toContain('desk-40y');
    expect(library.names).toContain('morning');
    expect(library.problems).toEqual([]);
  });

  it('reports a broken file and still serves the others', async () => {
    const dir = await folder({ 'good.yaml': VALID, 'broken.yaml': VALID.replace('level', 'levle') });
    const library = await loadTemplateLibrary(dir);
    expect(library.names).toEqual(['good']);
    expect(library.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^templates\/broken\.yaml line 5: unknown field/),
    ]);
    expect(() => resolveTemplate(library, 'broken')).toThrow(
      /The template "broken" cannot be used: templates\/broken\.yaml line 5/,
    );
  });

  it('refuses file names that are not lower-case names', async () => {
    const library = await loadTemplateLibrary(await folder({ 'My Brief.yaml': VALID }));
    expect(library.problems[0]?.message).toMatch(/My Brief\.yaml: name files in lower case/);
  });

  it('answers an unknown template with a user error that lists the templates', async () => {
    const library = await loadTemplateLibrary();
    expect(() => resolveTemplate(library, 'evening')).toThrow(UserError);
    expect(() => resolveTemplate(library, 'evening')).toThrow(
      expect.objectContaining({
        message: 'There is no template "evening".',
        hint: 'Templates: close, five-things, morning, morning.ja.',
      }),
    );
    expect(resolveTemplate(library, ' Morning.JA ').name).toBe('morning.ja');
  });
});

describe('the template documentation', () => {
  it('shows an example template that loads as written', async () => {
    const readme = await readFile(join(TEMPLATES_DIR, 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const template = parseBriefTemplate(example ?? '', 'desk', 'templates/desk.yaml');
    expect(template.blocks.map((b) => b.kind)).toEqual(['lead', 'bullets', 'section', 'section']);
  });

  it('quotes the error a misspelt field really gives', async () => {
    const readme = await readFile(join(TEMPLATES_DIR, 'README.md'), 'utf8');
    const quoted = /`(templates\/desk\.yaml line 9: unknown field [^`]*)`/.exec(readme)?.[1] ?? '';
    const text = VALID.replace('{{jgb.40y.level}}', '{{jgb.11y.level}}');
    const problem = problemOf(`\n\n\n\n${text}`).replace('mine', 'desk');
    expect(problem.startsWith(quoted.replace(/, …$/, ''))).toBe(true);
  });
});
