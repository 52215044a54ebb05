/**
 * Broadcast fan-out: one broadcast to 2,000 Slack channels, drafted and confirmed through the `broadcast` command by a
 * secretariat member, delivered by the broadcast job on a BullMQ worker (production concurrency) through the real
 * Slack sender, against a fake Slack that enforces 1 message/s per channel and a workspace limit of 100 messages/s.
 * With one message per channel the workspace limit binds: the allowed rate is 100/s and the fan-out takes ≥ 20 s.
 * Achieved rate = targets ÷ (last accepted post − confirmation); goal ≥ 0.9 of the allowed rate. Every 429 must be
 * handled (the post retried after Retry-After and accepted once): "unhandled" counts targets not delivered, failed
 * or delivered twice.
 */
import { randomBytes } from 'node:crypto';
import { createRegistry } from '../commands/index.ts';
import broadcastCommand from '../commands/broadcast.ts';
import { broadcastJob } from '../jobs/broadcast.ts';
import type { BroadcastContext } from '../src/broadcast/actions.ts';
import { createBroadcastServices, createDeliveryDeps } from '../src/broadcast/wiring.ts';
import { answer } from '../src/chat/router.ts';
import { slackSender } from '../src/chat/slack/sender.ts';
import type { CommandSpec } from '../src/core/command.ts';
import type { Identity } from '../src/core/identity.ts';
import { createMailer } from '../src/mail/index.ts';
import { loadCuratedRoles } from '../src/main.ts';
import { makePerson, Roster } from '../src/people/roster.ts';
import { Subscriptions } from '../src/people/subscriptions.ts';
import { JobRuntime, type Log } from '../src/queues.ts';
import { AuditLog } from '../src/store/audit.ts';
import { DocumentStore } from '../src/store/store.ts';
import type { BenchEnv } from './env.ts';
import { DEFAULT_CONCURRENCY } from './reminder-delivery.ts';
import { startLimitedSlack } from './slack-limited.ts';
import { maxRow, ratioRow, round, waitUntil, type FigureResult } from './util.ts';

const BOT_TOKEN = 'xoxb-000000000-bench-broadcast';
const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function broadcastFigure(env: BenchEnv): Promise<FigureResult> {
  const targets = env.quick ? 200 : 2000;
  const workspacePerS = env.quick ? 50 : 100;
  const slack = await startLimitedSlack({ botToken: BOT_TOKEN, workspacePerS });
  const redis = env.connect({ bullmq: true });
  const prefix = env.prefix('broadcast');
  const channels = Array.from({ length: targets }, (_, i) => `C0B${randomBytes(4).toString('hex').toUpperCase()}${i}`);
  const audit = new AuditLog(redis, prefix);
  const roster = new Roster(redis, prefix);
  await roster.put(makePerson({ name: 'Sara Secretariat', email: 'sara@tsb.example.org', roles: [{ kind: 'secretariat', scope: 'SG20' }] }));
  const delivery = createDeliveryDeps({
    redis,
    prefix,
    audit,
    mailer: () => createMailer({ from: 'sgbot <sgbot@bench.example>', domain: 'bench.example', transport: { capture: true } }),
    chat: slackSender({ botToken: BOT_TOKEN, slackApiUrl: slack.apiUrl }),
  });
  const runtime = new JobRuntime(env.redis.url, prefix, { broadcast: delivery }, silent);
  const broadcasts = createBroadcastServices({ redis, prefix, targets: { SG20: { lists: [], slack: channels, teams: [] } }, enqueue: (p) => runtime.enqueue(broadcastJob, p) });
  runtime.startWorker(broadcastJob, { concurrency: DEFAULT_CONCURRENCY });
  const who: Identity = { channel: 'cli', id: 'sara@tsb.example.org', verified: true };
  const registry = createRegistry([broadcastCommand as unknown as CommandSpec<never>]);
  const ctx = (): BroadcastContext => ({
    store: new DocumentStore(redis, prefix),
    search: () => Promise.reject(new Error('no search here')),
    curated: loadCuratedRoles(),
    now: Date.now(),
    tz: 'Europe/Zurich',
    who,
    people: { roster, subscriptions: new Subscriptions(redis, prefix), audit },
    broadcasts,
  });
  try {
    const draft = await answer(registry, ctx(), 'broadcast SG20 The SG20 plenary on 12 May starts at 09:30 in room K.');
    const id = (draft.reply.data as { broadcast?: { id: string } } | null)?.broadcast?.id;
    if (!draft.reply.ok || !id) throw new Error(`broadcast: the draft was refused: ${draft.reply.title}`);
    env.log(`broadcast: ${targets} channels, workspace limit ${workspacePerS}/s`);
    const t0 = Date.now();
    const confirmed = await answer(registry, ctx(), `broadcast confirm ${id}`);
    if (!confirmed.reply.ok) throw new Error(`broadcast: confirm was refused: ${confirmed.reply.title}`);
    const allowedS = targets / workspacePerS;
    await waitUntil(`${targets} deliveries`, () => new Set(slack.accepted.map((a) => a.channel)).size >= targets, Math.max(60_000, allowedS * 5000), 100);
    await runtime.drained(broadcastJob, 60_000);
    const last = Math.max(...slack.accepted.map((a) => a.at));
    const achieved = (targets * 1000) / (last - t0);
    const perChannel = new Map<string, number>();
    for (const a of slack.accepted) perChannel.set(a.channel, (perChannel.get(a.channel) ?? 0) + 1);
    const twice = [...perChannel.values()].filter((n) => n > 1).length;
    const missing = channels.filter((c) => !perChannel.has(c)).length;
    const failedJobs = await runtime.queue(broadcastJob).getFailedCount();
    const unhandled = missing + twice + failedJobs;
    const n429 = slack.limited.channel + slack.limited.workspace;
    return {
      name: 'broadcast',
      rows: [
        ratioRow('broadcast fan-out', round(achieved, 1), workspacePerS, 'msg/s', 0.9, `${targets} channels in ${((last - t0) / 1000).toFixed(1)} s (allowed ${allowedS} s); ${n429} 429s answered (${slack.limited.workspace} workspace, ${slack.limited.channel} channel), all retried; worker concurrency ${DEFAULT_CONCURRENCY}`),
        maxRow('broadcast 429s unhandled', unhandled, 'targets', 1, `${missing} not delivered, ${twice} delivered twice, ${failedJobs} jobs failed`),
      ],
      details: { targets, workspacePerS, ms: last - t0, limited: slack.limited, accepted: slack.accepted.length, missing, twice, failedJobs },
    };
  } finally {
    await runtime.close();
    await slack.close();
  }
}
