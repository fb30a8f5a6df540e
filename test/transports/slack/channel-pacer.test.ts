import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../../src/transports/slack/channel-pacer.ts';
import { createManualClock } from './manual-clock.ts';

describe('channel pacer', () => {
  it('lets the first message to a channel go at once', async () => {
    const clock = createManualClock();
    const pacer = createChannelPacer({ intervalMs: 1_000, clock });
    await pacer.wait('C1');
    expect(clock.sleeps).toEqual([]);
  });

  it('spaces messages to one channel a second apart, in call order', async () => {
    const clock = createManualClock();
    const pacer = createChannelPacer({ intervalMs: 1_000, clock });
    const sent: string[] = [];
    for (const label of ['a', 'b', 'c']) void pacer.wait('C1').then(() => sent.push(label));
    await clock.advance(0);
    expect(sent).toEqual(['a']);
    await clock.advance(999);
    expect(sent).toEqual(['a']);
    await clock.advance(1);
    expect(sent).toEqual(['a', 'b']);
    await clock.advance(1_000);
    expect(sent).toEqual(['a', 'b', 'c']);
  });

  it('does not make one channel wait for another', async () => {
    const clock = createManualClock();
    const pacer = createChannelPacer({ intervalMs: 1_000, clock });
    await pacer.wait('C1');
    await pacer.wait('C2');
    expect(clock.sleeps).toEqual([]);
  });

  it('needs no wait once the interval has passed', async () => {
    const clock = createManualClock();
    const pacer = createChannelPacer({ intervalMs: 1_000, clock });
    await pacer.wait('C1');
    await clock.advance(1_500);
    await pacer.wait('C1');
    expect(clock.sleeps).toEqual([]);
  });
});
