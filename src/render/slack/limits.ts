/**
 * Block Kit limits (docs.slack.dev, Block Kit reference and chat.postMessage). The renderer splits
 * or truncates against these; the property tests check every payload against them.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionTextChars: 3_000,
  fieldTextChars: 2_000,
  fieldsPerSection: 10,
  headerTextChars: 150,
  contextElements: 10,
  /** Text objects in general (context elements) share the section text limit. */
  textObjectChars: 3_000,
  fallbackTextChars: 40_000,
  /**
   * Not documented: chat.postMessage rejects a message whose blocks hold roughly 12,000–13,000
   * characters in total with `msg_blocks_too_long` (slackapi/bolt-js#2509 and #2867, where a count
   * of 11,341 was still refused). We stay well below it.
   */
  blockTextCharsPerMessage: 10_000,
} as const;
