import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/domain/document.ts';
import { deepFreeze, keptWithFrozen } from '../../src/domain/memo.ts';
import { renderDiscord } from '../../src/render/discord/render-discord.ts';
import { renderSlack } from '../../src/render/slack/render-slack.ts';

const documentOf = (title: string): Document => ({
  title,
  blocks: [{ kind: 'text', text: 'body' }],
  footer: [{ text: 'MOF · as of 2026-04-30' }],
});

describe('keptWithFrozen', () => {
  it('keeps one frozen rendering for a frozen source', () => {
    const store = new WeakMap<object, { n: number }>();
    const source = Object.freeze({});
    let made = 0;
    const first = keptWithFrozen(store, source, () => ({ n: ++made }));
    const second = keptWithFrozen(store, source, () => ({ n: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('renders a one-off source afresh each time and keeps nothing', () => {
    const store = new WeakMap<object, { n: number }>();
    const source = {};
    let made = 0;
    const first = keptWithFrozen(store, source, () => ({ n: ++made }));
    const second = keptWithFrozen(store, source, () => ({ n: ++made }));
    expect(second).not.toBe(first);
    expect(made).toBe(2);
    expect(store.has(source)).toBe(false);
    expect(Object.isFrozen(first)).toBe(false);
  });

  it('is what the renderers use: shared documents share a rendering, one-off documents do not', () => {
    const shared = deepFreeze(documentOf('JGB 40Y 3.743%'));
    expect(renderSlack(shared)).toBe(renderSlack(shared));
    expect(renderDiscord(shared)).toBe(renderDiscord(shared));
    const once = documentOf('JGB 40Y 3.743%');
    expect(renderSlack(once)).not.toBe(renderSlack(once));
    expect(renderSlack(once)).toEqual(renderSlack(shared));
    expect(renderDiscord(once)).toEqual(renderDiscord(shared));
  });
});
