import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { MAX_SUGGESTIONS, suggest } from '../../../src/transports/discord/autocomplete.ts';

const sources = {
  registry: COMMANDS,
  templates: async () => ['close', 'five-things', 'morning', 'morning.ja'],
};
const typing = (name: string, value: string) => ({ name, type: 3, value, focused: true });

describe('Discord autocomplete', () => {
  it('suggests JGB tenors by default, starting with what was typed', async () => {
    const choices = await suggest(typing('tenor', '4'), [], sources);
    expect(choices.map((c) => c.value)).toEqual(['4y', '40y']);
  });

  it('suggests Treasury tenors once the market is us', async () => {
    const choices = await suggest(typing('tenor', ''), [{ name: 'market', type: 3, value: 'us' }], sources);
    expect(choices.map((c) => c.value)).toContain('1.5m');
    expect(choices.map((c) => c.value)).not.toContain('40y');
  });

  it('finds assets by their aliases and labels', async () => {
    expect((await suggest(typing('asset', 'ripple'), [], sources)).map((c) => c.value)).toEqual(['xrp']);
    expect((await suggest(typing('asset', 'crude'), [], sources)).map((c) => c.name)).toEqual([
      'WTI crude (wti)',
      'Brent crude (brent)',
    ]);
  });

  it('suggests IANA time zones, at most 25', async () => {
    const choices = await suggest(typing('zone', 'tokyo'), [], sources);
    expect(choices.map((c) => c.value)).toEqual(['Asia/Tokyo']);
    expect(await suggest(typing('zone', 'a'), [], sources)).toHaveLength(MAX_SUGGESTIONS);
  });

  it('suggests headline topics, templates and command names', async () => {
    expect((await suggest(typing('topic', 'g'), [], sources)).map((c) => c.value)).toContain('gold');
    expect((await suggest(typing('template', 'mor'), [], sources)).map((c) => c.value)).toEqual([
      'morning',
      'morning.ja',
    ]);
    expect((await suggest(typing('command', 'yi'), [], sources)).map((c) => c.value)).toEqual(['yield']);
  });

  it('suggests nothing for an option it knows no list for', async () => {
    expect(await suggest(typing('rule', 'above'), [], sources)).toEqual([]);
  });
});
