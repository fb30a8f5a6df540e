import { type IsoDate, isIsoDate } from '../domain/dates.ts';
import { MARKETS, type Market, TENORS_BY_MARKET, type Tenor } from '../domain/instruments.ts';
import { UserError } from '../errors.ts';

/** Pure resolvers: text in, a typed value out, or a `UserError` that says what to type instead. */

export function isMarket(text: string): text is Market {
  return (MARKETS as readonly string[]).includes(text.toLowerCase());
}

const TENOR_PATTERN = /^(\d+(?:\.\d+)?)\s*(y|yr|yrs|year|years|m|mo|mos|month|months)$/i;

export function resolveTenor(text: string, market: Market, usage: string): Tenor {
  const valid = TENORS_BY_MARKET[market];
  const match = TENOR_PATTERN.exec(text.trim());
  const list = () => valid.join(', ');
  const label = market === 'jp' ? 'JGB' : 'US Treasury';
  if (!match) {
    if (/^\d+(\.\d+)?$/.test(text.trim())) {
      throw new UserError(
        'BAD_ARGUMENT',
        `"${clip(text)}" needs a unit: years (y) or months (m).`,
        `Try ${usage.replace('<tenor>', `${text.trim()}y`)}. Valid ${label} tenors: ${list()}.`,
      );
    }
    throw new UserError(
      'BAD_ARGUMENT',
      `"${clip(text)}" is not a tenor.`,
      `Valid ${label} tenors: ${list()}. Example: ${usage.replace('<tenor>', '10y')}`,
    );
  }
  const unit = (match[2] ?? '').toLowerCase().startsWith('y') ? 'y' : 'm';
  const amount = Number(match[1]);
  // Whole years in months (12m, 24m) are the year points.
  const tenor = unit === 'm' && amount >= 12 && amount % 12 === 0 ? `${amount / 12}y` : `${amount}${unit}`;
  if ((valid as readonly string[]).includes(tenor)) return tenor as Tenor;
  const note =
    market === 'jp'
      ? 'The Ministry of Finance publishes only these points; there is no 11–14Y, 16–19Y, 21–24Y, 26–29Y or 31–39Y.'
      : 'The Treasury par curve has only these points.';
  throw new UserError(
    'BAD_ARGUMENT',
    `There is no ${tenor.toUpperCase()} ${label} yield. ${note}`,
    `Valid ${label} tenors: ${list()}.`,
  );
}

export function resolveDate(text: string, today: IsoDate): IsoDate {
  if (!isIsoDate(text)) {
    throw new UserError(
      'BAD_ARGUMENT',
      `"${clip(text)}" is not a date.`,
      'Write dates as YYYY-MM-DD, for example 2026-01-20.',
    );
  }
  if (text > today) {
    throw new UserError(
      'BAD_ARGUMENT',
      `${text} is in the future.`,
      `Use a date up to ${today}, or leave the date out for the latest.`,
    );
  }
  return text;
}

/** Shortens an echoed argument so a 5,000-character paste is not sent back whole. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
