/**
 * Length budgets for rendered text. Platforms count characters; JavaScript's `length` counts
 * UTF-16 code units, which is never fewer, so every check here is on the safe side.
 *
 * Escaping happens after cutting, never before: cutting an escaped string could leave a lone `\`
 * or half an `&amp;` and unescape whatever comes next.
 */

export const ELLIPSIS = '…';

type Escape = (raw: string) => string;
const identity: Escape = (raw) => raw;

/** Cut index that does not split a surrogate pair. */
function safeCut(raw: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= raw.length) return raw.length;
  const code = raw.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** The longest prefix of `raw` (plus an ellipsis) whose escaped form fits `maxChars`. */
export function fitEscaped(raw: string, maxChars: number, escapeFn: Escape = identity): string {
  const whole = escapeFn(raw);
  if (whole.length <= maxChars) return whole;
  const cut = longestFittingPrefix(raw, maxChars, (prefix) => escapeFn(`${prefix.trimEnd()}${ELLIPSIS}`));
  return escapeFn(`${raw.slice(0, cut).trimEnd()}${ELLIPSIS}`);
}

function longestFittingPrefix(raw: string, maxChars: number, render: (prefix: string) => string): number {
  // Escaped length grows with the prefix, so a binary search finds the cut in log(n) escapes.
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(raw.slice(0, safeCut(raw, mid))).length <= maxChars) low = mid;
    else high = mid - 1;
  }
  return safeCut(raw, low);
}

/**
 * Splits `raw` into escaped chunks of at most `maxChars` each, breaking at a newline or a space
 * where one is near the limit, so a long paragraph becomes several blocks rather than one cut-off.
 */
export function splitEscaped(raw: string, maxChars: number, escapeFn: Escape = identity): string[] {
  const chunks: string[] = [];
  let rest = raw.trim();
  while (rest.length > 0) {
    const whole = escapeFn(rest);
    if (whole.length <= maxChars) {
      chunks.push(whole);
      break;
    }
    let cut = longestFittingPrefix(rest, maxChars, escapeFn);
    if (cut === 0) {
      // Not even one character fits (a budget smaller than one escape): fall back to an ellipsis.
      chunks.push(fitEscaped(rest, maxChars, escapeFn));
      break;
    }
    const window = rest.slice(0, cut);
    const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (breakAt > cut / 2) cut = breakAt;
    const chunk = rest.slice(0, cut).trim();
    if (chunk.length > 0) chunks.push(escapeFn(chunk));
    rest = rest.slice(cut).trim();
  }
  return chunks;
}

/**
 * Packs lines into groups whose joined length stays within `maxChars`, never splitting a line.
 * Every line must already fit on its own.
 */
export function packLines(lines: readonly string[], maxChars: number, separator = '\n'): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    const added = current.length === 0 ? line.length : size + separator.length + line.length;
    if (current.length > 0 && added > maxChars) {
      groups.push(current);
      current = [line];
      size = line.length;
    } else {
      current.push(line);
      size = added;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
