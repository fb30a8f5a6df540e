import type { GroundingFailure } from './ground-summary.ts';

/** Why a brief has no summary, as the footer says it ("Summary withheld: daily budget reached"). */
export type WithheldCode =
  | 'budget'
  | 'budget-unknown'
  | 'timeout'
  | 'model-error'
  | 'unreadable'
  | 'mismatch'
  | 'unknown-fact'
  | 'unknown-headline'
  | 'no-facts'
  | 'prompt';

const REASONS: Readonly<Record<'en' | 'ja', Readonly<Record<WithheldCode, string>>>> = {
  en: {
    budget: 'daily budget reached',
    'budget-unknown': 'the day’s token use could not be read',
    timeout: 'the model did not answer in time',
    'model-error': 'the model could not be reached',
    unreadable: 'the model’s answer could not be read',
    mismatch: 'a figure in it did not match the data',
    'unknown-fact': 'it referred to a figure the brief does not have',
    'unknown-headline': 'it cited a headline that does not exist',
    'no-facts': 'no current figures to summarise',
    prompt: 'the summary prompt could not be read',
  },
  ja: {
    budget: '本日のトークン上限に達しました',
    'budget-unknown': '本日のトークン使用量を確認できませんでした',
    timeout: 'モデルが時間内に応答しませんでした',
    'model-error': 'モデルに接続できませんでした',
    unreadable: 'モデルの回答を読み取れませんでした',
    mismatch: '数値がデータと一致しませんでした',
    'unknown-fact': 'データにない数値を参照しました',
    'unknown-headline': '存在しない見出しを引用しました',
    'no-facts': '要約できる最新の数値がありません',
    prompt: 'プロンプトを読み込めませんでした',
  },
};

export function withheldReason(code: WithheldCode, locale: string): string {
  return (locale.toLowerCase().startsWith('ja') ? REASONS.ja : REASONS.en)[code];
}

export function withheldCodeFor(failure: GroundingFailure): WithheldCode {
  switch (failure.code) {
    case 'unreadable':
    case 'empty':
    case 'too-long':
      return 'unreadable';
    case 'unknown-fact':
      return 'unknown-fact';
    case 'unknown-headline':
      return 'unknown-headline';
    case 'invented-number':
    case 'contradicts-sign':
      return 'mismatch';
  }
}
