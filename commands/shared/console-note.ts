import type { FooterNote } from '../../src/domain/document.ts';

/**
 * The console has no channel anyone reads later and runs no scheduler or alert checker, so what a
 * digest or alert saved there would send goes nowhere; the reply says so rather than promise it.
 */
export const CONSOLE_POSTS_NOTHING: FooterNote = {
  text: 'Saved, but the console posts nothing later: digests and alerts go out only to Slack and Discord channels, with briefbot serve running there.',
  warning: true,
};
