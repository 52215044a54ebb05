/**
 * The chat-platform contract. A platform (Slack, Teams, the generic webhook) is one folder under src/chat/ exporting
 * a {@link ChatPlatform} and one line in the platform list (src/chat/platforms.ts). Everything else reaches it through
 * this contract and treats its id as data: roster identities are `{ [platformId]: id }`, reminder recipients and
 * broadcast targets are `<platformId>:<id>` keys, metrics and health are labelled by the id.
 *
 * Declared here, in src/core, so that the platforms depend on the contract and nothing depends on a platform.
 */
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { ActionRegistry, ReplyAction } from './actions.ts';
import type { CommandContext, CommandMetrics, Registry, Reply } from './command.ts';
import type { Identity } from './identity.ts';
import { SgbotError } from './errors.ts';

/** Where to post: a platform and an id there (a Slack user or channel id, a Teams conversation, a webhook channel). */
export interface ChatTarget {
  /** The platform id (`slack`, `teams`, `webhook`). */
  channel: string;
  id: string;
}

/** The key form of a target: `slack:C0123`, `teams:19:abc…`. */
export function chatTargetKey(t: ChatTarget): string {
  return `${t.channel}:${t.id}`;
}

/** A failed post: `retryAfterMs` when the platform asked to slow down; `permanent` when retrying cannot help. */
export class ChatDeliveryError extends SgbotError {
  constructor(
    message: string,
    readonly permanent: boolean,
    retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super('E_CHAT_DELIVERY', message, { ...options, retryAfterMs });
    this.name = 'ChatDeliveryError';
  }

  /** A refusal for good (an unknown channel, a 403) will not change; anything else may. */
  override get retryable(): boolean {
    return !this.permanent;
  }
}

/**
 * What makes a post findable after a crash. A worker killed while its post is in flight cannot know whether the
 * platform took it; the next try looks for the message by this key before posting again.
 */
export interface DeliveryRef {
  /** Stable id of the delivery (`<broadcastId>/<targetKey>`, `<jobId>/<channel>`); the message carries it. */
  key: string;
  /**
   * When the first try of this delivery whose outcome is unknown began (epoch ms), or `null` on a first try. Given,
   * the sender first looks for a message with `key` posted since then, and returns it instead of posting again.
   */
  earlierTryAt: number | null;
}

/**
 * What a look-up for an earlier try's message gave: `found` (nothing was posted now), `absent` (posted now), or
 * `unchecked` when the sender cannot look (no history scope, a channel the bot is not in, a platform without a way
 * to find it: Teams) and posted now as it always did.
 */
export type EarlierTry = 'found' | 'absent' | 'unchecked';

/** Posts replies to chat targets (reminders, broadcasts, digests). */
export interface ChatSender {
  /** Which platforms (ids) this sender can reach. */
  readonly channels: readonly string[];
  /**
   * Post `reply` to `target` with its buttons (`opts.actions`, else `reply.actions`); returns the platform's message
   * id. Throws {@link ChatDeliveryError}.
   *
   * With `opts.delivery` the message carries the delivery key, and with `delivery.earlierTryAt` an earlier try's
   * message is looked for first: when found, its id is returned (`earlier: 'found'`) and nothing is posted. The
   * look-up is part of `post` (not a method of its own) so that every wrapper that forwards `post` keeps it.
   * Senders that cannot look (Teams) ignore `delivery` and post: a try killed in flight may then repeat.
   */
  post(target: ChatTarget, reply: Reply, opts?: { actions?: ReplyAction[]; delivery?: DeliveryRef }): Promise<{ messageId: string | null; earlier?: EarlierTry }>;
}

/** The logging a platform needs (src/log.ts's pino logger has it). */
export interface PlatformLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): PlatformLogger;
}

/**
 * How a platform's people and channels are written. A platform user maps to a roster person by `person.chat[<platform
 * id>]` (the roster indexes it as the identity key `<platform id>:<user id>`, src/core/identity.ts); channels are
 * checked by `channel` when they are broadcast targets or subscribers.
 */
export interface PlatformIdentity {
  /** A person's id there (`U0123ABCD`), and an example for messages. */
  user: { pattern: RegExp; example: string };
  /**
   * A channel a broadcast or a subscription can post to (`C0123ABCD`), an example, what the platform calls it
   * (`channel`, `conversation`) and, for a wrong one, where to find the right id.
   */
  channel: { pattern: RegExp; example: string; noun: string; hint?: string };
}

/** Settings as text, by variable name (the environment, `.env`). */
export type SettingsEnv = Readonly<Record<string, string | undefined>>;

/**
 * A platform's settings: its variables as zod fields, each checked on its own with a message that says where to find
 * its value (composed into the one settings schema when sgbot loads its settings), and how to read them together.
 */
export interface PlatformSettings<S> {
  /** The platform's own variables and their checks. */
  fields: Record<string, z.ZodType<string | undefined>>;
  /** Whether the settings ask for this platform at all (its token, secret or URL is given). */
  configured(env: SettingsEnv): boolean;
  /**
   * The platform's settings from the variables (its own, and the shared `SGBOT_TZ`, `SGBOT_DOC_URL`…); checks what
   * depends on several of them. Throws an `E_CONFIG` `SgbotError` listing every problem.
   */
  parse(env: SettingsEnv): S;
}

/** What a started platform is given (src/main.ts's services have all of it). */
export interface PlatformContext {
  registry: Registry;
  actions: ActionRegistry;
  /** A command context for one request, for `who`. */
  context(now: number, tz: string, who?: Identity): CommandContext;
  log: PlatformLogger;
  redis: Redis;
  /** Key prefix (`SGBOT_PREFIX`). */
  prefix: string;
  /** The web address (`SGBOT_PUBLIC_URL`). */
  publicUrl?: string;
  /** Zone when the platform does not say the user's. */
  defaultTz: string;
  metrics?: CommandMetrics;
  now?: () => number;
}

/** A platform receiving requests. */
export interface RunningPlatform {
  /** One line for the start banner: where it listens. */
  describe: string;
  /** The port it listens on, `null` when it does not listen (Slack's Socket Mode). */
  port: number | null;
  /** Stop receiving and let answers in progress finish. */
  stop(): Promise<void>;
}

/** One chat platform. */
export interface ChatPlatform<S = unknown> {
  /** Its id: the key prefix of its targets (`webhook:ops`), the field of roster identities, a metrics label. */
  id: string;
  /** Its name in messages (`Slack`). */
  label: string;
  /** What `sgbot <id>` runs, and where its settings come from: the help of that command. */
  help?: { description: string; settings: string };
  settings: PlatformSettings<S>;
  identity: PlatformIdentity;
  /** Receive requests (commands, button presses) and answer them. */
  start(settings: S, ctx: PlatformContext): Promise<RunningPlatform>;
  /**
   * A sender that posts to this platform from any process (a worker's reminder or broadcast job), when `env` has what
   * posting needs (it may need less than receiving: Slack posts with its bot token alone); `null` otherwise.
   */
  sender(env: SettingsEnv, ctx: PlatformContext): ChatSender | null;
}

/** Declare a platform with its settings type inferred. */
export function definePlatform<S>(platform: ChatPlatform<S>): ChatPlatform<S> {
  return platform;
}

/** How each platform writes a channel (its identity's `channel`, with its `label`), by platform id. */
export type ChannelRules = Readonly<Record<string, PlatformIdentity['channel'] & { label: string }>>;

/** The platforms sgbot knows, by id. */
export interface PlatformRegistry {
  readonly list: ReadonlyArray<ChatPlatform<unknown>>;
  get(id: string): ChatPlatform<unknown> | undefined;
  readonly ids: readonly string[];
}

/** Ids that are not platforms: the other kinds of recipient and identity. */
const RESERVED = new Set(['person', 'mail', 'cli', 'web', 'system', 'lists']);

/**
 * The registry of `platforms`.
 *
 * @throws Error for an id that is malformed, reserved or given twice (a programming error).
 */
export function createPlatformRegistry(platforms: ReadonlyArray<ChatPlatform<unknown>>): PlatformRegistry {
  const byId = new Map<string, ChatPlatform<unknown>>();
  for (const p of platforms) {
    if (!/^[a-z][a-z0-9-]{1,30}$/.test(p.id) || RESERVED.has(p.id)) throw new Error(`Platform id "${p.id}" must be lower-case letters, digits and -, and not one of ${[...RESERVED].join(', ')}.`);
    if (byId.has(p.id)) throw new Error(`Platform "${p.id}" is registered twice.`);
    byId.set(p.id, p);
  }
  return { list: [...byId.values()], get: (id) => byId.get(id), ids: [...byId.keys()] };
}

/** `slack:C0123` → a target when `slack` is one of `platformIds`; `null` for `person:…`, `mail:…` or another. */
export function parseChatTarget(key: string, platformIds: readonly string[]): ChatTarget | null {
  const i = key.indexOf(':');
  if (i <= 0 || i === key.length - 1) return null;
  const channel = key.slice(0, i);
  return platformIds.includes(channel) ? { channel, id: key.slice(i + 1) } : null;
}
