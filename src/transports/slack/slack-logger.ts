import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';

type SlackLogger = webApi.Logger;
type SlackLogLevel = ReturnType<SlackLogger['getLevel']>;

/**
 * The Slack SDKs log through their own four-method interface; this routes them into our structured
 * log so Bolt and WebClient messages carry the same fields (and redaction) as everything else.
 */
export function slackLogger(log: Logger, name = 'slack'): SlackLogger {
  let child = log.child({ component: name });
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : String(p))).join(' ');
  return {
    // Bolt logs several debug lines per request: with debug off, none is formatted.
    debug: (...parts: unknown[]) => {
      if (child.isLevelEnabled('debug')) child.debug(text(parts));
    },
    info: (...parts: unknown[]) => child.info(text(parts)),
    warn: (...parts: unknown[]) => child.warn(text(parts)),
    error: (...parts: unknown[]) => child.error(text(parts)),
    // Our level is set once from LOG_LEVEL; the SDKs may ask but do not get to change it.
    setLevel: () => undefined,
    getLevel: () => toSlackLevel(log.level),
    setName: (next: string) => {
      child = log.child({ component: next });
    },
  };
}

function toSlackLevel(level: string): SlackLogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return 'debug' as SlackLogLevel;
    case 'info':
      return 'info' as SlackLogLevel;
    case 'warn':
      return 'warn' as SlackLogLevel;
    default:
      return 'error' as SlackLogLevel;
  }
}
