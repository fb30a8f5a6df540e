import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../../../src/transports/discord/discord-interaction.ts';
import { commandInteraction } from '../../support/fake-discord-interactions.ts';

const minimal = { id: '1', application_id: '2', type: 2, token: 'tok' };

describe('parseInteraction: what briefbot reads of an interaction payload', () => {
  it('keeps the fields briefbot reads and drops the rest', () => {
    const payload = {
      ...minimal,
      version: 1,
      locale: 'en-GB',
      guild_id: '10',
      channel_id: '20',
      channel: { id: '20', type: 0, name: 'rates-desk' },
      member: { permissions: '32', roles: ['r1'], user: { id: 'u1', username: 'trader' }, nick: 'T' },
      data: {
        id: '99',
        name: 'yield',
        type: 1,
        options: [
          { name: 'market', type: 3, value: 'us' },
          { name: 'tenor', type: 3, value: '10y', focused: true },
        ],
      },
    };
    expect(parseInteraction(payload)).toEqual({
      ...minimal,
      guild_id: '10',
      channel_id: '20',
      channel: { id: '20', type: 0 },
      member: { permissions: '32', roles: ['r1'], user: { id: 'u1' } },
      data: {
        name: 'yield',
        options: [
          { name: 'market', type: 3, value: 'us' },
          { name: 'tenor', type: 3, value: '10y', focused: true },
        ],
      },
    });
  });

  it('reads the payloads the fake Discord sends, subcommands included', () => {
    const parsed = parseInteraction(
      JSON.parse(JSON.stringify(commandInteraction('alert', [{ name: 'list', type: 1, options: [] }]))),
    );
    expect(parsed?.data?.name).toBe('alert');
    expect(parsed?.data?.options?.[0]).toMatchObject({ name: 'list', type: 1 });
  });

  it('takes numbers and booleans as option values', () => {
    const parsed = parseInteraction({
      ...minimal,
      data: {
        name: 'x',
        options: [
          { name: 'n', type: 10, value: 4.2 },
          { name: 'b', type: 5, value: false },
        ],
      },
    });
    expect(parsed?.data?.options?.map((o) => o.value)).toEqual([4.2, false]);
  });

  it.each([
    ['not an object', 'hello'],
    ['an array', [minimal]],
    ['null', null],
    ['no id', { ...minimal, id: undefined }],
    ['no token', { application_id: '2', id: '1', type: 2 }],
    ['a numeric id', { ...minimal, id: 1 }],
    ['a type as text', { ...minimal, type: '2' }],
    ['a null optional field', { ...minimal, guild_id: null }],
    ['a channel without a type', { ...minimal, channel: { id: '20' } }],
    ['roles that are not text', { ...minimal, member: { roles: [1] } }],
    [
      'an option value that is an object',
      { ...minimal, data: { options: [{ name: 'a', type: 3, value: {} }] } },
    ],
    ['an option without a name', { ...minimal, data: { options: [{ type: 3, value: 'x' }] } }],
    [
      'options nested deeper than Discord nests them',
      {
        ...minimal,
        data: {
          options: [
            {
              name: 'a',
              type: 2,
              options: [
                {
                  name: 'b',
                  type: 2,
                  options: [
                    {
                      name: 'c',
                      type: 1,
                      options: [{ name: 'd', type: 1, options: [{ name: 'e', type: 3 }] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    ],
  ])('refuses %s', (_, payload) => {
    expect(parseInteraction(payload)).toBeUndefined();
  });
});
