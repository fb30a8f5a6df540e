/**
 * Terminal and monospace column width. East Asian wide characters (Japanese headlines) take two
 * columns and combining marks none; counting UTF-16 units instead would skew every aligned table.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
const ZERO = /^(?:\p{Mn}|\p{Me}|\u200B|\u200C|\u200D|\u2060|\uFE0F)$/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (ZERO.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

export function padDisplay(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? `${fill}${text}` : `${text}${fill}`;
}

/** The longest prefix that fits `width` columns, with an ellipsis when something was cut. */
export function truncateDisplay(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = ZERO.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}
