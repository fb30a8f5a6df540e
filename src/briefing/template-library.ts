import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clip } from '../command/resolvers.ts';
import { UserError } from '../errors.ts';
import { type BriefTemplate, TemplateError } from './brief-template.ts';
import { parseBriefTemplate } from './parse-brief-template.ts';

/** The templates shipped with briefbot, and where users add their own. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** File names become template names: lower case, digits, dots, dashes ("morning.ja"). */
const TEMPLATE_FILE = /^([a-z0-9][a-z0-9._-]*)\.ya?ml$/;

export interface TemplateLibrary {
  /** Names of the templates that loaded, sorted. */
  readonly names: readonly string[];
  /** Files that could not be used, each with its file, line and problem. */
  readonly problems: readonly TemplateError[];
  get(name: string): BriefTemplate | undefined;
}

/**
 * Reads every `*.yaml` template in `dir` (not its subfolders: `templates/prompts/` holds the LLM
 * prompts). A broken file is reported in `problems` and never takes the others down with it.
 */
export async function loadTemplateLibrary(
  dir: string = TEMPLATES_DIR,
  shownAs = 'templates',
): Promise<TemplateLibrary> {
  const entries = await readdir(dir, { withFileTypes: true });
  const templates = new Map<string, BriefTemplate>();
  const problems: TemplateError[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || !/\.ya?ml$/i.test(entry.name)) continue;
    const file = `${shownAs}/${entry.name}`;
    const name = TEMPLATE_FILE.exec(entry.name)?.[1];
    if (name === undefined) {
      problems.push(new TemplateError(file, 'name files in lower case: letters, digits, ".", "-" and "_"'));
      continue;
    }
    if (templates.has(name)) {
      problems.push(new TemplateError(file, `a template named "${name}" already exists (.yaml and .yml)`));
      continue;
    }
    try {
      templates.set(name, parseBriefTemplate(await readFile(join(dir, entry.name), 'utf8'), name, file));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push(error);
    }
  }
  return {
    names: [...templates.keys()].sort(),
    problems,
    get: (name) => templates.get(name),
  };
}

/** The template called `name`, or a `UserError` that lists the templates there are. */
export function resolveTemplate(library: TemplateLibrary, name: string): BriefTemplate {
  const key = name.trim().toLowerCase();
  const found = library.get(key);
  if (found) return found;
  const list = `Templates: ${library.names.join(', ')}.`;
  const broken = library.problems.find(
    (p) => p.file.endsWith(`/${key}.yaml`) || p.file.endsWith(`/${key}.yml`),
  );
  if (broken) {
    throw new UserError('BAD_ARGUMENT', `The template "${key}" cannot be used: ${broken.message}`, list);
  }
  throw new UserError('BAD_ARGUMENT', `There is no template "${clip(name)}".`, list);
}
