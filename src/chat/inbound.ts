/**
 * The one inbound pipeline of every chat platform: a question is counted against the asker's rate limit, read in
 * their zone, routed through the command router (src/chat/router.ts, which counts it in the metrics) and answered;
 * a button press is looked up in the action registry (src/core/actions.ts) and run as the person who pressed it.
 * Failures go to one error sink: logged with a short reference, and told to the user with that reference when the
 * platform can still take a reply. A platform adapter does the transport (verify, ack, render, post) around it.
 */
import { randomBytes } from 'node:crypto';
import type { ActionRegistry } from '../core/actions.ts';
import { noAnswer, type CommandContext, type CommandMetrics, type Registry, type Reply } from '../core/command.ts';
import { isSgbotError } from '../core/errors.ts';
import type { Identity } from '../core/identity.ts';
import { answer } from './router.ts';
import { failureReply, rateLimitedReply, type RateCount } from './rate-limit.ts';

/** The logging the pipeline needs. */
interface SinkLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the pipeline is built with. */
export interface InboundDeps {
  registry: Registry;
  /** The buttons it dispatches; none when absent. */
  actions?: ActionRegistry;
  /** A command context for one request. */
  context(now: number, tz: string, who?: Identity): CommandContext;
  now(): number;
  rateLimitPerMinute: number;
  /** Count one command of `userId` (the platform keeps the counter: `<prefix>:<platform>:rate:<user>`). */
  countCommand(userId: string, perMinute: number): Promise<RateCount>;
  metrics?: CommandMetrics;
}

export type AskResult =
  /** `read`: the question answered as read ({@link Answered}); `now`: the time it was answered at. */
  | { kind: 'answer'; command: string | null; reply: Reply; tz: string; read: string | null; now: number }
  /** Over the limit: `notify` is true once per window, so that chatty users get one notice, not one per message. */
  | { kind: 'limited'; reply: Reply; notify: boolean };

/**
 * Answer `text` for `who` (the platform's user id is `who.id`), in `tz` (or the zone `tz()` finds, looked up only
 * once the request is allowed). `extra` is merged into the command context (a platform's own details of the asker).
 */
export async function askCommand(deps: InboundDeps, who: Identity, text: string, tz: string | (() => Promise<string>), extra: object = {}): Promise<AskResult> {
  const count = await deps.countCommand(who.id, deps.rateLimitPerMinute);
  if (!count.allowed) return { kind: 'limited', reply: rateLimitedReply(count, deps.rateLimitPerMinute), notify: count.firstRefusal };
  const zone = typeof tz === 'string' ? tz : await tz();
  const now = deps.now();
  const base = deps.context(now, zone, who);
  const ctx = { ...base, ...(deps.metrics && !base.metrics ? { metrics: deps.metrics } : {}), ...extra, who };
  const { command, reply, read } = await answer(deps.registry, ctx, text);
  return { kind: 'answer', command, reply, tz: zone, read, now };
}

/** The result of a press: the reply, and the reference of an unexpected failure (logged by the caller). */
export interface Pressed {
  reply: Reply;
  failure?: { ref: string; err: unknown };
}

/**
 * Run the action `id` with `value` for `who`, in `tz`. An unknown id or a failure becomes a reply (an `SgbotError`
 * in its own words, anything else with a reference); a press is counted like a command named `action:<id>`.
 */
export async function pressAction(deps: Pick<InboundDeps, 'actions' | 'context' | 'now' | 'metrics'>, who: Identity, id: string, value: string, tz: string): Promise<Pressed> {
  const started = performance.now();
  const ctx = deps.context(deps.now(), tz, who);
  const metrics = ctx.metrics ?? deps.metrics;
  const record = (outcome: string) => metrics?.commandAnswered(`action:${id}`, who.channel, outcome, (performance.now() - started) / 1000);
  const spec = deps.actions?.get(id);
  if (!spec) {
    record('E_UNKNOWN_COMMAND');
    return { reply: noAnswer('E_USAGE', 'This button is not one sgbot knows (it may come from an older version). Please use the command instead; /help lists them.') };
  }
  try {
    const reply = await spec.run({ ...ctx, who }, value);
    record(reply.ok ? 'ok' : (reply.code ?? 'error'));
    return { reply };
  } catch (err) {
    record('error');
    const ref = newRef();
    return { reply: failureReply(err, ref), ...(isSgbotError(err) ? {} : { failure: { ref, err } }) };
  }
}

/** A short reference for a failure, given to the user and logged. */
export function newRef(): string {
  return randomBytes(4).toString('hex');
}

/**
 * The requests a platform has in progress, and the error sink around each: `handle` runs one request's work; a
 * failure is logged with a reference and, unless `undeliverable(err)` says the platform would not take a reply,
 * told to the user through `apologise`. `settle` waits for all of them (on stop).
 */
export function requestSink<L extends SinkLog>(opts: { what: string; undeliverable?: (err: unknown) => boolean; logFailure?: (reqLog: L, err: unknown, ref: string) => void }) {
  const inflight = new Set<Promise<unknown>>();
  function track<T>(p: Promise<T>): Promise<T> {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  }
  /** Log `err` with a new reference; tell the user through `apologise` when they can still be told. */
  async function fail(reqLog: L, err: unknown, apologise: ((reply: Reply) => Promise<unknown>) | null): Promise<string> {
    const ref = newRef();
    if (opts.logFailure) opts.logFailure(reqLog, err, ref);
    else reqLog.error({ err, ref }, `${opts.what} failed`);
    if (apologise && !opts.undeliverable?.(err)) await apologise(failureReply(err, ref)).catch((e: Error) => reqLog.error({ err: e.message, ref }, 'could not tell the user either'));
    return ref;
  }
  return {
    track,
    fail,
    async handle(reqLog: L, apologise: ((reply: Reply) => Promise<unknown>) | null, work: () => Promise<void>): Promise<void> {
      try {
        await track(work());
      } catch (err) {
        await fail(reqLog, err, apologise);
      }
    },
    /** Wait for every request in progress. */
    settle: () => Promise.allSettled([...inflight]).then(() => undefined),
    get size() {
      return inflight.size;
    },
  };
}

export type RequestSink<L extends SinkLog = SinkLog> = ReturnType<typeof requestSink<L>>;
