/**
 * The broadcast side of the fault scenarios: SG20 has `lists` mailing lists (a real SMTP server) and `channels` Slack
 * channels (the Slack Web API fake); the secretariat drafts and confirms one broadcast through the real command in
 * the test process, which queues one delivery job per target; the worker processes deliver them. Counted per
 * target: a list that received nothing is lost, a list that received it under two Message-IDs is a duplicate (the
 * same Message-ID twice is an SMTP repeat, reported); a Slack channel with two posts is a duplicate.
 */
import { Queue } from 'bullmq';
import { loadConfig } from '../../../src/config.ts';
import { BroadcastStore } from '../../../src/broadcast/store.ts';
import { answer } from '../../../src/chat/router.ts';
import type { Reply } from '../../../src/core/command.ts';
import type { Identity } from '../../../src/core/identity.ts';
import { createServices, type Services } from '../../../src/main.ts';
import { makePerson } from '../../../src/people/roster.ts';
import { BOT_TOKEN, startSlackFake, type SlackFake } from '../../support/slack-fake.ts';
import { until } from './common.ts';
import { countByMessageId, type FaultSmtp } from './smtp.ts';

const SARA: Identity = { channel: 'cli', id: 'sara@tsb.example.org', verified: true };

export interface BroadcastCount {
  items: number;
  lost: number;
  duplicated: number;
  smtpRepeats: number;
  /** Slack posts beyond the first per channel (already in `duplicated`). */
  slackRepeats: number;
  /** Targets recorded as failed for good. */
  failed: number;
  /** Slack channels posted to more than once, with when the fake took each post (ms since the epoch). */
  repeatedChannels: Array<{ channel: string; at: number[] }>;
}

export interface BroadcastRig {
  services: Services;
  slack: SlackFake;
  total: number;
  /** Settings a worker needs to deliver (SMTP server, Slack fake). */
  settings: Record<string, string>;
  /** Draft and confirm the broadcast (queues one job per target); returns its id. */
  send(): Promise<string>;
  /** Targets that received it at least once. */
  progress(): number;
  settle(timeoutMs: number): Promise<void>;
  count(): Promise<BroadcastCount>;
  close(): Promise<void>;
}

export async function startBroadcastRig(opts: { redisUrl: string; prefix: string; lists: number; channels: number; smtp: FaultSmtp; tag: string }): Promise<BroadcastRig> {
  const { smtp } = opts;
  const lists = Array.from({ length: opts.lists }, (_, i) => `t25sg20-${opts.tag}-${i}@lists.example.org`);
  const channels = Array.from({ length: opts.channels }, (_, i) => `C0${opts.tag.toUpperCase().replace(/[^A-Z0-9]/g, '')}${String(i).padStart(4, '0')}`);
  const slack = await startSlackFake({ botToken: BOT_TOKEN });
  // Real latencies, so that a kill at a random moment lands while deliveries are under way.
  slack.delay('chat.postMessage', 120);
  smtp.slow(60);
  const settings = {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    SGBOT_BROADCAST_TARGETS: JSON.stringify({ SG20: { lists, slack: channels, teams: [] } }),
  };
  const services = await createServices(loadConfig({ REDIS_URL: opts.redisUrl, SGBOT_PREFIX: opts.prefix, LOG_LEVEL: 'silent', SGBOT_MAIL_FROM: 'sgbot <sgbot@sgbot.example.org>', ...settings }, '/nonexistent/.env'));
  await services.roster.put(makePerson({ name: 'Sara Secretariat', email: 'sara@tsb.example.org', roles: [{ kind: 'secretariat', scope: 'SG20' }] }));
  const queue = new Queue('broadcast', { connection: services.redis, prefix: `${opts.prefix}:bull` });
  queue.on('error', () => undefined);
  const store = new BroadcastStore(services.redis, opts.prefix);
  let id = '';
  const ask = async (text: string): Promise<Reply> => (await answer(services.registry, services.context(Date.now(), 'Europe/Zurich', SARA), text)).reply;

  const posts = (): Map<string, number> => {
    const per = new Map<string, number>();
    for (const c of slack.api('chat.postMessage', true)) per.set(String(c.body['channel']), (per.get(String(c.body['channel'])) ?? 0) + 1);
    return per;
  };
  const mailsPerList = (): Map<string, Set<string>> => {
    const per = new Map<string, Set<string>>();
    for (const m of smtp.messages) for (const to of m.to) per.set(to, (per.get(to) ?? new Set()).add(m.messageId));
    return per;
  };
  const total = lists.length + channels.length;
  const count = async (): Promise<BroadcastCount> => {
    const mails = mailsPerList();
    const slackPosts = posts();
    let lost = 0;
    let duplicated = 0;
    let slackRepeats = 0;
    for (const l of lists) {
      const ids = mails.get(l)?.size ?? 0;
      if (ids === 0) lost++;
      else duplicated += ids - 1;
    }
    for (const c of channels) {
      const n = slackPosts.get(c) ?? 0;
      if (n === 0) lost++;
      else slackRepeats += n - 1;
    }
    // Anything sent to a list or channel that is not a target (should never happen) is an extra too.
    const known = new Set([...lists, ...channels]);
    const stray = [...[...mails.keys()].filter((k) => k.endsWith('@lists.example.org')), ...slackPosts.keys()].filter((k) => !known.has(k)).length;
    let smtpRepeats = 0;
    for (const c of countByMessageId(smtp.messages.filter((m) => m.to.some((t) => known.has(t)))).values()) smtpRepeats += c - 1;
    const statuses = id ? await store.statuses(id) : new Map();
    const failed = [...statuses.values()].filter((s) => (s as { state: string }).state === 'failed').length;
    const repeatedChannels = channels
      .filter((c) => (slackPosts.get(c) ?? 0) > 1)
      .map((channel) => ({ channel, at: slack.api('chat.postMessage', true).filter((x) => x.body['channel'] === channel).map((x) => x.at) }));
    return { items: total, lost, duplicated: duplicated + slackRepeats + stray, smtpRepeats, slackRepeats, failed, repeatedChannels };
  };
  const busy = async (): Promise<number> => {
    const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  };

  return {
    services,
    slack,
    total,
    settings,
    async send() {
      const preview = await ask(`broadcast SG20 Fault suite ${opts.tag}: the SG20 plenary on Tuesday moves to room K at 14:30.`);
      if (!preview.ok) throw new Error(`broadcast draft refused: ${preview.title}`);
      id = (preview.data as { broadcast: { id: string } }).broadcast.id;
      const confirmed = await ask(`broadcast confirm ${id}`);
      if (!confirmed.ok) throw new Error(`broadcast confirm refused: ${confirmed.title}`);
      return id;
    },
    progress() {
      const mails = mailsPerList();
      const slackPosts = posts();
      return lists.filter((l) => mails.has(l)).length + channels.filter((c) => slackPosts.has(c)).length;
    },
    async settle(timeoutMs) {
      await until(
        `all ${total} broadcast targets to be delivered`,
        async () => {
          const statuses = await store.statuses(id);
          const done = [...statuses.values()].filter((s) => s.state === 'delivered' || s.state === 'failed').length;
          return done === total && (await busy()) === 0;
        },
        timeoutMs,
        async () => `${JSON.stringify(await queue.getJobCounts())}; ${JSON.stringify(await count())}`,
        250,
      );
    },
    count,
    async close() {
      await queue.close();
      await services.close();
      await slack.close();
    },
  };
}

/** The notes of a broadcast row. */
export function broadcastNotes(c: BroadcastCount, killTimes: readonly number[] = []): string {
  // For each channel posted twice: when Slack took the first post, relative to the nearest kill before it.
  const evidence = c.repeatedChannels.map(({ channel, at }) => {
    const first = at[0] ?? 0;
    const kill = [...killTimes].reverse().find((k) => k <= first + 1000);
    return `${channel} first post ${kill === undefined ? 'before any kill' : `${first - kill >= 0 ? '+' : ''}${first - kill} ms after a kill`}, again ${((at[1] ?? 0) - first) / 1000} s later`;
  });
  return `smtp repeats (same Message-ID): ${c.smtpRepeats}; slack repeats: ${c.slackRepeats}${evidence.length ? ` (${evidence.join('; ')})` : ''}; ${c.failed} failed`;
}
