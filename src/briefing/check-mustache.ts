import Mustache from 'mustache';

type Token = readonly [type: string, value: string, start: number, end: number, children?: unknown];

/**
 * Checks one Mustache string against the shape of the view it will be rendered with: the syntax,
 * and that every field exists, so a typo (`{{jgb.10y.levle}}`) fails at load time with a message
 * instead of leaving a silent gap in a posted brief. Returns the top-level fields it reads.
 * Throws a plain `Error` whose message is the problem, for the caller to place in its file.
 */
export function checkMustache(source: string, shape: object): string[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as unknown as Token[];
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} in "${clip(source)}"`);
  }
  const uses = new Set<string>();
  walk(tokens, [shape], uses);
  return [...uses];
}

function walk(tokens: readonly Token[], stack: readonly unknown[], uses: Set<string>): void {
  for (const [type, value, , , children] of tokens) {
    if (type === 'text' || type === '!') continue;
    if (type === '>') throw new Error(`partials ({{> ${value}}}) are not supported`);
    if (type === '=') throw new Error('changing the {{ }} delimiters is not supported');
    const found = resolve(value, stack);
    if (found.root) uses.add(found.root);
    if (type === '#' || type === '^') {
      // Inside {{#object}} its fields are in scope; inside a boolean or string section nothing new is.
      const inner = type === '#' && isObject(found.value) ? [...stack, found.value] : stack;
      walk(children as Token[], inner, uses);
    }
  }
}

/** Mustache's own lookup: the innermost context in which the whole dotted path exists wins. */
function resolve(name: string, stack: readonly unknown[]): { value: unknown; root?: string } {
  if (name === '.') return { value: stack.at(-1) };
  const path = name.split('.');
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    let value: unknown = stack[i];
    let ok = true;
    for (const key of path) {
      if (!isObject(value) || !Object.hasOwn(value, key)) {
        ok = false;
        break;
      }
      value = (value as Record<string, unknown>)[key];
    }
    if (ok) return i === 0 ? { value, root: path[0] ?? name } : { value };
  }
  throw new Error(unknownField(name, stack));
}

/** Names the part of the path that exists and what could follow it, so the fix is obvious. */
function unknownField(name: string, stack: readonly unknown[]): string {
  const path = name.split('.');
  let value: unknown = stack[0];
  const known: string[] = [];
  for (const key of path) {
    if (!isObject(value) || !Object.hasOwn(value, key)) break;
    known.push(key);
    value = (value as Record<string, unknown>)[key];
  }
  if (!isObject(value)) return `unknown field {{${name}}}: ${known.join('.')} has no fields`;
  const options = Object.keys(value).join(', ');
  const where = known.length === 0 ? 'fields are' : `${known.join('.')} has`;
  return `unknown field {{${name}}}: ${where} ${options}`;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
