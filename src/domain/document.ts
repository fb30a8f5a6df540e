/**
 * The neutral message model every reply and briefing is built from. It knows no platform: every
 * string in it is plain text, never markup, and each renderer escapes it for its target. That is
 * what keeps a headline titled "@everyone <!channel>" inert on every platform.
 */
export interface Document {
  /** Short title, also used as the notification text where a platform needs one. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /** Sources and as-of times of every figure shown, and any caveat (stale data, withheld summary). */
  readonly footer: readonly FooterNote[];
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string; readonly tone?: 'normal' | 'muted' }
  /** A section whose source failed: shown so the reader knows it is missing, not silently dropped. */
  | { readonly kind: 'notice'; readonly text: string }
  | { readonly kind: 'fields'; readonly items: readonly Field[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly align?: readonly ('left' | 'right')[];
    }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'headlines'; readonly items: readonly HeadlineItem[] }
  | { readonly kind: 'image'; readonly image: Image }
  | { readonly kind: 'divider' };

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface HeadlineItem {
  readonly title: string;
  readonly url: string;
  readonly source: string;
  /** Already formatted for the reader's locale and zone ("08:12 JST"). */
  readonly when?: string;
}

export interface Image {
  /** File name for uploads and attachments ("curve-jp-2026-01-20.png"). */
  readonly name: string;
  readonly alt: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface FooterNote {
  readonly text: string;
  /** A caveat the reader must see (stale figure, unavailable section), rendered with emphasis. */
  readonly warning?: boolean;
}

/** A command's answer: a document, who sees it, and any buttons the platform should offer. */
export interface Reply {
  readonly document: Document;
  /** `ephemeral` replies are shown to the caller only, where the platform supports it. */
  readonly visibility: 'ephemeral' | 'channel';
  readonly actions?: readonly ReplyAction[];
}

export interface ReplyAction {
  /** Stable action id the transport routes on ("post_brief"). */
  readonly id: string;
  readonly label: string;
  /** Opaque value handed back to the command layer when the action is taken. */
  readonly value: string;
}
