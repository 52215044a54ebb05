/**
 * Slack path: slash commands per second and their p99 (until the ack's HTTP response) through sgbot's Slack adapter
 * (`createSlackApp`: Bolt's HTTPReceiver, signature check, replay guard, rate limit, then the answer posted to the
 * response_url) ÷ a bare Bolt app on the same HTTPReceiver whose handler acks and posts a fixed answer to the
 * response_url. autocannon, 50 connections, signed requests, and the fake Slack Web API run in a child process
 * (slack-client.ts), so the load generator takes no CPU from the app's event loop. sgbot answers from a store of
 * 1,000 documents; users' zones come from the fake's users.info. Reported separately: the ack's p99 (HTTP response)
 * and the answer's p99 (from a request sent to its response_url post; each request has its own response_url), and
 * answers per second until the last one arrived. The ack-only Bolt app of earlier runs is kept as information.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { defaultRegistry } from '../commands/index.ts';
import { answerCacheOf } from '../src/chat/answer-cache.ts';
import { createSlackApp, defaultAnswerThreads } from '../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../src/chat/slack/settings.ts';
import type { CommandContext } from '../src/core/command.ts';
import { createLogger } from '../src/log.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { Roster } from '../src/people/roster.ts';
import { BulkStore } from './bulk.ts';
import type { BenchEnv } from './env.ts';
import type { BenchAnswerData } from './slack-answer-entry.ts';
import { BOT_TOKEN, type LoadRequest, type LoadResult } from './slack-client.ts';
import { infoRow, maxRow, ratioRow, round, type FigureResult } from './util.ts';

const SECRET = 'b0e1d2c3b4a5968778695a4b3c2d1e0fbe7c0000';
const CONNECTIONS = 50;
const USERS = 500;

class Client {
  private readonly child: ChildProcess;
  private waiting: ((m: unknown) => void) | null = null;
  constructor() {
    this.child = fork(join(import.meta.dirname, 'slack-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m) => this.waiting?.(m));
  }
  next<T>(): Promise<T> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`slack bench client exited (${code})`));
      this.child.once('exit', onExit);
      this.waiting = (m) => {
        this.child.off('exit', onExit);
        this.waiting = null;
        resolve(m as T);
      };
    });
  }
  async load(req: Omit<LoadRequest, 'type' | 'secret' | 'connections' | 'users'>): Promise<LoadResult> {
    const answer = this.next<LoadResult>();
    this.child.send({ type: 'run', secret: SECRET, connections: CONNECTIONS, users: USERS, ...req } satisfies LoadRequest);
    return answer;
  }
  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' });
    await exited;
  }
}

/** A bare Bolt app on the same HTTPReceiver: acks, and with `answer`, then posts a fixed answer to the response_url. */
export async function bareApp(answer: boolean): Promise<{ url: string; stop: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({ receiver, authorize: () => Promise.resolve({ botToken: BOT_TOKEN, botId: 'B0BOT', botUserId: 'U0BOT' }), logLevel: LogLevel.ERROR });
  app.command(/^\/[\w-]+$/, async ({ ack, command }) => {
    await ack();
    if (answer) await fetch(command.response_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', text: 'A fixed answer.' }) });
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, stop: () => app.stop().then(() => undefined) };
}

export async function slackFigure(env: BenchEnv): Promise<FigureResult> {
  const durationS = env.quick ? 3 : 10;
  const bulk = new BulkStore(env, 'slack', env.quick ? 100 : 300);
  await bulk.ensure(env.quick ? 300 : 1000);
  const client = new Client();
  const { apiUrl } = await client.next<{ apiUrl: string }>();
  const curated = loadCuratedRoles();
  const settings = slackSettingsFrom({
    SLACK_MODE: 'http',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: '0',
    SLACK_HOST: '127.0.0.1',
    SLACK_API_URL: apiUrl,
    // Every bench user asks many times a minute: the per-user limit (default 20/min) would answer most with a refusal.
    SLACK_RATE_LIMIT: '10000',
  });
  const redis = env.connect();
  const prefix = env.prefix('slack');
  // As sgbot's own services (src/main.ts): the same question asked by many at once is answered once.
  const answers = answerCacheOf(redis, [bulk.store.versionKey(), new Roster(redis, bulk.store.prefix).versionKey()]);
  const context = (now: number, tz: string): CommandContext => ({ store: bulk.store, search: () => Promise.resolve(bulk.index), curated, now, tz, answers });
  // Answers in worker threads, each answering from the same store with the same registry and context.
  const threads = defaultAnswerThreads();
  const answerThreads = { entry: new URL('./slack-answer-entry.ts', import.meta.url), threads, data: { redisUrl: env.redis.url, storePrefix: bulk.store.prefix, prefix } satisfies BenchAnswerData };
  const bot = createSlackApp({ settings, deps: { registry: defaultRegistry(), context, log: createLogger('silent'), redis, prefix, answerThreads } });
  const { port } = await bot.start();
  const oursUrl = `http://127.0.0.1:${port}${settings.path}`;
  const bare = await bareApp(false);
  const fixed = await bareApp(true);
  try {
    env.log(`slack: warming up the three apps`);
    await client.load({ url: bare.url, durationS: 2, expectResponses: false });
    await client.load({ url: fixed.url, durationS: 2, expectResponses: true });
    await client.load({ url: oursUrl, durationS: 2, expectResponses: true });
    env.log(`slack: ack-only Bolt app, ${durationS} s at ${CONNECTIONS} connections`);
    const ackOnly = await client.load({ url: bare.url, durationS, expectResponses: false });
    env.log(`slack: Bolt app posting a fixed answer, ${durationS} s at ${CONNECTIONS} connections`);
    const base = await client.load({ url: fixed.url, durationS, expectResponses: true });
    env.log(`slack: sgbot, ${durationS} s at ${CONNECTIONS} connections`);
    const ours = await client.load({ url: oursUrl, durationS, expectResponses: true });
    // Only answers count: a refusal to answer (E_BUSY, too many waiting) is quick to post and would flatter the rate.
    const answered = ours.lastResponseMs > 0 ? ((ours.responses - ours.busy) * 1000) / ours.lastResponseMs : 0;
    const errors = (r: LoadResult) => (r.non2xx || r.errors || r.timeouts ? `; ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : '');
    const baseAnswered = base.lastResponseMs > 0 ? (base.responses * 1000) / base.lastResponseMs : 0;
    const rows = [
      ratioRow('slack slash commands', round(ours.reqPerSec, 0), round(base.reqPerSec, 0), 'req/s', 0.8, `acks per second (sgbot queues its answers after the ack, the baseline posts before taking the next: compare the answer rows too); ${CONNECTIONS} connections, ${durationS} s, signed, load generator in its own process; baseline: Bolt acking and posting a fixed answer to the response_url; acked ${ours.ok}${errors(ours)}; baseline acked ${base.ok}${errors(base)}`),
      { ...maxRow('slack p99 (ack)', round(ours.p99, 1), 'ms', 50, `p50 ${round(ours.p50, 1)} ms; fixed-answer Bolt p99 ${round(base.p99, 1)} ms, p50 ${round(base.p50, 1)} ms`), baseline: round(base.p99, 1) },
      infoRow('slack p99 (answer at the response_url)', round(ours.answerP99, 1), 'ms', `from each request sent to its answer posted; p50 ${round(ours.answerP50, 1)} ms; fixed-answer Bolt p99 ${round(base.answerP99, 1)} ms, p50 ${round(base.answerP50, 1)} ms`, round(base.answerP99, 1)),
      ratioRow('slack answers (response_url)', round(answered, 0), round(baseAnswered, 0), 'answers/s', 0.9, `${ours.responses - ours.busy} of ${ours.ok} acked commands answered and ${ours.busy} told to ask again (too many waiting; in the ack itself or at the response_url), last ${(ours.lastResponseMs / 1000).toFixed(1)} s after the load began (load lasted ${durationS} s); answers computed in ${threads} worker thread(s); fixed-answer Bolt: ${base.responses} answered`),
      infoRow('slack slash commands vs ack-only Bolt', round(ours.reqPerSec, 0), 'req/s', `earlier baseline, kept as information: ack-only Bolt p99 ${round(ackOnly.p99, 1)} ms`, round(ackOnly.reqPerSec, 0)),
    ];
    return { name: 'slack', rows, details: { ours, baseline: base, ackOnly } };
  } finally {
    await fixed.stop();
    await bare.stop();
    await bot.stop();
    await client.stop();
  }
}
