/**
 * Control characters that must never reach a renderer's output. C0/C1 controls can carry terminal
 * escape sequences (a feed title could recolour or clear a console), and bidi overrides can make
 * "moc.live" read as "evil.com". Tabs become spaces so aligned columns stay aligned.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

// One test for everything cleanText changes: most text (every figure, every label) needs nothing,
// and answering that with one scan instead of three replaces is measurable on every reply.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

export function cleanText(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(UNSAFE, '');
}

/** For places that hold one line only (table cells, labels, headline titles). */
export function cleanLine(raw: string): string {
  const clean = cleanText(raw);
  return clean.includes('\n') ? clean.replace(/\s*\n\s*/g, ' ') : clean;
}
