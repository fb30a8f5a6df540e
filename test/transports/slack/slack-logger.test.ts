import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/logger.ts';
import { slackLogger } from '../../../src/transports/slack/slack-logger.ts';

function capture(level: string) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

/** A part that counts how often it is turned into text. */
function counted() {
  const part = {
    formatted: 0,
    toString() {
      part.formatted += 1;
      return 'body';
    },
  };
  return part;
}

describe('slackLogger', () => {
  it('formats no debug message while debug is off', async () => {
    const { log, lines } = capture('info');
    const part = counted();
    slackLogger(log, 'bolt').debug('ack() call begins', part);
    await new Promise((resolve) => setImmediate(resolve));
    expect(part.formatted).toBe(0);
    expect(lines).toEqual([]);
  });

  it('writes debug messages as one text with the component when debug is on', async () => {
    const { log, lines } = capture('debug');
    const part = counted();
    slackLogger(log, 'bolt').debug('ack() call begins', part);
    await new Promise((resolve) => setImmediate(resolve));
    expect(part.formatted).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ component: 'bolt', msg: 'ack() call begins body' });
  });
});
