/**
 * The action contract: what a button does. Each button of sgbot (a reminder's Done and Snooze, a broadcast
 * preview's Confirm and Cancel) is one {@link ActionSpec}, declared with {@link defineAction} beside its feature and
 * listed once (`ACTIONS` in src/main.ts). A reply offers it as a {@link ReplyAction} (id, label, value); every
 * platform renders that natively and, when it is pressed, dispatches it the same way (src/chat/inbound.ts): look the
 * id up here, run it as the person who pressed it, answer with its reply.
 */
import type { CommandContext, Reply } from './command.ts';
import type { Identity } from './identity.ts';

export type { ReplyAction } from './command.ts';

/** What an action runs with: the command context of the person who pressed, who is always known. */
export type ActionContext = CommandContext & { who: Identity };

/** One button's behaviour. */
export interface ActionSpec {
  /** The id a reply's {@link ReplyAction} carries (Slack `action_id`, Teams `sgbotAction`): `[a-z0-9_]+`. */
  id: string;
  /** What it does, for the documentation and logs. */
  summary: string;
  /**
   * Do it for `ctx.who` with the value the button carried (a signed token, a broadcast id) and say how it went.
   * Throw an `SgbotError` for what the person can fix; anything else is logged with a reference.
   */
  run(ctx: ActionContext, value: string): Promise<Reply>;
}

/** Declare an action. */
export function defineAction(spec: ActionSpec): ActionSpec {
  return spec;
}

/** Actions by id. */
export interface ActionRegistry {
  readonly list: readonly ActionSpec[];
  get(id: string): ActionSpec | undefined;
}

const ACTION_ID = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The registry of `specs`.
 *
 * @throws Error when an id is malformed or given twice (a programming error, caught by the tests).
 */
export function createActionRegistry(specs: readonly ActionSpec[]): ActionRegistry {
  const byId = new Map<string, ActionSpec>();
  for (const spec of specs) {
    if (!ACTION_ID.test(spec.id)) throw new Error(`Action id "${spec.id}" must be lower-case letters, digits and _.`);
    if (byId.has(spec.id)) throw new Error(`Action "${spec.id}" is defined twice.`);
    byId.set(spec.id, spec);
  }
  return { list: [...byId.values()], get: (id) => byId.get(id) };
}
