/**
 * `sgbot start` (`npm start`): the whole bot in one process. With no IMAP, SMTP, Slack or Teams settings it runs the
 * demo on this machine: the Redis at REDIS_URL or a private redis-server, a sample inbox written for the current
 * week, a demo roster, the worker, the web console, and a chat console in the terminal. With settings it runs the
 * real thing: worker (IMAP), web, and the Slack and Teams apps whose settings are given.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { loadConfig, platformEnv, redactUrl, type Config } from '../config.ts';
import { configuredPlatforms, PLATFORMS } from '../chat/platforms.ts';
import type { Identity } from '../core/identity.ts';
import { writeSampleInbox, sampleDates, SAMPLE_DIR } from '../embedded/sample.ts';
import { DEFAULT_REDIS_URL, isDefaultRedisUrl, resolveRedis, type ResolvedRedis } from '../embedded/redis.ts';
import { ingestPaths, type IngestSummary } from '../ingest/pipeline.ts';
import { createLogger } from '../log.ts';
import { createServices, platformContext, type Services } from '../main.ts';
import { importRoster, readRosterFile } from '../people/roster-file.ts';
import { createWebServer } from '../web/server.ts';
import { loadRosterSetting, startWorker } from '../worker.ts';
import { localZone, runConsole } from './console.ts';
import type { CliIO } from './io.ts';
import { watchRedis, type RedisWatch } from './redis-watch.ts';

/** The secretariat account of the demo: its password is made at each start and printed in the banner. */
export interface DemoAccount {
  /** Sign-in name; also the roster id of the demo secretariat person (`Identity { channel: 'web', id: user }`). */
  user: string;
  password: string;
}

/** What the web console is built with, beyond the services. */
export interface WebExtras {
  /** In the demo, the one account that may sign in (secretariat); `null` when settings define the accounts. */
  demoAccount: DemoAccount | null;
}

export interface StartOptions {
  /** Run the terminal console (default); `false` runs until SIGINT/SIGTERM (`--no-console`: services, docker). */
  console?: boolean;
  /** Ingest the sample inbox in the demo (default); `--no-sample` leaves the store as it is. */
  sample?: boolean;
  /** Where the private Redis and the sample inbox live (default `.sgbot` in the working directory). */
  dataDir?: string;
  /** Always start a private redis-server, whatever REDIS_URL says (`--private-redis`). */
  privateRedis?: boolean;
  /** The console's streams (default: this process's stdin and stdout). */
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
  /** Stops sgbot as SIGINT would. */
  signal?: AbortSignal;
  /** The date the sample inbox is written for (default: now). */
  today?: () => Date;
  /** Builds the web server (default {@link createWebServer} with the demo account, whose console signs it in). */
  webServer?: (services: Services, extras: WebExtras) => FastifyInstance;
}

/** A started sgbot. */
export interface StartedBot {
  /** `demo`: nothing external configured; `configured`: IMAP, SMTP, Slack or Teams settings given. */
  mode: 'demo' | 'configured';
  /** Whether {@link runStart} runs the terminal console (else it waits for SIGINT/SIGTERM). */
  console: boolean;
  services: Services;
  redis: ResolvedRedis;
  /** The address of the web console, as printed. */
  webUrl: string;
  demoAccount: DemoAccount | null;
  /** Who the terminal console acts as: the demo secretariat person in the demo, the operator otherwise. */
  consoleIdentity: Identity | undefined;
  /** Whether Redis answers (a lost Redis is said once on the terminal). */
  redisWatch: RedisWatch;
  /** Lines for the banner. */
  describe(): string[];
  /** Stop everything, in order: chat apps, web, worker (finishing jobs in hand), connections, private Redis. */
  stop(): Promise<void>;
}

/** The demo roster: a secretariat member (the console acts as them) and a rapporteur. */
export const DEMO_ROSTER = join(SAMPLE_DIR, 'roster.json');
/** The roster id of the demo secretariat person (in `sample/roster.json`). */
export const DEMO_SECRETARIAT = 'secretariat@demo.sgbot.example';

/** Where the demo's broadcasts go when `SGBOT_BROADCAST_TARGETS` is not set: lists that exist nowhere. */
export const DEMO_BROADCAST_TARGETS = {
  SG20: { lists: ['sg20-demo-list@demo.sgbot.example'] },
  SG13: { lists: ['sg13-demo-list@demo.sgbot.example'] },
  SG17: { lists: ['sg17-demo-list@demo.sgbot.example'] },
};

/** `path` relative to the working directory when it is inside it, else as it is. */
function shortPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : path;
}

/** What external settings are given; none means the demo. */
export function externalSettings(config: Config): string[] {
  const found: string[] = [];
  if (config.SGBOT_IMAP.length > 0) found.push('IMAP (SGBOT_IMAP)');
  if (config.SMTP_URL) found.push('SMTP (SMTP_URL)');
  const env = platformEnv(config);
  // `Slack (SLACK_*)`, `Webhook (SGBOT_WEBHOOK_*)`: the prefix of the platform's variables.
  const prefixOf = (key: string) => `${key.split('_').slice(0, key.startsWith('SGBOT_') ? 2 : 1).join('_')}_*`;
  for (const p of PLATFORMS.list) if (p.settings.configured(env)) found.push(`${p.label} (${prefixOf(Object.keys(p.settings.fields)[0] ?? p.id)})`);
  return found;
}

/** `port` on `host` if it is free, else a free one chosen by the system. */
async function webPort(host: string, port: number): Promise<number> {
  const tryListen = (p: number) =>
    new Promise<number | null>((resolvePort) => {
      const srv = createServer();
      srv.once('error', () => resolvePort(null));
      srv.listen(p, host, () => {
        const addr = srv.address();
        const got = typeof addr === 'object' && addr ? addr.port : p;
        srv.close(() => resolvePort(got));
      });
    });
  return (port > 0 ? await tryListen(port) : null) ?? (await tryListen(0)) ?? port;
}

/** Ingest the sample inbox of this week; returns the summary line. */
async function ingestSample(services: Services, dataDir: string, today: Date): Promise<string> {
  const inbox = await writeSampleInbox({ dataDir, today });
  const summary: IngestSummary = await ingestPaths(inbox.paths, services, { limits: services.limits, listRules: services.listRules });
  const index = await services.search();
  await index.catchUp();
  await index.save();
  const problems = summary.problems.length ? `, ${summary.problems.length} problem(s): ${summary.problems.map((p) => p.message).join('; ')}` : '';
  return `${summary.documents.length} documents for the week ${inbox.week} (${inbox.dir}): ${summary.added - summary.revisions} new, ${summary.revisions} replacing last week's, ${summary.duplicates} already there${problems}`;
}

/**
 * Start sgbot (see the module comment) and return it running. The caller stops it.
 *
 * @throws SgbotError E_CONFIG for bad settings, E_STORE when no Redis can be had (saying how to get one).
 */
export async function startBot(io: CliIO, opts: StartOptions = {}): Promise<StartedBot> {
  const first = loadConfig(io.env);
  const external = externalSettings(first);
  const demo = external.length === 0;
  // Chat settings are checked before anything starts, so a wrong one fails at once with its message.
  const env = platformEnv(first);
  const chatPlatforms = demo ? [] : configuredPlatforms(env).map((platform) => ({ platform, settings: platform.settings.parse(env) }));
  const dataDir = resolve(opts.dataDir ?? '.sgbot');
  await mkdir(dataDir, { recursive: true });
  // The demo answers piped input too (how scripts and tests drive it); with settings, only a terminal gets a console,
  // so a service whose stdin is /dev/null keeps running. The console's terminal is not shared with logs.
  const withConsole = opts.console !== false && (demo || Boolean((opts.input ?? process.stdin).isTTY));
  const logFile = withConsole ? join(dataDir, 'sgbot.log') : null;
  const logStream = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  const log = createLogger(first.LOG_LEVEL, logStream ?? process.stderr);
  const redis = await resolveRedis({
    url: first.REDIS_URL,
    explicit: !isDefaultRedisUrl(first.REDIS_URL),
    mode: opts.privateRedis ? 'private' : 'auto',
    dataDir,
    log,
    pathEnv: io.env['PATH'],
  });
  const lines: string[] = [];
  const stops: Array<() => Promise<void>> = [() => new Promise<void>((done) => (logStream ? logStream.end(done) : done())), () => redis.stop()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'while stopping');
      }
    }
  };
  try {
    const port = await webPort(first.SGBOT_WEB_HOST, first.SGBOT_WEB_PORT);
    // Links in reminder mail point at the web console: follow the port unless SGBOT_PUBLIC_URL names another address.
    const publicUrl = first.SGBOT_PUBLIC_URL === 'http://localhost:8080' ? `http://localhost:${port}` : first.SGBOT_PUBLIC_URL;
    // The demo broadcasts to made-up lists (captured in the outbox: the demo has no SMTP) unless targets are set.
    const demoTargets = demo && Object.keys(first.SGBOT_BROADCAST_TARGETS).length === 0 ? { SGBOT_BROADCAST_TARGETS: JSON.stringify(DEMO_BROADCAST_TARGETS) } : {};
    const config = loadConfig({ ...io.env, REDIS_URL: redis.url, SGBOT_WEB_PORT: String(port), SGBOT_PUBLIC_URL: publicUrl, ...demoTargets });
    const services = await createServices(config, { longRunning: true, log });
    stops.push(() => services.close());
    const redisWatch = watchRedis(services, (line) => io.err(line));
    stops.push(() => Promise.resolve(redisWatch.stop()));
    lines.push(
      redis.private
        ? `Redis        private redis-server (pid ${redis.private.pid}) at ${redis.url}, data kept in ${shortPath(redis.private.dir)}`
        : `Redis        ${redactUrl(redis.url)}${redis.url === DEFAULT_REDIS_URL ? ' (the default address: set REDIS_URL to use another)' : ''}`,
    );

    let demoAccount: DemoAccount | null = null;
    if (demo) {
      if (opts.sample !== false) {
        lines.push(`Sample inbox ${await ingestSample(services, dataDir, opts.today?.() ?? new Date())}`);
        stops.push(refreshSampleWeekly(services, dataDir, opts.today, log));
      }
      const r = await importRoster(services.roster, services.audit, await readRosterFile(DEMO_ROSTER), 'system:sample');
      lines.push(`Demo roster  ${r.added.length + r.updated.length + r.unchanged.length} people (${shortPath(DEMO_ROSTER)}): a secretariat member and the rapporteurs of Q6/20 and Q6/17`);
      demoAccount = { user: DEMO_SECRETARIAT, password: randomBytes(12).toString('base64url') };
      if (demoTargets.SGBOT_BROADCAST_TARGETS) lines.push(`Broadcasts   to demo lists of ${Object.keys(DEMO_BROADCAST_TARGETS).join(', ')} (kept in the outbox)`);
    }
    if (logFile) lines.push(`Logs         ${shortPath(logFile)}`);
    const roster = await loadRosterSetting(services);
    if (roster) lines.push(`Roster       ${roster}`);

    const worker = startWorker(services);
    stops.push(() => worker.stop());
    lines.push(...worker.describe().map((l) => `Worker       ${l}`));

    const app = (opts.webServer ?? ((s: Services, extras: WebExtras) => createWebServer(s, { demoAccount: extras.demoAccount })))(services, { demoAccount });
    stops.push(() => app.close());
    await app.listen({ port, host: config.SGBOT_WEB_HOST }).catch(async (err: NodeJS.ErrnoException) => {
      // Taken since it was probed: any free port will do for the demo.
      if (err.code !== 'EADDRINUSE') throw err;
      await app.listen({ port: 0, host: config.SGBOT_WEB_HOST });
    });
    const bound = app.server.address();
    const boundPort = typeof bound === 'object' && bound ? bound.port : port;
    const host = config.SGBOT_WEB_HOST === '127.0.0.1' || config.SGBOT_WEB_HOST === '0.0.0.0' || config.SGBOT_WEB_HOST === '::' ? 'localhost' : config.SGBOT_WEB_HOST;
    const webUrl = `http://${host}:${boundPort}/`;
    lines.push(`Web console  ${webUrl}${boundPort !== first.SGBOT_WEB_PORT && first.SGBOT_WEB_PORT !== 0 ? ` (port ${first.SGBOT_WEB_PORT} was taken)` : ''}`);
    lines.push(`Browser chat ${webUrl}console/chat`);
    if (demoAccount) lines.push(`Sign in      ${demoAccount.user}  password ${demoAccount.password}  (made for this run only)`);
    lines.push(
      config.SMTP_URL
        ? `Mail         sent by SMTP (${redactUrl(config.SMTP_URL)})`
        : `Outbox       no SMTP_URL, so reminders and broadcasts are kept in a local outbox (web console → Outbox; Redis list ${config.SGBOT_PREFIX}:outbox)`,
    );
    // Reminders fall due weeks ahead: the console sends one now, so a newcomer sees the mail a rapporteur gets.
    if (demoAccount) lines.push(`See a reminder ${webUrl}console/reminders → "Send a test reminder now", then ${webUrl}console/outbox`);

    // Every chat platform whose settings are given (src/chat/platforms.ts), the same way.
    for (const { platform, settings } of chatPlatforms) {
      const running = await platform.start(settings, platformContext(services));
      stops.push(() => running.stop());
      lines.push(running.describe);
    }

    return {
      mode: demo ? 'demo' : 'configured',
      console: withConsole,
      services,
      redis,
      webUrl,
      demoAccount,
      consoleIdentity: demo ? { channel: 'cli', id: DEMO_SECRETARIAT, verified: true } : undefined,
      redisWatch,
      describe: () => [demo ? 'sgbot is running on this machine as a demo (no IMAP, SMTP, Slack or Teams settings).' : `sgbot is running with ${external.join(', ')}.`, ...lines.map((l) => `  ${l}`)],
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** A demo left running for weeks gets next week's sample (its dates move on) without a restart. */
function refreshSampleWeekly(services: Services, dataDir: string, today: (() => Date) | undefined, log: Services['log']): () => Promise<void> {
  let week = sampleDates(today?.() ?? new Date()).week;
  const timer = setInterval(() => {
    const now = today?.() ?? new Date();
    if (sampleDates(now).week === week) return;
    week = sampleDates(now).week;
    ingestSample(services, dataDir, now).then(
      (line) => log.info({ line }, 'sample inbox renewed for the new week'),
      (err: unknown) => log.warn({ err: String(err) }, 'cannot renew the sample inbox'),
    );
  }, 60 * 60 * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Promise.resolve();
  };
}

/**
 * `sgbot start`: start (see {@link startBot}), print the banner, run the terminal console (or wait for SIGINT/SIGTERM
 * with `console: false`), then stop gracefully. A second Ctrl-C while stopping exits at once (the private Redis is
 * still stopped: its exit hook runs). Returns the exit code.
 */
export async function runStart(io: CliIO, opts: StartOptions = {}): Promise<number> {
  const stopRequested = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals > 1) process.exit(130);
    stopRequested.abort();
  };
  const signalNames = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signalNames) process.on(s, onSignal);
  opts.signal?.addEventListener('abort', () => stopRequested.abort(), { once: true });
  try {
    const bot = await startBot(io, opts);
    try {
      io.out(bot.describe().join('\n'));
      const input = opts.input ?? process.stdin;
      if (bot.console) {
        const terminal = Boolean(input.isTTY);
        // Answers in the zone of the roster person the console acts as (the machine's zone says little about them).
        const person = bot.consoleIdentity ? await bot.services.roster.byIdentity(bot.consoleIdentity).catch(() => null) : null;
        const tz = person?.tz ?? localZone(bot.services.config.SGBOT_TZ);
        io.out(`\nType /deadlines SG20 (or help; exit or Ctrl-D stops sgbot)${bot.consoleIdentity ? `, acting as ${person ? `${person.name} (${bot.consoleIdentity.id})` : bot.consoleIdentity.id}` : ''}; times in ${tz}.\n`);
        await runConsole(
          { registry: bot.services.registry, context: (now, zone, who) => bot.services.context(now, zone, who), tz, who: bot.consoleIdentity, problem: () => bot.redisWatch.problem() },
          { input, output: opts.output ?? process.stdout, terminal, historyFile: terminal ? join(resolve(opts.dataDir ?? '.sgbot'), 'console_history') : undefined, signal: stopRequested.signal, onInterrupt: onSignal },
        );
      } else {
        io.out('\nRunning; Ctrl-C (SIGINT) or SIGTERM stops sgbot after the work in hand.');
        await new Promise<void>((done) => {
          if (stopRequested.signal.aborted) done();
          stopRequested.signal.addEventListener('abort', () => done(), { once: true });
        });
      }
      io.err('sgbot: stopping…');
    } finally {
      // Stopping waits for the work in hand; without Redis that could be forever: a second Ctrl-C, or this, ends it.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((done) => {
        timer = setTimeout(() => done('late'), STOP_TIMEOUT_MS);
        timer.unref();
      });
      const how = await Promise.race([bot.stop().then(() => 'stopped' as const), late]);
      clearTimeout(timer);
      if (how === 'late') io.err(`sgbot: not everything stopped within ${STOP_TIMEOUT_MS / 1000} s${bot.redisWatch.problem() ? ' (Redis is not reachable)' : ''}; exiting anyway.`);
    }
    io.err('sgbot: stopped.');
    return 0;
  } finally {
    for (const s of signalNames) process.removeListener(s, onSignal);
  }
}

/** How long stopping may take before sgbot exits anyway, ms. */
const STOP_TIMEOUT_MS = 15_000;

/** The `start` command for the CLI (`npm start`). */
export function startCommand(io: CliIO, result: { code: number }): Command {
  return new Command('start')
    .description('Run the whole bot: with no settings, a demo on this machine (private Redis if needed, sample documents, web console, chat console in the terminal); with IMAP/SMTP/Slack/Teams settings, the real thing.')
    .option('--no-console', 'no chat console in the terminal; run until SIGINT/SIGTERM (services, docker)')
    .option('--no-sample', 'do not ingest the sample inbox (demo only)')
    .option('--private-redis', 'always run a private redis-server (data in DATA-DIR/redis), whatever REDIS_URL says')
    .option('--data-dir <dir>', 'where the private Redis and the sample inbox live', '.sgbot')
    .addHelpText('after', '\nExamples:\n  npm start\n  sgbot start --no-console            # as a service\n  REDIS_URL=redis://db:6379 SGBOT_IMAP=imap://bot:secret@mail:143/ SMTP_URL=smtp://mail:587 sgbot start --no-console')
    .action(async (o: { console: boolean; sample: boolean; privateRedis?: boolean; dataDir: string }) => {
      result.code = await runStart(io, { console: o.console, sample: o.sample, privateRedis: o.privateRedis, dataDir: o.dataDir });
    });
}
