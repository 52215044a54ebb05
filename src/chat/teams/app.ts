/**
 * The Microsoft Teams adapter: an `AgentApplication` of the Microsoft 365 Agents SDK behind the SDK's own
 * `/api/messages` handler (JWT validation, then the CloudAdapter), on an Express server.
 *
 * - Personal chats are answered on every message; channels and group chats only when the bot is @mentioned, in
 *   the thread of the message. The request is answered at once; the answer follows through the SDK's
 *   `continueConversation` (as its long-running-message mode does), so a slow or throttled Teams never holds it.
 * - Replies are Adaptive Cards (cards.ts); sends retry 429 (after `Retry-After`), 5xx and network failures with
 *   backoff (deliver.ts); a reply that cannot be delivered is logged, never thrown out of the process.
 * - Every conversation's reference is kept in Redis (`${prefix}:teams:conv:<id>`) so that jobs can post later
 *   with {@link TeamsBot.sendProactive}; a redelivered activity is answered once.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgentApplication, CardFactory, CloudAdapter, createOutboundHostValidator, MessageFactory, type AuthConfiguration, type TurnContext, type TurnState } from '@microsoft/agents-hosting';
import { createAgentRequestHandler } from '@microsoft/agents-hosting-express';
import type { Redis } from 'ioredis';
import type { CommandContext, Registry, Reply } from '../../core/command.ts';
import { SgbotError } from '../../core/errors.ts';
import type { Identity as Asker } from '../../core/identity.ts';
import type { Logger } from '../../log.ts';
import { acknowledgeReminder, DONE_ACTION, snoozeReminder, SNOOZE_ACTION } from '../../reminders/index.ts';
import { runBroadcast } from '../../broadcast/actions.ts';
import { BROADCAST_CANCEL_ACTION, BROADCAST_CONFIRM_ACTION } from '../../broadcast/replies.ts';
import type { ReminderDeps } from '../../reminders/deps.ts';
import type { ChatAction } from '../sender.ts';
import { failureReply } from '../rate-limit.ts';
import { askTeams, type TeamsAskDeps } from './ask.ts';
import { replyToCard, type CardActionData, type CardOptions } from './cards.ts';
import { TeamsDeliveryError, withRetries } from './deliver.ts';
import { messagingServer } from './http.ts';
import { channelOf, conversationKind, identityOf, isAddressedToBot, questionText, tenantOf, toIdentity, zoneOf, type TeamsIdentity } from './incoming.ts';
import type { TeamsSettings } from './settings.ts';
import { TeamsState, type ConversationRef } from './state.ts';
import { RedisStorage } from './storage.ts';

/** What the adapter needs from the services (src/main.ts's `Services` has all of it). */
export interface TeamsDeps {
  registry: Registry;
  context(now: number, tz: string, who?: Asker): CommandContext;
  log: Logger;
  redis: Redis;
  /** Key prefix (`SGBOT_PREFIX`). */
  prefix: string;
  /** Reminders, for the Done and Snooze buttons of reminder cards. */
  reminders?: ReminderDeps;
}

/** A running (or startable) Teams adapter. */
export interface TeamsBot {
  readonly agent: AgentApplication<TurnState>;
  /** Listen on `settings.host:settings.port`; `port` is the port actually bound. */
  start(): Promise<{ port: number }>;
  /** Stop receiving, let answers in progress finish (up to `graceMs`, default 10 s), then give up their retries. */
  stop(graceMs?: number): Promise<void>;
  /**
   * Post `reply` as a new message in a conversation sgbot has been reached in (reminders, broadcasts). Rejects with
   * `E_NOT_FOUND` for an unknown conversation and with a `TeamsDeliveryError` when Teams would not take it.
   */
  sendProactive(conversationId: string, reply: Reply, actions?: ChatAction[]): Promise<void>;
}

type SdkReference = Parameters<CloudAdapter['continueConversation']>[1];
type Identity = TurnContext['identity'];

/**
 * Build the Teams adapter. Nothing listens until {@link TeamsBot.start}.
 *
 * @example
 *   const bot = createTeamsApp({ settings: teamsSettingsFrom(teamsEnv(config)), deps: { ...services, prefix: config.SGBOT_PREFIX } });
 *   await bot.start();
 */
export function createTeamsApp(opts: { settings: TeamsSettings; deps: TeamsDeps; now?: () => number }): TeamsBot {
  const { settings, deps } = opts;
  const log = deps.log.child({ component: 'teams' });
  const state = new TeamsState(deps.redis, deps.prefix);
  const cardOptions: CardOptions = settings.docUrl ? { docUrl: settings.docUrl } : {};
  const shutdown = new AbortController();

  const authConfig: AuthConfiguration = settings.anonymous
    ? {}
    : { clientId: settings.clientId ?? undefined, clientSecret: settings.clientSecret ?? undefined, tenantId: settings.tenantId ?? undefined };
  // With credentials, also check that each activity's serviceUrl matches its token and is a Microsoft host: stored
  // references are later used to post, so they must not point anywhere else.
  const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: !settings.anonymous }, createOutboundHostValidator({ enabled: !settings.anonymous }));
  const agent = new AgentApplication<TurnState>({ adapter, storage: new RedisStorage(deps.redis, deps.prefix), removeRecipientMention: false, startTypingTimer: false });

  const askDeps: TeamsAskDeps = {
    registry: deps.registry,
    context: (now, tz, who) => deps.context(now, tz, who),
    state,
    now: opts.now ?? Date.now,
    rateLimitPerMinute: settings.rateLimitPerMinute,
  };

  const inflight = new Set<Promise<unknown>>();
  function track<T>(p: Promise<T>): Promise<T> {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  }

  /** `reply` as a message holding its Adaptive Card. */
  function cardMessage(reply: Reply, actions?: ChatAction[]) {
    const { card, summary } = replyToCard(reply, actions?.length ? { ...cardOptions, actions } : cardOptions);
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = summary;
    return activity;
  }

  /** Send `reply` as an Adaptive Card in the conversation of `ctx`, with retries. */
  async function deliver(ctx: TurnContext, reply: Reply, reqLog: Logger, actions?: ChatAction[]): Promise<void> {
    const activity = cardMessage(reply, actions);
    await withRetries(() => ctx.sendActivity(activity), {
      policy: settings.retry,
      signal: shutdown.signal,
      onRetry: (r) => reqLog.warn({ attempt: r.attempt, status: r.status, waitMs: r.waitMs }, `Teams did not take the reply (${r.reason}); retrying`),
    });
  }

  /** Run `logic` in the conversation of `reference` and pass its failure on (the SDK would hand it to onTurnError). */
  async function inConversation(identity: Identity, reference: SdkReference, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: { err: unknown } | null = null;
    await adapter.continueConversation(identity, reference, async (ctx) => {
      try {
        await logic(ctx);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw (failure as { err: unknown }).err;
  }

  function logFailure(reqLog: Logger, err: unknown, ref: string): void {
    if (err instanceof TeamsDeliveryError) reqLog.error({ err: err.message, status: err.status, attempts: err.attempts, ref }, 'Teams reply could not be delivered');
    else reqLog.error({ err, ref }, 'Teams request failed');
  }

  /** Answer one question after the request has been acknowledged. */
  async function answerLater(job: { identity: Identity; reference: SdkReference; who: TeamsIdentity; text: string; tz: string; reqLog: Logger }): Promise<void> {
    const { reqLog } = job;
    const ref = randomBytes(4).toString('hex');
    try {
      await inConversation(job.identity, job.reference, async (ctx) => {
        try {
          const res = await askTeams(askDeps, job.who, job.text, job.tz);
          if (res.kind === 'limited' && !res.notify) return reqLog.info('rate limited (already told)');
          await deliver(ctx, res.reply, reqLog, actionsOf(res.reply));
          if (res.kind === 'limited') reqLog.info('rate limited');
          else reqLog.info({ cmd: res.command, ok: res.reply.ok, tz: job.tz }, 'answered');
        } catch (err) {
          logFailure(reqLog, err, ref);
          // A reply Teams would not take cannot carry the apology either.
          if (!(err instanceof TeamsDeliveryError)) await deliver(ctx, failureReply(err, ref), reqLog).catch((e: Error) => reqLog.error({ err: e.message, ref }, 'could not tell the user either'));
        }
      });
    } catch (err) {
      logFailure(reqLog, err, ref);
    }
  }

  /**
   * Keep the reference of the conversation of `ctx` (refreshed on every activity: its serviceUrl may change); for a
   * channel thread, also that of the channel itself, where subscriptions of the channel post new threads.
   */
  async function remember(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    if (!a.conversation?.id || !a.serviceUrl || !a.recipient) return;
    const reference = a.getConversationReference() as unknown as ConversationRef;
    const stored = { reference, tenantId: tenantOf(a), kind: conversationKind(a), updatedAt: new Date().toISOString() };
    await state.saveConversation(stored);
    const channel = channelOf(a);
    if (channel && channel !== a.conversation.id) await state.saveConversation({ ...stored, reference: { ...reference, conversation: { ...reference.conversation, id: channel } } });
  }

  agent.onActivity('message', async (ctx) => {
    const a = ctx.activity;
    const conversationId = a.conversation?.id ?? '';
    const who = identityOf(a, !settings.anonymous);
    const reqLog = log.child({ activityId: a.id, conversation: conversationId, kind: conversationKind(a), user: who.userId, tenant: who.tenantId });
    await remember(ctx);
    // A button of a reminder card (Done, Snooze): Teams sends its data as the value of a message with no text.
    const pressed = buttonData(a.value);
    if (pressed) {
      if (a.id && !(await state.claimActivity(conversationId, a.id))) return reqLog.info('duplicate Teams button press ignored');
      const tz = zoneOf(a, settings.defaultTz);
      void track(inConversation(ctx.identity, a.getConversationReference(), (later) => pressButton(later, pressed, who, tz, reqLog)).catch((err: unknown) => logFailure(reqLog, err, 'button')));
      return;
    }
    if (!isAddressedToBot(a)) {
      reqLog.info('Teams message not addressed to sgbot (no @mention); ignored');
      return;
    }
    if (a.id && !(await state.claimActivity(conversationId, a.id))) {
      reqLog.info('duplicate Teams activity ignored');
      return;
    }
    const job = { identity: ctx.identity, reference: a.getConversationReference(), who, text: questionText(a), tz: zoneOf(a, settings.defaultTz), reqLog };
    void track(answerLater(job));
  });

  /**
   * Do what a card's button asks — a reminder's Done or Snooze, a broadcast preview's Confirm or Cancel (as the user
   * who pressed it, so the secretariat check applies to them) — and answer with the outcome or why it cannot be done.
   */
  async function pressButton(ctx: TurnContext, pressed: CardActionData, who: TeamsIdentity, tz: string, reqLog: Logger): Promise<void> {
    const ref = randomBytes(4).toString('hex');
    let reply: Reply;
    try {
      if (pressed.sgbotAction === BROADCAST_CONFIRM_ACTION || pressed.sgbotAction === BROADCAST_CANCEL_ACTION) {
        const identity = toIdentity(who);
        const id = pressed.token.trim().toLowerCase();
        reply = await runBroadcast({ ...deps.context(opts.now?.() ?? Date.now(), tz, identity), who: identity }, { action: pressed.sgbotAction === BROADCAST_CONFIRM_ACTION ? 'confirm' : 'cancel', id });
      } else {
        if (!deps.reminders) throw new SgbotError('E_CONFIG', 'Reminders are not set up in this Teams bot.');
        const run = pressed.sgbotAction === DONE_ACTION ? acknowledgeReminder : snoozeReminder;
        reply = (await run(deps.reminders, pressed.token, `teams:${who.userId}`)).reply;
      }
      reqLog.info({ action: pressed.sgbotAction, ok: reply.ok }, 'card button');
    } catch (err) {
      reqLog.warn({ err: (err as Error).message, action: pressed.sgbotAction }, 'card button failed');
      reply = failureReply(err, ref);
    }
    await deliver(ctx, reply, reqLog).catch((err: unknown) => logFailure(reqLog, err, ref));
  }

  agent.onActivity('conversationUpdate', async (ctx) => {
    const a = ctx.activity;
    const botRemoved = (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
    if (botRemoved && a.conversation?.id) await state.deleteConversation(a.conversation.id);
    else await remember(ctx);
  });

  agent.onActivity('installationUpdate', async (ctx) => {
    const a = ctx.activity;
    if (String(a.action ?? '').startsWith('remove') && a.conversation?.id) await state.deleteConversation(a.conversation.id);
    else await remember(ctx);
  });

  // Failures of the request's own turn (Redis down while keeping the reference…): log, apologise once, answer 200.
  adapter.onTurnError = async (ctx, err) => {
    const ref = randomBytes(4).toString('hex');
    log.error({ err, ref, activityId: ctx.activity.id, conversation: ctx.activity.conversation?.id }, 'Teams request failed');
    if (ctx.activity.type !== 'message') return;
    await ctx.sendActivity(cardMessage(failureReply(err, ref))).catch((e: Error) => log.error({ err: e.message, ref }, 'could not tell the user either'));
  };

  const server = messagingServer(createAgentRequestHandler(agent, authConfig), settings.path, log);

  return {
    agent,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(settings.port, settings.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const port = (server.address() as AddressInfo).port;
      log.info({ port, path: settings.path, auth: settings.anonymous ? 'anonymous (development/test only)' : 'JWT' }, 'Teams adapter listening');
      return { port };
    },
    async stop(graceMs = 10_000) {
      if (server.listening) await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      const grace = new AbortController();
      await Promise.race([Promise.allSettled([...inflight]), sleep(graceMs, undefined, { signal: grace.signal, ref: false }).catch(() => undefined)]);
      grace.abort();
      shutdown.abort();
      await Promise.allSettled([...inflight]);
    },
    async sendProactive(conversationId, reply, actions) {
      const stored = await state.loadConversation(conversationId);
      if (!stored) throw new SgbotError('E_NOT_FOUND', `No Teams conversation "${conversationId}" is known: sgbot must have been installed there, or messaged there, first.`);
      const reqLog = log.child({ kind: 'proactive', conversation: conversationId });
      const identity: Identity = settings.clientId ? CloudAdapter.createIdentity(settings.clientId) : {};
      await track(
        inConversation(identity, stored.reference as unknown as SdkReference, (ctx) => {
          // The SDK gives a continuation activity a random id when the reference has none, and would send a reply to
          // it; without an id the post is a new message of the conversation (POST …/activities).
          ctx.activity.id = undefined;
          return deliver(ctx, reply, reqLog, actions);
        }),
      );
      reqLog.info({ ok: reply.ok }, 'posted');
    },
  };
}

const BUTTONS: ReadonlySet<string> = new Set([DONE_ACTION, SNOOZE_ACTION, BROADCAST_CONFIRM_ACTION, BROADCAST_CANCEL_ACTION]);

/** The data of an sgbot card button in an activity's value, or `null`. */
function buttonData(value: unknown): CardActionData | null {
  if (!value || typeof value !== 'object') return null;
  const { sgbotAction, token } = value as Record<string, unknown>;
  if (typeof sgbotAction !== 'string' || !BUTTONS.has(sgbotAction) || typeof token !== 'string' || !token) return null;
  return { sgbotAction, token };
}

/** The buttons a reply offers (`data.actions`, as a broadcast preview's Confirm and Cancel), if any. */
function actionsOf(reply: Reply): ChatAction[] | undefined {
  const actions = (reply.data as { actions?: unknown } | null | undefined)?.actions;
  if (!Array.isArray(actions)) return undefined;
  return actions.filter((a): a is ChatAction => typeof a === 'object' && a !== null && BUTTONS.has(String((a as ChatAction).id)) && typeof (a as ChatAction).value === 'string');
}
