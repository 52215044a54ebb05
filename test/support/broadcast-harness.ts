/**
 * Everything a broadcast integration test runs against: sgbot's services on a private key prefix of the test
 * Redis, a real SMTP server for the mailing lists, the Slack Web API fake behind the real Slack sender, a fake Teams
 * sender (the Teams adapter is not ours to test here), the broadcast job on a real BullMQ worker in this process,
 * and a roster with secretariat members, a delegate and the secretariat of another group.
 */
import { randomBytes } from 'node:crypto';
import { createRegistry } from '../../commands/index.ts';
import broadcastCommand from '../../commands/broadcast.ts';
import { broadcastJob, type BroadcastJobDeps } from '../../jobs/broadcast.ts';
import type { BroadcastContext, BroadcastServices } from '../../src/broadcast/actions.ts';
import type { BroadcastDeliveryDeps } from '../../src/broadcast/deliver.ts';
import type { BroadcastTargetSettings } from '../../src/broadcast/targets.ts';
import { createBroadcastServices, createDeliveryDeps } from '../../src/broadcast/wiring.ts';
import { answer } from '../../src/chat/router.ts';
import { combineSenders, type ChatDeliveryError, type ChatSender, type ChatTarget } from '../../src/chat/sender.ts';
import { slackSender } from '../../src/chat/slack/sender.ts';
import { loadConfig } from '../../src/config.ts';
import type { CommandSpec, Reply } from '../../src/core/command.ts';
import type { Identity } from '../../src/core/identity.ts';
import { createServices, type Services } from '../../src/main.ts';
import { makePerson } from '../../src/people/roster.ts';
import { JobRuntime } from '../../src/queues.ts';
import { startSmtp, type SmtpSink } from './smtp.ts';
import { BOT_TOKEN, startSlackFake, type SlackFake } from './slack-fake.ts';

/** One post the fake Teams sender took (or refused). */
export interface TeamsPost {
  conversation: string;
  title: string;
  ok: boolean;
  at: number;
}

/** A Teams {@link ChatSender} that records posts and fails the next N posts to a conversation with a chosen error. */
export interface FakeTeams extends ChatSender {
  readonly posts: readonly TeamsPost[];
  fail(conversation: string, times: number, error: () => ChatDeliveryError): void;
  delivered(conversation: string): TeamsPost[];
}

export function fakeTeams(): FakeTeams {
  const posts: TeamsPost[] = [];
  const failures = new Map<string, { times: number; error: () => ChatDeliveryError }>();
  return {
    channels: ['teams'],
    posts,
    fail: (conversation, times, error) => failures.set(conversation, { times, error }),
    delivered: (conversation) => posts.filter((p) => p.conversation === conversation && p.ok),
    post(target: ChatTarget, reply: Reply) {
      const f = failures.get(target.id);
      const fails = f !== undefined && f.times > 0;
      posts.push({ conversation: target.id, title: reply.title, ok: !fails, at: Date.now() });
      if (f && fails) {
        f.times--;
        return Promise.reject(f.error());
      }
      return Promise.resolve({ messageId: `teams-${posts.length}` });
    },
  };
}

export const MAIL_DOMAIN = 'bc.example.org';

/** The roster of the tests. */
export const PEOPLE = {
  sara: { name: 'Sara Secretariat', email: 'sara@tsb.example.org', slackId: 'U0SARA001', teamsId: 'aad-sara', roles: [{ kind: 'secretariat', scope: 'SG20' }] },
  tom: { name: 'Tom Secretariat', email: 'tom@tsb.example.org', teamsId: 'aad-tom', roles: [{ kind: 'secretariat', scope: null }] },
  dan: { name: 'Dan Delegate', email: 'dan@member.example.org', slackId: 'U0DAN0001', roles: [{ kind: 'delegate' }, { kind: 'rapporteur', scope: 'Q4/20' }] },
  kim: { name: 'Kim Secretariat', email: 'kim@tsb.example.org', slackId: 'U0KIM0001', roles: [{ kind: 'secretariat', scope: 'SG17' }] },
} as const;

/** Identities the channels vouch for. */
export const WHO = {
  saraSlack: { channel: 'slack', id: 'U0SARA001', verified: true, conversation: 'slack:D0SARA', shared: false },
  saraCli: { channel: 'cli', id: 'sara@tsb.example.org', verified: true },
  tomTeams: { channel: 'teams', id: 'aad-tom', verified: true },
  danSlack: { channel: 'slack', id: 'U0DAN0001', verified: true, conversation: 'slack:C0GENERAL', shared: true },
  kimSlack: { channel: 'slack', id: 'U0KIM0001', verified: true },
  saraUnverifiedMail: { channel: 'mail', id: 'sara@tsb.example.org', verified: false },
} satisfies Record<string, Identity>;

export interface BroadcastHarness {
  prefix: string;
  services: Services;
  broadcasts: BroadcastServices;
  delivery: BroadcastDeliveryDeps;
  runtime: JobRuntime<BroadcastJobDeps>;
  /** The job spec the worker runs (the real one, with a short backoff). */
  spec: typeof broadcastJob;
  slack: SlackFake;
  smtp: SmtpSink;
  teams: FakeTeams;
  /** Answer `text` as the command path does for `who` (time `now`, default the real clock). */
  ask(who: Identity | undefined, text: string, now?: number): Promise<Reply>;
  context(who: Identity | undefined, now?: number): BroadcastContext;
  /** Wait until no delivery is waiting, delayed or running. */
  drained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startBroadcastHarness(opts: { redisUrl: string; name: string; targets: BroadcastTargetSettings; spacingMs?: number }): Promise<BroadcastHarness> {
  const prefix = `it-bc-${opts.name}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const smtp = await startSmtp();
  const slack = await startSlackFake({ botToken: BOT_TOKEN });
  const teams = fakeTeams();
  const services = await createServices(
    loadConfig({ REDIS_URL: opts.redisUrl, SGBOT_PREFIX: prefix, LOG_LEVEL: 'silent', SMTP_URL: `smtp://${smtp.host}:${smtp.port}`, SGBOT_MAIL_FROM: `sgbot <sgbot@${MAIL_DOMAIN}>` }, '/nonexistent'),
  );
  for (const p of Object.values(PEOPLE)) await services.roster.put(makePerson(p));

  const chat = combineSenders([slackSender({ botToken: BOT_TOKEN, slackApiUrl: slack.apiUrl }), teams]);
  const spec = { ...broadcastJob, backoffMs: 100 };
  let runtime: JobRuntime<BroadcastJobDeps> | null = null;
  const delivery = createDeliveryDeps({
    redis: services.redis,
    prefix,
    audit: services.audit,
    mailer: () => services.mailer(),
    chat,
    spacingMs: { slack: opts.spacingMs ?? 1000, teams: opts.spacingMs ?? 1000 },
  });
  runtime = new JobRuntime<BroadcastJobDeps>(opts.redisUrl, prefix, { broadcast: delivery }, services.log);
  const rt = runtime;
  const broadcasts = createBroadcastServices({ redis: services.redis, prefix, targets: opts.targets, enqueue: (p) => rt.enqueue(spec, p), docUrl: 'https://sgbot.example.org/docs/{id}' });
  rt.startWorker(spec, { concurrency: 4 });

  const registry = createRegistry([broadcastCommand as unknown as CommandSpec<never>]);
  const context = (who: Identity | undefined, now = Date.now()): BroadcastContext => ({ ...services.context(now, 'Europe/Zurich', who), broadcasts });
  return {
    prefix,
    services,
    broadcasts,
    delivery,
    runtime: rt,
    spec,
    slack,
    smtp,
    teams,
    context,
    ask: async (who, text, now) => (await answer(registry, context(who, now), text)).reply,
    drained: (timeoutMs = 30_000) => rt.drained(spec, timeoutMs),
    async close() {
      await rt.close();
      await services.close();
      await slack.close();
      await smtp.stop();
    },
  };
}
