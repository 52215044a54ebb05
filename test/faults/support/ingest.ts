/**
 * The ingest side of the fault scenarios: a private Dovecot whose INBOX the workers read (SGBOT_IMAP), the mails to
 * deliver into it, and the count that decides: every expected Message-ID has exactly one stored document, every raw
 * message is kept and settled, nothing is in the quarantine.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { startDovecot, type Dovecot } from '../../support/dovecot.ts';
import { until } from './common.ts';
import { deliverAll, faultMails, type FaultMail } from './mails.ts';
import type { Rng } from './rng.ts';

export interface IngestCount {
  items: number;
  lost: number;
  duplicated: number;
  /** Documents stored. */
  stored: number;
  /** Raw messages kept, and how many are not settled `done`. */
  raws: number;
  unsettled: number;
  quarantined: number;
  /** Documents whose Message-ID is not one of the mails (should never happen). */
  unexpected: number;
}

export interface IngestRig {
  dovecot: Dovecot;
  user: string;
  mails: FaultMail[];
  /** Worker settings for reading the INBOX. */
  imapSettings: Record<string, string>;
  /** Deliver mails [from, to) over LMTP. */
  deliver(from: number, to: number, rng: Rng, maxGapMs?: number): Promise<void>;
  /** Documents stored so far. */
  stored(): Promise<number>;
  /** Wait until every mail has its document and the ingest queue is empty, then a moment for stragglers. */
  settle(timeoutMs: number): Promise<void>;
  count(): Promise<IngestCount>;
  close(): Promise<void>;
}

export async function startIngestRig(opts: { redis: Redis; prefix: string; n: number; tag: string }): Promise<IngestRig> {
  const { redis, prefix } = opts;
  const dovecot = await startDovecot({ startTimeoutMs: 30_000 });
  const user = dovecot.users[0];
  if (!user) throw new Error('no Dovecot user');
  const mails = faultMails(opts.n, opts.tag);
  const queue = new Queue('ingest', { connection: redis, prefix: `${prefix}:bull` });
  queue.on('error', () => undefined); // Redis restarting: the polls ask again
  const expected = new Set(mails.map((m) => m.messageId));

  const docsByMessageId = async (): Promise<Map<string, number>> => {
    const ids = await redis.zrange(`${prefix}:docs`, 0, -1);
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const values = await redis.mget(...ids.slice(i, i + 500).map((id) => `${prefix}:doc:${id}`));
      for (const v of values) {
        const mid = v ? ((JSON.parse(v) as { source?: { messageId?: string | null } }).source?.messageId ?? '(none)') : '(missing)';
        counts.set(mid, (counts.get(mid) ?? 0) + 1);
      }
    }
    return counts;
  };
  const queueBusy = async (): Promise<number> => {
    const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(c).reduce((a, b) => a + b, 0);
  };
  const count = async (): Promise<IngestCount> => {
    const byId = await docsByMessageId();
    let lost = 0;
    let duplicated = 0;
    let unexpected = 0;
    for (const id of expected) {
      const c = byId.get(id) ?? 0;
      if (c === 0) lost++;
      if (c > 1) duplicated += c - 1;
    }
    // Documents that did not come from mail (a letter stored by the reminder rig of the replica scenario) are not counted.
    for (const [id, c] of byId) if (!expected.has(id) && id !== '(none)') unexpected += c;
    const rawIds = await redis.zrange(`${prefix}:raws`, 0, -1);
    let unsettled = 0;
    for (let i = 0; i < rawIds.length; i += 500) {
      const metas = await redis.mget(...rawIds.slice(i, i + 500).map((id) => `${prefix}:rawmeta:${id}`));
      for (const m of metas) if (!m || (JSON.parse(m) as { state: string }).state !== 'done') unsettled++;
    }
    return {
      items: expected.size,
      lost,
      duplicated: duplicated + unexpected,
      stored: [...byId.values()].reduce((a, b) => a + b, 0),
      raws: rawIds.length,
      unsettled,
      quarantined: await redis.hlen(`${prefix}:quarantine`),
      unexpected,
    };
  };

  return {
    dovecot,
    user: user.user,
    mails,
    imapSettings: {
      SGBOT_IMAP: `imap://${encodeURIComponent(user.user)}:${encodeURIComponent(user.pass)}@127.0.0.1:${dovecot.imapPort}/?mailboxes=INBOX`,
    },
    deliver: (from, to, rng, maxGapMs = 0) => deliverAll(dovecot, user.user, mails.slice(from, to), rng, maxGapMs),
    stored: () => redis.zcard(`${prefix}:docs`),
    async settle(timeoutMs) {
      await until(
        `all ${mails.length} mails to be stored and the ingest queue to drain`,
        async () => {
          const byId = await docsByMessageId();
          return [...expected].every((id) => byId.has(id)) && (await queueBusy()) === 0;
        },
        timeoutMs,
        async () => JSON.stringify(await count().catch((e: Error) => e.message)),
        250,
      );
      // Anything still on its way (a job re-run after a stall) shows within a few seconds.
      await new Promise((r) => setTimeout(r, 3000));
      await until('the ingest queue to stay drained', async () => (await queueBusy()) === 0, 60_000);
    },
    count,
    async close() {
      await queue.close();
      await dovecot.stop();
    },
  };
}

/** The notes of an ingest row. */
export function ingestNotes(c: IngestCount): string {
  return `${c.stored} docs, ${c.raws} raw kept, ${c.unsettled} unsettled, ${c.quarantined} quarantined`;
}
