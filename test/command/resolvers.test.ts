import { describe, expect, it } from 'vitest';
import { resolveTenor } from '../../src/command/resolvers.ts';
import { UserError } from '../../src/errors.ts';

describe('reading a tenor', () => {
  it('takes the unit in any spelling, and whole years in months as the year point', () => {
    expect(resolveTenor('40y', 'jp', '/yield <tenor>')).toBe('40y');
    expect(resolveTenor('10 years', 'jp', '/yield <tenor>')).toBe('10y');
    expect(resolveTenor('1.5m', 'us', '/yield us <tenor>')).toBe('1.5m');
    expect(resolveTenor('12m', 'us', '/yield us <tenor>')).toBe('1y');
    expect(resolveTenor('24 months', 'us', '/yield us <tenor>')).toBe('2y');
  });

  it('says what to type when the unit is missing or the point does not exist', () => {
    expect(() => resolveTenor('40', 'jp', '/yield <tenor>')).toThrow(UserError);
    try {
      resolveTenor('40', 'jp', '/yield <tenor>');
    } catch (error) {
      expect((error as UserError).hint).toContain('Try /yield 40y.');
    }
    expect(() => resolveTenor('18m', 'jp', '/yield <tenor>')).toThrow(/no 18M/i);
  });
});
