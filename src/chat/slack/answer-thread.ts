/**
 * The inside of a Slack answer thread (answer-threads.ts starts them): builds its own services through the entry's
 * `build`, then answers each slash command, mention or DM it is handed exactly as the app would on its own loop
 * (slash-answer.ts), posting to the response_url over its own kept-alive connections, or in the message's thread. What it logs about an answer goes back with the
 * answer's end; on `stop` it closes its services and says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { webApi } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { CommandContext, Registry } from '../../core/command.ts';
import type { Identity } from '../../core/identity.ts';
import { createLogger, type Logger } from '../../log.ts';
import { requestSink } from '../inbound.ts';
import type { AnswerThreadInit, FromThread, LogRecord, ToThread } from './answer-threads.ts';
import { boltLogger } from './bolt-logger.ts';
import { responseUrlPoster } from './response-url.ts';
import { answerMessage, answerSlashCommand, consoleLinker, type AnswerLog, type PostMessage, type SlashAnswerer } from './slash-answer.ts';
import { SlackDeliveryError } from './response-url.ts';
import { SlackState } from './state.ts';
import { userZones } from './zones.ts';

/** What a thread answers with: the same registry and context the process builds for itself. */
export interface AnswerThreadServices {
  registry: Registry;
  context(now: number, tz: string, who?: Identity): CommandContext;
  redis: Redis;
  /** Key prefix the services use (must be the app's). */
  prefix: string;
  log?: Logger;
  close(): Promise<void>;
}

/** An error as plain data that survives the trip to the other thread. */
function plainError(err: Error): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) extra[k] = v;
  return { ...extra, errorClass: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
}

/** A logger that keeps what is logged, for the acking side to log under the request. */
function recorder(): AnswerLog & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const keep = (level: LogRecord['level']) => (obj: object | string, msg?: string) => {
    const o = typeof obj === 'object' && obj !== null && 'err' in obj && (obj).err instanceof Error ? { ...obj, err: plainError((obj as { err: Error }).err) } : obj;
    records.push({ level, obj: o, ...(msg === undefined ? {} : { msg }) });
  };
  return { records, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** Where the Redis of `redis` is. */
function whereIs(redis: Redis): { host: string; port: number; db: number } {
  const o = redis.options;
  return { host: o.host ?? '127.0.0.1', port: o.port ?? 6379, db: o.db ?? 0 };
}

/**
 * Serve answers in this worker thread with the services `build(data, app)` makes (`data`: the spec's `data`; `app`:
 * the app's key prefix, which the services must use).
 *
 * @example serveSlackAnswers(async () => ({ registry, context, redis, prefix, close: () => redis.quit().then(() => undefined) }));
 */
export function serveSlackAnswers(build: (data: unknown, app: { prefix: string }) => Promise<AnswerThreadServices>): void {
  const port = parentPort;
  if (!port) throw new Error('serveSlackAnswers runs in a worker thread (answer-threads.ts)');
  const init = workerData as AnswerThreadInit;
  const send = (m: FromThread) => port.postMessage(m);
  void (async () => {
    let services: AnswerThreadServices;
    try {
      services = await build(init.data, { prefix: init.prefix });
    } catch (err) {
      send({ type: 'failed', message: `could not build the services: ${(err as Error).message}` });
      return;
    }
    const where = whereIs(services.redis);
    if (services.prefix !== init.prefix || where.host !== init.redis.host || where.port !== init.redis.port || where.db !== init.redis.db) {
      await services.close().catch(() => undefined);
      send({ type: 'failed', message: `the thread's services use ${where.host}:${where.port}/${where.db} prefix ${services.prefix}, not the app's` });
      return;
    }
    const { settings } = init;
    const log = (services.log ?? createLogger('silent')).child({ component: 'slack' });
    const state = new SlackState(services.redis, init.prefix);
    // As app.ts: lookups fail fast, a missing zone must not delay an answer.
    const lookup = new webApi.WebClient(settings.botToken, { slackApiUrl: settings.slackApiUrl, logger: boltLogger(services.log ?? createLogger('silent')), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: settings.lookupTimeoutMs });
    const postToResponseUrl = responseUrlPoster({ retry: settings.retry });
    // As Bolt's own client in app.ts: posts retry with backoff and wait out 429s.
    const retryConfig = { retries: settings.retry.retries, factor: 2, minTimeout: settings.retry.minTimeoutMs, maxTimeout: settings.retry.maxTimeoutMs, randomize: true };
    const web = new webApi.WebClient(settings.botToken, { slackApiUrl: settings.slackApiUrl, logger: boltLogger(services.log ?? createLogger('silent')), retryConfig, rejectRateLimitedCalls: false, timeout: 10_000 });
    const postMessage: PostMessage = (args) => web.chat.postMessage(args);
    const answerer: SlashAnswerer = {
      askDeps: {
        registry: services.registry,
        context: (now, tz, who) => services.context(now, tz, who),
        state,
        zoneOf: userZones({ client: lookup, state, fallback: settings.defaultTz, log }),
        now: Date.now,
        rateLimitPerMinute: settings.rateLimitPerMinute,
      },
      state,
      blockOptions: settings.docUrl ? { docUrl: settings.docUrl } : {},
      postToResponseUrl,
      sink: requestSink<AnswerLog>({ what: 'Slack request', undeliverable: (err) => err instanceof SlackDeliveryError || String((err as { code?: unknown }).code).startsWith('slack_') }),
      consoleUrlOf: consoleLinker(init.publicUrl),
    };
    port.on('message', (m: ToThread) => {
      if (m.type === 'answer') {
        const rec = recorder();
        const { job } = m;
        void (job.surface === 'slash' ? answerSlashCommand(answerer, job, rec) : answerMessage(answerer, postMessage, job, rec)).then(() => {
          try {
            send({ type: 'done', id: m.id, logs: rec.records });
          } catch {
            // Something logged is not cloneable: its JSON is.
            send({ type: 'done', id: m.id, logs: JSON.parse(JSON.stringify(rec.records)) as LogRecord[] });
          }
        });
      } else if (m.type === 'stop') {
        void (async () => {
          await answerer.sink.settle();
          postToResponseUrl.close();
          await services.close().catch(() => undefined);
          send({ type: 'stopped' });
        })();
      }
    });
    send({ type: 'ready' });
  })();
}
