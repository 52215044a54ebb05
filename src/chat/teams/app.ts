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
import type { ActionRegistry } from '../../core/actions.ts';
import type { CommandContext, CommandMetrics, Registry, Reply, ReplyAction } from '../../core/command.ts';
import { SgbotError } from '../../core/errors.ts';
import type { Identity as Asker } from '../../core/identity.ts';
import type { Logger } from '../../log.ts';
import { newRef, pressAction, requestSink, type InboundDeps } from '../inbound.ts';
import { failureReply } from '../rate-limit.ts';
import { askTeams, type TeamsAskDeps } from './ask.ts';
import { replyToCard, type CardActionData, type CardOptions } from './cards.ts';
import { TeamsDeliveryError, withRetries } from './deliver.ts';
import { messagingApp } from './http.ts';
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
  /** The buttons cards carry (reminder Done/Snooze, broadcast Confirm/Cancel…), dispatched by id. */
  actions?: ActionRegistry;
  metrics?: CommandMetrics;
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
  sendProactive(conversationId: string, reply: Reply, actions?: ReplyAction[]): Promise<void>;
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

  const inbound: InboundDeps = { ...askDeps, ...(deps.actions ? { actions: deps.actions } : {}), ...(deps.metrics ? { metrics: deps.metrics } : {}), countCommand: (user, perMinute) => state.countCommand(user, perMinute) };
  const sink = requestSink<Logger>({ what: 'Teams request', undeliverable: (err) => err instanceof TeamsDeliveryError, logFailure: (reqLog, err, ref) => logFailure(reqLog, err, ref) });
  const track = sink.track;

  /** `reply` as a message holding its Adaptive Card. */
  function cardMessage(reply: Reply, actions?: ReplyAction[]) {
    const { card, summary } = replyToCard(reply, actions?.length ? { ...cardOptions, actions } : cardOptions);
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.summary = summary;
    return activity;
  }

  /** Send `reply` as an Adaptive Card in the conversation of `ctx`, with retries. */
  async function deliver(ctx: TurnContext, reply: Reply, reqLog: Logger, actions?: ReplyAction[]): Promise<void> {
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
    try {
      await inConversation(job.identity, job.reference, (ctx) =>
        // The one error sink: logged with a reference; told to the user unless Teams would not take a reply.
        sink.handle(reqLog, (reply) => deliver(ctx, reply, reqLog), async () => {
          const res = await askTeams(askDeps, job.who, job.text, job.tz);
          if (res.kind === 'limited' && !res.notify) return reqLog.info('rate limited (already told)');
          await deliver(ctx, res.reply, reqLog, actionsOf(res.reply));
          if (res.kind === 'limited') reqLog.info('rate limited');
          else reqLog.info({ cmd: res.command, ok: res.reply.ok, tz: job.tz }, 'answered');
        }),
      );
    } catch (err) {
      logFailure(reqLog, err, newRef());
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
    // A card's button (a reminder's Done, a preview's Confirm…): Teams sends its data as the value of a message with no text.
    const pressed = buttonData(a.value, deps.actions);
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
   * Do what a card's button asks, as the user who pressed it (so that, say, the secretariat check of a broadcast's
   * Confirm applies to them), through the one inbound pipeline, and answer with the outcome or why it cannot be done.
   */
  async function pressButton(ctx: TurnContext, pressed: CardActionData, who: TeamsIdentity, tz: string, reqLog: Logger): Promise<void> {
    const { reply, failure } = await pressAction(inbound, toIdentity(who), pressed.sgbotAction, pressed.token, tz);
    if (failure) reqLog.error({ err: failure.err, ref: failure.ref, action: pressed.sgbotAction }, 'card button failed');
    else reqLog.info({ action: pressed.sgbotAction, ok: reply.ok }, 'card button');
    await deliver(ctx, reply, reqLog).catch((err: unknown) => logFailure(reqLog, err, failure?.ref ?? 'button'));
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

  const http = messagingApp(createAgentRequestHandler(agent, authConfig), settings.path, log);

  return {
    agent,
    async start() {
      await http.listen({ port: settings.port, host: settings.host });
      const port = (http.server.address() as AddressInfo).port;
      log.info({ port, path: settings.path, auth: settings.anonymous ? 'anonymous (development/test only)' : 'JWT' }, 'Teams adapter listening');
      return { port };
    },
    async stop(graceMs = 10_000) {
      if (http.server.listening) {
        const closed = http.close();
        http.server.closeAllConnections();
        await closed;
      }
      const grace = new AbortController();
      await Promise.race([sink.settle(), sleep(graceMs, undefined, { signal: grace.signal, ref: false }).catch(() => undefined)]);
      grace.abort();
      shutdown.abort();
      await sink.settle();
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

/** The data of a registered action's card button in an activity's value, or `null`. */
function buttonData(value: unknown, actions: ActionRegistry | undefined): CardActionData | null {
  if (!value || typeof value !== 'object') return null;
  const { sgbotAction, token } = value as Record<string, unknown>;
  if (typeof sgbotAction !== 'string' || !actions?.get(sgbotAction) || typeof token !== 'string' || !token) return null;
  return { sgbotAction, token };
}

/** The buttons a reply offers (a broadcast preview's Confirm and Cancel), if any. */
function actionsOf(reply: Reply): ReplyAction[] | undefined {
  return reply.actions?.length ? reply.actions : undefined;
}
