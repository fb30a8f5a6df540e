/** The few Block Kit shapes the renderer produces (a subset of @slack/types, kept SDK-free). */
export interface SlackPlainText {
  readonly type: 'plain_text';
  readonly text: string;
  readonly emoji?: boolean;
}

export interface SlackMrkdwn {
  readonly type: 'mrkdwn';
  readonly text: string;
  /** `true` stops Slack from turning bare `#channel`, `@name` and URLs into links and mentions. */
  readonly verbatim?: boolean;
}

export type SlackTextObject = SlackPlainText | SlackMrkdwn;

export type SlackBlock =
  | { readonly type: 'header'; readonly text: SlackPlainText }
  | { readonly type: 'section'; readonly text: SlackTextObject }
  | { readonly type: 'section'; readonly fields: readonly SlackTextObject[] }
  | { readonly type: 'context'; readonly elements: readonly SlackTextObject[] }
  | { readonly type: 'divider' };

export interface SlackMessage {
  /** Notification and accessibility fallback; Slack parses it as mrkdwn, so it is escaped too. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Every text string a block carries, for the per-message character budget. */
export function slackBlockTexts(block: SlackBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return 'fields' in block ? block.fields.map((field) => field.text) : [block.text.text];
    case 'context':
      return block.elements.map((element) => element.text);
    case 'divider':
      return [];
  }
}
