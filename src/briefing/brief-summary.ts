/**
 * What the LLM helper hands to composition: a grounded summary to show as the
 * brief's lead paragraph, or the reason none is shown (the footer says so).
 */
export type BriefSummary = { kind: 'summary'; text: string } | { kind: 'withheld'; reason: string };
