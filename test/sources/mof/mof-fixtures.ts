import { readFileSync } from 'node:fs';

/** The saved MOF payloads (see test/fixtures/PROVENANCE.md and test/fixtures/mof_jgb/DERIVED.md). */
export const MOF_FIXTURES = {
  englishHistory: 'jgbcme_all.en.2026-04-30.csv',
  japaneseHistory: 'jgbcm_all.ja.sjis.2026-06-30.csv',
  japaneseCurrent: 'jgbcm.ja.sjis.2025-10.csv',
  japaneseCurrentNoRows: 'jgbcm.ja.sjis.2025-10.no-rows.derived.csv',
  englishCurrent: 'jgbcme.en.current-month.2026-09.csv',
  englishCurrentText: 'jgbcme.en.current-month.2026-09.from-text.txt',
  englishCurrentNoRows: 'jgbcme.en.current-month.2026-09.no-rows.derived.csv',
} as const;

export type MofFixture = keyof typeof MOF_FIXTURES;

const cache = new Map<MofFixture, Buffer>();

export function mofFixture(name: MofFixture): Buffer {
  let bytes = cache.get(name);
  if (bytes === undefined) {
    bytes = readFileSync(new URL(`../../fixtures/mof_jgb/${MOF_FIXTURES[name]}`, import.meta.url));
    cache.set(name, bytes);
  }
  return bytes;
}

/**
 * Edits a payload line by line without touching its encoding: latin1 maps each byte to one
 * character and back, so Shift_JIS text passes through unchanged.
 */
export function editLines(bytes: Uint8Array, edit: (lines: string[]) => string[]): Buffer {
  const lines = Buffer.from(bytes).toString('latin1').split('\r\n');
  return Buffer.from(edit(lines).join('\r\n'), 'latin1');
}
