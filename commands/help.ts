import { type Command, defineCommand, privateReply } from '../src/command/command.ts';
import { clip } from '../src/command/resolvers.ts';
import type { Block } from '../src/domain/document.ts';
import { UserError } from '../src/errors.ts';

/** `/help` lists the registry it is given, so it can never drift from the commands that exist. */
export function createHelpCommand(registry: () => readonly Command[]): Command {
  return defineCommand({
    name: 'help',
    summary: 'What each command does, with examples.',
    usage: '/help [command]',
    examples: ['/help', '/help yield'],
    options: [{ name: 'command', description: 'A command name', required: false, autocomplete: true }],
    async run(text) {
      const wanted = text.trim().replace(/^\//, '').toLowerCase();
      const commands = registry();
      if (wanted !== '') {
        const command = commands.find((c) => c.name === wanted);
        if (!command) {
          throw new UserError(
            'BAD_ARGUMENT',
            `There is no /${clip(wanted)} command.`,
            `Commands: ${commands.map((c) => `/${c.name}`).join(', ')}`,
          );
        }
        return privateReply({
          title: `/${command.name}`,
          blocks: [
            { kind: 'heading', text: command.usage },
            { kind: 'text', text: command.summary },
            { kind: 'bullets', items: command.examples },
          ],
          footer: [],
        });
      }
      const blocks: Block[] = [
        {
          kind: 'bullets',
          items: commands.map((c) => `${c.usage}: ${c.summary} Example: ${c.examples[0] ?? c.usage}`),
        },
        { kind: 'text', text: 'Type /help <command> for more examples.', tone: 'muted' },
      ];
      return privateReply({ title: 'briefbot commands', blocks, footer: [] });
    },
  });
}
