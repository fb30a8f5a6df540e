import { type Command, defineCommand, type OptionSpec, publicReply } from '../src/command/command.ts';
import type { Document } from '../src/domain/document.ts';
import { deepFreeze } from '../src/domain/memo.ts';

/**
 * A constant answer, frozen all the way down like a warm /yield's, so its renderings are kept with it
 * as theirs are and the transport-alone side is a true floor.
 */
const CONSTANT_ANSWER: Document = deepFreeze({
  title: 'JGB 40Y 3.743%',
  blocks: [{ kind: 'text', text: '3.743%' }],
  footer: [],
});

/**
 * A /yield that answers the constant: the cost of a transport alone. `options` are the ones the
 * transport needs declared (Discord builds the command text from them; Slack needs none).
 */
export function constantYield(options: readonly OptionSpec[] = []): Command {
  return defineCommand({
    name: 'yield',
    summary: 'constant',
    usage: '/yield',
    examples: [],
    options,
    run: async () => publicReply(CONSTANT_ANSWER),
  });
}
