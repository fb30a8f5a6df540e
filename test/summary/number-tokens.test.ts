import { describe, expect, it } from 'vitest';
import { inventedNumber, numberTokens } from '../../src/summary/number-tokens.ts';

describe('numbers the model may write itself', () => {
  it.each([
    'The 40-year led the selloff',
    'the 40 year yield',
    'UST 10Y and JGB 40Y',
    'the 10yr',
    'the forty-year and the ten-year',
    'the twenty-five-year',
    'the 3-month bill and the 1.5-month bill',
    'the 2s10s curve steepened while 30s40s flattened',
    '40年債利回りが上昇し、10年金利も上昇',
    '3カ月物',
    'One of the sharpest days for the long end',
  ])('allows tenor and spread names: "%s"', (words) => {
    expect(inventedNumber(words)).toBeUndefined();
  });

  it.each([
    ['gold fell 50%', '50'],
    ['a 25-year high for the 10-year', '25'],
    ['a 10-year low', '10'],
    ['the highest in 10 years', '10'],
    ['the 11-year', '11'],
    ['the 40-year rose １８ bp', '18'],
    ['since ²⁰', '20'],
    ['a six-sigma day', 'six'],
    ['nearly twenty basis points', 'twenty'],
    ['the third straight day', 'third'],
    ['yields doubled', 'doubled'],
    ['up one basis point', 'one basis'],
    ['三日連続で上昇', '三'],
    ['十八ベーシス', '十八'],
    ['30年ぶりの高水準', '30'],
    ['10年', '10'],
    ['in 2026', '2026'],
  ])('rejects "%s" (finds %s)', (words, found) => {
    expect(inventedNumber(words)).toBe(found);
  });
});

describe('number tokens of a final text', () => {
  it('reads figures as a reader sees them and leaves tenor names out', () => {
    expect(
      numberTokens('The 40-year rose +18.0 bp to 3.901%; gold 4,671.25 (+0.45%), highest since Feb 5, 1999'),
    ).toEqual(['18.0', '3.901', '4,671.25', '0.45', '5', '1999']);
  });
});
