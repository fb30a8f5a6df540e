import { createInterface } from 'node:readline';
import type { Briefbot } from '../app.ts';
import { briefFor } from '../briefing/brief-for.ts';
import type { Caller } from '../command/command.ts';
import { dispatch } from '../command/dispatch.ts';
import { renderText } from '../render/render-text.ts';

/** The console is a manager of its own channel, `console`. */
export const CONSOLE_CALLER: Caller = {
  platform: 'console',
  userId: 'console',
  channelId: 'console',
  isManager: true,
};

/**
 * The transport used when no platform is configured: prints the morning brief, then answers one
 * command per input line until input ends.
 */
export async function runConsoleTransport(
  bot: Briefbot,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const now = new Date();
  const fired = await bot.alerts.firedSince('console', 'console', new Date(now.getTime() - 86_400_000));
  const { document } = await briefFor({
    market: bot.market,
    timeZone: bot.config.TZ_DEFAULT,
    now: () => now,
    sigmaWindowDays: bot.config.SIGMA_WINDOW_DAYS,
    alertsSince: fired.map((f) => ({ text: f.text, firedAt: new Date(f.firedAt) })),
    summarize: (snapshot, template) => bot.summariseBrief({ snapshot, template }),
  });
  output.write(`${renderText(document)}\n\n`);
  output.write('Type a command such as /yield 40y, or /help. End input (Ctrl-D) to quit.\n');
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { reply } = await dispatch(line, bot.commands, bot.contextFor(CONSOLE_CALLER));
    output.write(`${renderText(reply.document)}\n\n`);
  }
}
