/*
 * Which numbers a summary may contain, and where they may come from.
 *
 * The model writes words and placeholders; code fills in every figure. So the model's own words may
 * hold no number at all, with one exception: the names of tenors and spreads, which are names, not
 * figures ("the 40-year", "UST 10Y", "2s10s", "40年債"). The rules, applied to the model's words
 * after Unicode NFKC normalisation (so full-width ４０ and superscripts count as digits):
 *
 * 1. A tenor name is allowed when its number is a real tenor (1–10, 15, 20, 25, 30, 40 years; 1,
 *    1.5, 2, 3, 4, 6 months) and it is written as one: `40-year`, `40 year`, `40yr`, `40Y`,
 *    `forty-year`, `3-month`, `2s10s`, `40年債`/`40年物`/`10年金利`/`10年利回り`, `3カ月物`. Not when
 *    it is followed by high, low, record, peak, ago and the like: "a 25-year high" is a claim
 *    about history, which only a `*_highest_since` fact may make. "10 years" (plural) is a span.
 * 2. Any other digit, in any script, is a number the model made up.
 * 3. So are English number words from two upward (two, ten, forty, hundred, million, dozen,
 *    third, twice, half, halved…), "one" before a unit ("one basis point"), and runs of kanji
 *    numerals or a kanji numeral before a counter (二日, 三倍, 五割, 十八). "One" alone and 一
 *    alone are allowed: they are pronouns and idioms far more often than figures.
 *
 * Then, after the figures are filled in, every number left in the text (tenor names aside) must be
 * one of the fact sheet's formatted figures: a second, independent check that nothing but the
 * fact sheet put a number there.
 */

const YEAR_TENORS: ReadonlySet<string> = new Set([
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '15',
  '20',
  '25',
  '30',
  '40',
]);
const MONTH_TENORS: ReadonlySet<string> = new Set(['1', '1.5', '2', '3', '4', '6']);
const SPELLED_YEARS: Readonly<Record<string, string>> = {
  one: '1',
  two: '2',
  three: '3',
  five: '5',
  seven: '7',
  ten: '10',
  fifteen: '15',
  twenty: '20',
  'twenty-five': '25',
  thirty: '30',
  forty: '40',
};

/** What turns a tenor name into a claim about history. */
const HISTORY_WORDS =
  /^[\s-]*(?:highs?|lows?|peaks?|records?|troughs?|best|worst|ago|stretch|span|run|period|streak|old)\b/i;

const TENOR_PATTERNS: readonly {
  readonly pattern: RegExp;
  readonly valid: (m: RegExpMatchArray) => boolean;
}[] = [
  {
    pattern: /(?<![\p{N}.,])(\d+)(?:-|\s)?(?:year|yr)(?!\p{L})/giu,
    valid: (m) => YEAR_TENORS.has(m[1] ?? ''),
  },
  { pattern: /(?<![\p{N}.,])(\d+)y(?![\p{L}\p{N}])/giu, valid: (m) => YEAR_TENORS.has(m[1] ?? '') },
  {
    pattern: /(?<![\p{N}.,])(\d+(?:\.\d+)?)(?:-|\s)?(?:month|mo)(?!\p{L})/giu,
    valid: (m) => MONTH_TENORS.has(m[1] ?? ''),
  },
  {
    pattern: /(?<![\p{N}.,])(\d+)s(\d+)s(?![\p{L}\p{N}])/giu,
    valid: (m) => YEAR_TENORS.has(m[1] ?? '') && YEAR_TENORS.has(m[2] ?? ''),
  },
  {
    pattern:
      /\b(one|two|three|five|seven|ten|fifteen|twenty-five|twenty|thirty|forty)-(?:year|yr)(?!\p{L})/giu,
    valid: (m) => (m[1] ?? '').toLowerCase() in SPELLED_YEARS,
  },
  {
    pattern: /\b(one|two|three|four|six)-month(?!\p{L})/giu,
    valid: () => true,
  },
  { pattern: /(?<![\p{N}.,])(\d+)年(?=国債|債|物|金利|利回り)/gu, valid: (m) => YEAR_TENORS.has(m[1] ?? '') },
  {
    pattern: /(?<![\p{N}.,])(\d+(?:\.\d+)?)(?:か|カ|ヶ|ケ|ヵ)月(?=物|債)/gu,
    valid: (m) => MONTH_TENORS.has(m[1] ?? ''),
  },
];

/** Marks what tenor names are replaced by: no digits, and no letters that could join a word. */
const TENOR_MARK = '\u2039T\u203a';

/** The text with every allowed tenor or spread name replaced by a mark, NFKC-normalised. */
export function maskTenorNames(text: string): string {
  let masked = text.normalize('NFKC');
  for (const { pattern, valid } of TENOR_PATTERNS) {
    let out = '';
    let from = 0;
    for (const match of masked.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (!valid(match) || HISTORY_WORDS.test(masked.slice(end))) continue;
      out += masked.slice(from, match.index) + TENOR_MARK;
      from = end;
    }
    masked = out + masked.slice(from);
  }
  return masked;
}

const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|hundredth|twice|thrice|half|halved|doubled|tripled|quadrupled)\b/i;
const ONE_UNIT =
  /\bone[\s-]+(?:basis|bps?\b|percent|per cent|percentage|points?\b|sigma|standard|tenth|hundredth|%|σ)/i;
const KANJI_NUMERALS =
  /[〇二三四五六七八九十百千万億兆][〇一二三四五六七八九十百千万億兆]*(?=[%％倍割日週年月回度連桁件円ドルbpベσ])|[〇一二三四五六七八九十百千万億兆]{2,}/u;

/**
 * The first number the model wrote itself in `words` (its text between placeholders), or
 * undefined when there is none. Tenor names are not numbers (see the rules above).
 */
export function inventedNumber(words: string): string | undefined {
  const masked = maskTenorNames(words);
  return (
    /\p{N}+(?:[.,]\p{N}+)*/u.exec(masked)?.[0] ??
    NUMBER_WORDS.exec(masked)?.[0] ??
    ONE_UNIT.exec(masked)?.[0] ??
    KANJI_NUMERALS.exec(masked)?.[0]
  );
}

/** Every number in a text as a reader would see it ("4,012.50", "18.0", "1999"), tenor names aside. */
export function numberTokens(text: string): string[] {
  return [...maskTenorNames(text).matchAll(/\p{N}+(?:[.,]\p{N}+)*/gu)].map((m) => m[0]);
}
