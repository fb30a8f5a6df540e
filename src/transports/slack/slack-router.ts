import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from '@slack/bolt';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;
export type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

export interface SlackRoutes {
  /** Every slash command: the handler looks the command up in the registry. */
  readonly command: (args: CommandArgs) => Promise<void>;
  /** Buttons and other block actions, by `action_id`. */
  readonly actions: ReadonlyMap<string, (args: ActionArgs) => Promise<void>>;
  /** An action no route names: a button from an older version of a message. */
  readonly unknownAction: (args: ActionArgs) => Promise<void>;
  /** View submissions, by the view's `callback_id`. */
  readonly views: ReadonlyMap<string, (args: ViewArgs) => Promise<void>>;
}

/**
 * Routes every Slack request to its handler from one global middleware, instead of registering a
 * Bolt listener per command, button and form. Bolt runs each listener's middleware chain on every
 * request (a fresh copy of the arguments at every step), so with a listener per route the cost of
 * answering `/yield` grew with the number of routes; here it is one lookup. Payload types we do not
 * route (events, shortcuts, options) go on to Bolt's listeners, of which there are none, and Bolt's
 * usual "not acknowledged" handling applies.
 */
export function slackRouter(routes: SlackRoutes): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if ('command' in args && args.command) return routes.command(args);
    if ('action' in args && args.action) {
      const id = 'action_id' in args.action ? args.action.action_id : undefined;
      const handler = (id === undefined ? undefined : routes.actions.get(id)) ?? routes.unknownAction;
      return handler(args);
    }
    if ('view' in args && args.view) {
      const handler = routes.views.get(args.view.callback_id);
      if (handler) return handler(args);
    }
    await args.next();
  };
}
