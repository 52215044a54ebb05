/**
 * The Slack adapter: a Bolt app in HTTP mode (signed requests) or Socket Mode (app token), chosen by settings.
 *
 * - Slash commands are acknowledged at once, then answered through `response_url`, ephemeral, with a "Share in
 *   channel" button; mentions and DMs are answered in their thread with chat.postMessage.
 * - Answers are computed in worker threads when the app is given an entry to build them with (answer-threads.ts),
 *   so that the loop acking Slack's requests only checks, acks and hands over; on its own loop otherwise.
 * - Events are handled once per `event_id` (Slack retries them); replayed HTTP requests get 401 (http-guard.ts).
 * - Web API calls retry with backoff and honour 429 Retry-After; a reply that cannot be delivered is logged, never
 *   thrown out of the process.
 */
import type { AddressInfo, Server } from 'node:net';
import { availableParallelism } from 'node:os';
import { App, HTTPReceiver, SocketModeReceiver, webApi, type BlockAction, type ButtonAction } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { ActionRegistry } from '../../core/actions.ts';
import type { CommandContext, CommandMetrics, Registry, Reply } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import type { Logger } from '../../log.ts';
import { pressAction, requestSink, type InboundDeps } from '../inbound.ts';
import { answer } from '../router.ts';
import { actionIdPattern, slackActionHandler } from './actions.ts';
import { fitSlackMessage, SLACK_LIMITS } from '../limits.ts';
import { answerQueue, type AnswerQueue } from './answer-queue.ts';
import { replayLogs, startAnswerThreads, type AnswerThreads, type AnswerThreadsSpec } from './answer-threads.ts';
import { slackIdentity, type AskDeps } from './ask.ts';
import { boltLogger } from './bolt-logger.ts';
import { replyToBlocks, SHARE_ACTION, LIMITS, type BlockOptions } from './blocks.ts';
import { homeReply, redisFollowedGroups, type FollowedGroups } from './home.ts';
import { guardReplays } from './http-guard.ts';
import { responseUrlPoster, SlackDeliveryError, type FetchFn } from './response-url.ts';
import type { SlackSettings } from './settings.ts';
import { answerMessage, answerSlashCommand, BUSY_REPLY, chatIdentity, consoleLinker, slashPost, threadPost, type AnswerJob, type AnswerLog, type MessageJob, type PostMessage, type SlashAnswerer, type SlashCommandJob } from './slash-answer.ts';
import { SlackState } from './state.ts';
import { userZones } from './zones.ts';

/** What the adapter needs from the services (src/main.ts's `Services` has all of it but `followed`). */
export interface SlackDeps {
  registry: Registry;
  context(now: number, tz: string, who?: Identity): CommandContext;
  log: Logger;
  redis: Redis;
  /** Key prefix (`SGBOT_PREFIX`). */
  prefix: string;
  /** Groups each user follows, for the Home tab; defaults to the Redis sets `${prefix}:follow:slack:${userId}`. */
  followed?: FollowedGroups;
  /** `fetch` for response_url posts. */
  fetch?: FetchFn;
  /** The buttons replies and reminders carry (reminder Done/Snooze, broadcast Confirm/Cancel…), dispatched by id. */
  actions?: ActionRegistry;
  metrics?: CommandMetrics;
  /** The web address (`SGBOT_PUBLIC_URL`): a message too long for Slack links to the console for the rest. */
  publicUrl?: string;
  /**
   * Compute answers (slash commands, mentions, DMs) in worker threads (answer-threads.ts), each building its services
   * with this entry module; without it, or when they cannot start, answers are computed on the app's own event loop.
   */
  answerThreads?: AnswerThreadsSpec;
}

/** A running (or startable) Slack adapter. */
export interface SlackBot {
  readonly app: App;
  /** Listen (HTTP) or connect (Socket Mode). `port` is the HTTP port actually bound, `null` in Socket Mode. */
  start(): Promise<{ port: number | null }>;
  /** Stop receiving, then wait for answers in progress. */
  stop(): Promise<void>;
}

type Post = (message: object) => Promise<void>;

/** Answers worked on at once, and answers that may wait for a turn (see answer-queue.ts). */
export const ANSWER_LIMITS = { inFlight: 4, waiting: 2000 } as const;

/** Answers handed to each answer thread at once (the thread's loop waits on Redis and Slack for most of each). */
export const ANSWERS_PER_THREAD = 128;

/** Answer threads to start by default: one per core beyond the one that acks, one at least, four at most. */
export function defaultAnswerThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/**
 * Build the Slack app. Nothing is contacted until {@link SlackBot.start}: no `auth.test` at construction (the
 * bot's own ids are learned in the background and only used to ignore its own messages).
 *
 * @example
 *   const bot = createSlackApp({ settings: slackSettingsFrom(process.env), deps: { ...services, prefix: services.config.SGBOT_PREFIX } });
 *   await bot.start();
 */
export function createSlackApp(opts: { settings: SlackSettings; deps: SlackDeps; now?: () => number; answerLimits?: { inFlight: number; waiting: number } }): SlackBot {
  const { settings, deps } = opts;
  const answers = answerQueue(opts.answerLimits ?? ANSWER_LIMITS);
  const log = deps.log.child({ component: 'slack' });
  const logger = boltLogger(deps.log);
  const state = new SlackState(deps.redis, deps.prefix);
  const followed = deps.followed ?? redisFollowedGroups(deps.redis, deps.prefix);
  const retryConfig = { retries: settings.retry.retries, factor: 2, minTimeout: settings.retry.minTimeoutMs, maxTimeout: settings.retry.maxTimeoutMs, randomize: true };
  // Lookups (users.info, auth.test) fail fast: a missing zone must not delay an answer.
  const lookup = new webApi.WebClient(settings.botToken, { slackApiUrl: settings.slackApiUrl, logger, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: settings.lookupTimeoutMs });
  const postToResponseUrl = responseUrlPoster({ retry: settings.retry, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const blockOptions: BlockOptions = settings.docUrl ? { docUrl: settings.docUrl } : {};
  /** Where the whole of a shortened reply can be seen: a broadcast's console page, or the console. */
  const consoleUrlOf = consoleLinker(deps.publicUrl);
  /** Answer threads, once started (and when they could be). */
  let threads: AnswerThreads | null = null;
  const threadAnswers = answerQueue({ inFlight: ANSWERS_PER_THREAD * Math.max(1, deps.answerThreads?.threads ?? 1), waiting: (opts.answerLimits ?? ANSWER_LIMITS).waiting });

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (settings.mode === 'http') {
    const http = new HTTPReceiver({ signingSecret: settings.signingSecret ?? '', endpoints: settings.path, logger, signatureVerification: true });
    guardReplays(http, { state, path: settings.path, log });
    receiver = http;
  } else {
    receiver = new SocketModeReceiver({ appToken: settings.appToken ?? '', logger, installerOptions: { clientOptions: { slackApiUrl: settings.slackApiUrl } } });
  }

  let botIds: { botId?: string; botUserId?: string } = {};
  let learning: Promise<void> | null = null;
  const learnBotIds = () => {
    learning ??= lookup.auth
      .test()
      .then((r) => {
        botIds = { ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) };
      })
      .catch((err: Error) => log.warn({ err: err.message }, 'auth.test failed; will try again on the next request'))
      .finally(() => {
        learning = null;
      });
    return learning;
  };

  const app = new App({
    receiver,
    authorize: () => {
      if (!botIds.botUserId) void track(learnBotIds());
      return Promise.resolve({ botToken: settings.botToken, ...botIds });
    },
    logger,
    clientOptions: { slackApiUrl: settings.slackApiUrl, retryConfig, rejectRateLimitedCalls: false, timeout: 10_000 },
    convoStore: false,
  });

  const askDeps: AskDeps = {
    registry: deps.registry,
    context: (now, tz, who) => deps.context(now, tz, who),
    state,
    zoneOf: userZones({ client: lookup, state, fallback: settings.defaultTz, log }),
    now: opts.now ?? Date.now,
    rateLimitPerMinute: settings.rateLimitPerMinute,
  };
  const inbound: InboundDeps = { ...askDeps, ...(deps.actions ? { actions: deps.actions } : {}), ...(deps.metrics ? { metrics: deps.metrics } : {}), countCommand: (user, perMinute) => state.countCommand(user, perMinute) };

  // A reply Slack would not take cannot carry the apology either.
  const sink = requestSink<AnswerLog>({ what: 'Slack request', undeliverable: (err) => err instanceof SlackDeliveryError || String((err as { code?: unknown }).code).startsWith('slack_') });
  const track = sink.track;
  const answerer: SlashAnswerer = { askDeps, state, blockOptions, postToResponseUrl, sink, consoleUrlOf };

  /** Run one request's work; any failure is logged with a reference and, when possible, told to the user. */
  function handle(reqLog: AnswerLog, post: Post | null, work: () => Promise<void>): Promise<void> {
    return sink.handle(reqLog, post ? (reply) => post(replyToBlocks(reply, blockOptions)) : null, work);
  }


  /** Tell the asker that too many answers are waiting. */
  const refuse = (reqLog: AnswerLog, post: Post, queue: AnswerQueue) => async () => {
    reqLog.warn(queue.size, 'too many answers waiting; asked to try again');
    await post(replyToBlocks(BUSY_REPLY, blockOptions)).catch((err: Error) => reqLog.warn({ err: err.message }, 'could not say so either'));
  };

  /** Hand `job` to an answer thread when its turn comes; what the thread logged is logged here, under the request. */
  function answerInThreads(t: AnswerThreads, reqLog: AnswerLog, job: AnswerJob, post: Post): Promise<void> {
    return track(
      threadAnswers.run(async () => {
        try {
          replayLogs(reqLog, await t.answer(job));
        } catch (err) {
          // The thread died with the answer: whether it was posted is unknown, the failure is told.
          await sink.fail(reqLog, err, (reply) => post(replyToBlocks(reply, blockOptions)));
        }
      }, refuse(reqLog, post, threadAnswers)),
    );
  }

  // Slack retries an event it thinks was not received: handle each event id once.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await state.claimEvent(eventId))) {
      log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate Slack event ignored');
      return;
    }
    await next();
  });

  app.command(/^\/[\w-]+$/, async ({ command, ack }) => {
    const reqLog = log.child({ kind: 'command', user: command.user_id, command: command.command, trigger: command.trigger_id });
    // Too many answers waiting: the ack itself says so (an ephemeral message in its body), with no request of its own to
    // Slack taking time from the acks of others.
    const threaded = threads && threads.threads > 0 ? threads : null;
    const queue = threaded ? threadAnswers : answers;
    if (queue.full) {
      reqLog.warn(queue.size, 'too many answers waiting; asked to try again, in the ack');
      await ack(replyToBlocks(BUSY_REPLY, blockOptions));
      return;
    }
    await ack();
    const job: SlashCommandJob = {
      command: command.command,
      text: command.text,
      userId: command.user_id,
      teamId: command.team_id ?? null,
      enterpriseId: command.enterprise_id ?? null,
      channelId: command.channel_id,
      responseUrl: command.response_url,
      now: askDeps.now(),
    };
    if (threaded) return answerInThreads(threaded, reqLog, { surface: 'slash', ...job }, slashPost(answerer, job.responseUrl));
    await track(answers.run(() => answerSlashCommand(answerer, job, reqLog), refuse(reqLog, slashPost(answerer, job.responseUrl), answers)));
  });

  // Every registered button (a reminder's Done and Snooze, a broadcast preview's Confirm and Cancel…), one way.
  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(deps.actions),
    slackActionHandler({
      press: async (who, id, value) => {
        const pressed = await track(pressAction(inbound, who, id, value, settings.defaultTz));
        const reqLog = log.child({ kind: 'button', user: who.id, action: id });
        if (pressed.failure) reqLog.error({ err: pressed.failure.err, ref: pressed.failure.ref }, 'Slack button failed');
        else reqLog.info({ ok: pressed.reply.ok }, 'button');
        return pressed.reply;
      },
      blockOptions,
      log,
    }),
  );

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, async ({ ack, body, action }) => {
    await ack();
    const reqLog = log.child({ kind: 'share', user: body.user.id });
    const post: Post = (message) => postToResponseUrl(body.response_url, message);
    await handle(reqLog, post, async () => {
      const shared = await state.loadShare(action.value ?? '');
      // The question is answered again as it was read: at the time, in the zone and as the person it was asked by (and
      // not as a follow-up of anything: it was read whole).
      const asker = shared && !('reply' in shared) ? slackIdentity(shared.askedBy) : null;
      const again = shared && !('reply' in shared) && asker ? { ...deps.context(shared.now, shared.tz, asker), identity: chatIdentity(shared.askedBy, shared.teamId), who: asker, conversation: undefined } : null;
      const reply = !shared ? null : 'reply' in shared ? shared.reply : again ? (await answer(deps.registry, again, shared.question)).reply : null;
      if (!reply?.ok) {
        await post({ response_type: 'ephemeral', replace_original: false, text: 'This answer can no longer be shared (answers are kept for a day). Please ask again.' });
        return;
      }
      await post({ response_type: 'in_channel', replace_original: false, ...fitSlackMessage(replyToBlocks(reply, { ...blockOptions, sharedBy: body.user.id }), { consoleUrl: consoleUrlOf(reply) }) });
      await post({ delete_original: true }).catch((err: Error) => reqLog.debug({ err: err.message }, 'could not remove the ephemeral answer'));
    });
  });

  /** Answer a mention or a DM in its thread. */
  async function answerInThread(client: webApi.WebClient, kind: string, ev: { user?: string; text?: string; channel: string; ts: string; thread_ts?: string }, teamId: string | null) {
    if (!ev.user) return;
    const reqLog = log.child({ kind, user: ev.user, channel: ev.channel });
    const job: MessageJob = { kind, userId: ev.user, teamId, text: ev.text ?? '', channel: ev.channel, threadTs: ev.thread_ts ?? ev.ts, now: askDeps.now() };
    const postMessage: PostMessage = (args) => client.chat.postMessage(args);
    const post = threadPost(postMessage, job);
    if (threads && threads.threads > 0) return answerInThreads(threads, reqLog, { surface: 'message', ...job }, post);
    await track(answers.run(() => answerMessage(answerer, postMessage, job, reqLog), refuse(reqLog, post, answers)));
  }

  app.event('app_mention', async ({ event, client, context }) => {
    // A mention inside a DM also arrives as a message.im event, answered below.
    if (event.channel.startsWith('D') || event.bot_id) return;
    await answerInThread(client, 'mention', event, context.teamId ?? null);
  });

  app.event('message', async ({ event, client, context }) => {
    const m = event as { subtype?: string; bot_id?: string; channel_type?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id !== undefined) return;
    await answerInThread(client, 'dm', m, context.teamId ?? null);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== undefined && event.tab !== 'home') return;
    const reqLog = log.child({ kind: 'home', user: event.user });
    await handle(reqLog, null, async () => {
      const tz = await askDeps.zoneOf(event.user);
      const reply: Reply = await homeReply(deps.registry, deps.context(askDeps.now(), tz), await followed.get(event.user));
      const { blocks } = fitSlackMessage(replyToBlocks(reply, { ...blockOptions, maxBlocks: LIMITS.homeBlocks }), { maxBlocks: SLACK_LIMITS.homeBlocks, consoleUrl: consoleUrlOf(reply) });
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    });
  });

  app.error((err) => {
    log.error({ err, code: err.code }, 'Slack app error');
    return Promise.resolve();
  });

  return {
    app,
    async start() {
      void track(learnBotIds());
      // The answer threads build their services while the app starts listening.
      const o = deps.redis.options;
      const starting =
        deps.answerThreads && !threads
          ? startAnswerThreads(deps.answerThreads, { settings, prefix: deps.prefix, ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}), redis: { host: o.host ?? '127.0.0.1', port: o.port ?? 6379, db: o.db ?? 0 } }, log)
          : Promise.resolve(threads);
      if (settings.mode === 'http') {
        const [server, started] = await Promise.all([app.start({ port: settings.port, host: settings.host }) as Promise<Server>, starting]);
        threads = started;
        const port = (server.address() as AddressInfo).port;
        log.info({ port, path: settings.path }, 'Slack adapter listening (HTTP mode)');
        return { port };
      }
      [, threads] = await Promise.all([app.start(), starting]);
      log.info('Slack adapter connected (Socket Mode)');
      return { port: null };
    },
    async stop() {
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
      else await app.stop();
      await sink.settle();
      await threads?.stop();
      threads = null;
      postToResponseUrl.close();
    },
  };
}
