/**
 * Profile of the Slack figure's sgbot side: the same app, store and load as bench/slack.ts (50 connections of signed
 * slash commands from slack-client.ts in its own process), with a CPU profile of this process written to
 * `--out` (a .cpuprofile for Chrome's DevTools) and its hottest functions printed, self time and by file.
 *
 * `--bare` profiles the baseline instead (a bare Bolt app acking and posting a fixed answer).
 *
 * `--threads N` answer threads (0: answers on the app's own loop); the profile is of the acking thread.
 *
 *   tsx bench/profile-slack.ts [--seconds 10] [--out /tmp/slack.cpuprofile] [--top 40] [--bare] [--threads N]
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { defaultRegistry } from '../commands/index.ts';
import { answerCacheOf } from '../src/chat/answer-cache.ts';
import { createSlackApp, defaultAnswerThreads } from '../src/chat/slack/app.ts';
import { slackSettingsFrom } from '../src/chat/slack/settings.ts';
import type { CommandContext } from '../src/core/command.ts';
import { createLogger } from '../src/log.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { Roster } from '../src/people/roster.ts';
import { BulkStore } from './bulk.ts';
import { createEnv } from './env.ts';
import { startRedis } from './redis.ts';
import { BOT_TOKEN, type LoadRequest, type LoadResult } from './slack-client.ts';
import { bareApp } from './slack.ts';
import { runScript } from './util.ts';

const SECRET = 'b0e1d2c3b4a5968778695a4b3c2d1e0fbe7c0000';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function and per file of a V8 CPU profile, hottest first. */
function summarize(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, top: number): string {
  const total = profile.samples?.length ?? 0;
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  const hits = new Map<number, number>();
  for (const s of profile.samples ?? []) hits.set(s, (hits.get(s) ?? 0) + 1);
  for (const n of profile.nodes) {
    const h = hits.get(n.id) ?? 0;
    if (!h) continue;
    const file = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|src|commands|bench)\//, '$1/') || '(native)';
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + h);
    const pkg = file.startsWith('node_modules/') ? file.split('/').slice(0, file.split('/')[1]?.startsWith('@') ? 3 : 2).join('/') : file;
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + h);
  }
  const pct = (h: number) => `${((100 * h) / Math.max(1, total)).toFixed(1).padStart(5)} %`;
  const lines = [`${total} samples`, '', 'by function (self):'];
  for (const [fn, h] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(h)}  ${fn}`);
  lines.push('', 'by file or package (self):');
  for (const [f, h] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(h)}  ${f}`);
  return lines.join('\n');
}

/** CPU time (user + system) of process `pid` so far, ms (Linux /proc; 0 elsewhere). */
function childCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const seconds = Number(arg('--seconds', '10'));
  const out = arg('--out', '/tmp/slack.cpuprofile');
  const top = Number(arg('--top', '40'));
  const redisServer = await startRedis({ hz: 100 });
  const env = createEnv(redisServer, { quick: false, seed: 1, gc: null });
  const child = fork(join(import.meta.dirname, 'slack-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  try {
    const bulk = new BulkStore(env, 'slack', 300);
    await bulk.ensure(1000);
    const { apiUrl } = await next<{ apiUrl: string }>();
    const curated = loadCuratedRoles();
    // As sgbot's own services (src/main.ts): the same question asked by many at once is answered once.
    const answers = answerCacheOf(bulk.store.redis, [bulk.store.versionKey(), new Roster(bulk.store.redis, bulk.store.prefix).versionKey()]);
    const context = (now: number, tz: string): CommandContext => ({ store: bulk.store, search: () => Promise.resolve(bulk.index), curated, now, tz, answers });
    const settings = slackSettingsFrom({ SLACK_MODE: 'http', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: '0', SLACK_HOST: '127.0.0.1', SLACK_API_URL: apiUrl, SLACK_RATE_LIMIT: '10000' });
    const prefix = env.prefix('slack');
    const threads = Number(arg('--threads', String(defaultAnswerThreads())));
    const answerThreads = threads > 0 ? { entry: new URL('./slack-answer-entry.ts', import.meta.url), threads, data: { redisUrl: redisServer.url, storePrefix: bulk.store.prefix, prefix } } : undefined;
    const bot = createSlackApp({ settings, deps: { registry: defaultRegistry(), context, log: createLogger(arg('--log', 'silent')), redis: env.connect(), prefix, ...(answerThreads ? { answerThreads } : {}) } });
    const { port } = await bot.start();
    const bare = process.argv.includes('--bare') ? await bareApp(true) : null;
    const url = bare?.url ?? `http://127.0.0.1:${port}${settings.path}`;
    const load = (durationS: number) => {
      const r = next<LoadResult>();
      child.send({ type: 'run', url, secret: SECRET, connections: 50, users: 500, durationS, expectResponses: true } satisfies LoadRequest);
      return r;
    };
    await load(2);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    const child0 = childCpuMs(child.pid);
    const t0 = Date.now();
    const r = await load(seconds);
    const wall = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const childMs = childCpuMs(child.pid) - child0;
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(out, JSON.stringify(profile));
    const answered = r.lastResponseMs > 0 ? ((r.responses - r.busy) * 1000) / r.lastResponseMs : 0;
    console.log(`acks ${r.reqPerSec.toFixed(0)}/s p50 ${r.p50} ms p99 ${r.p99} ms; answers ${answered.toFixed(0)}/s (${r.responses - r.busy} answered, ${r.busy} busy of ${r.ok}), answer p50 ${r.answerP50} ms p99 ${r.answerP99} ms`);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`wall ${wall} ms: this process ${(cpuMs / wall).toFixed(2)} cores (${(cpuMs / Math.max(1, r.ok)).toFixed(2)} ms of CPU per acked request, all its threads), load generator and fake Slack ${(childMs / wall).toFixed(2)} cores`);
    console.log(summarize(profile, top));
    console.log(`\nprofile: ${out}`);
    await bare?.stop();
    await bot.stop();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    await exited;
    await env.close();
    await redisServer.stop();
  }
}

runScript(main);
