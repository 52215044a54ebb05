/**
 * Redis keys of reminders and digests, all under the store's prefix (`<SGBOT_PREFIX>:rem:…`), and the record kept
 * per deadline. One place, so the planner, the delivery job, the actions and the commands agree.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { citeSchema, readStored } from '../core/records.ts';
import { DEADLINE_CATEGORIES, type DeadlineCategory } from '../core/types.ts';
import type { Cite } from '../store/facts.ts';
import { shortHash } from './plan.ts';

/** What the planner last knew of a deadline: shown by `reminders`, compared when a revision moves it. */
export interface DeadlineRecord {
  key: string;
  /** The base it belongs to (`collective-letter:collectiveletter5/20` or `doc:<id>`). */
  base: string;
  docId: string;
  /** Epoch ms when due. */
  due: number;
  date: string;
  time: string | null;
  timezone: string;
  action: string;
  category: DeadlineCategory;
  group: string | null;
  /** Every group that must meet it, when more than one is (a liaison for action to several groups). */
  groups?: string[];
  /** Questions the deadline concerns (for a liaison reply: the Questions asked to act). */
  questions: string[];
  source: Cite;
  /** Message-ID of the mail the document came in, for threading reminders under it. */
  messageId: string | null;
  /** Set (epoch ms) when the latest version of the document no longer gives this deadline. */
  withdrawn?: number;
  /** The reply that answered the liaison, when that is why the deadline was withdrawn. */
  answeredBy?: Cite;
}

const deadlineRecordSchema: z.ZodType<DeadlineRecord> = z.looseObject({
  key: z.string(),
  base: z.string(),
  docId: z.string(),
  due: z.number(),
  date: z.string(),
  time: z.string().nullable(),
  timezone: z.string(),
  action: z.string(),
  category: z.enum(DEADLINE_CATEGORIES),
  group: z.string().nullable(),
  groups: z.array(z.string()).optional(),
  questions: z.array(z.string()),
  source: citeSchema,
  messageId: z.string().nullable(),
  withdrawn: z.number().optional(),
  answeredBy: citeSchema.optional(),
});

/** Key names for a store prefix. */
export function remKeys(prefix: string) {
  const k = (name: string) => `${prefix}:rem:${name}`;
  return {
    /** Set of every base ever planned (for re-planning everything). */
    bases: k('bases'),
    /** Set of document ids of a base. */
    baseDocs: (base: string) => k(`base:${shortHash(base)}:docs`),
    /** Set of deadline keys the planner knows for a base. */
    baseKeys: (base: string) => k(`base:${shortHash(base)}:keys`),
    /** Planner lock of a base. */
    lock: (base: string) => k(`base:${shortHash(base)}:lock`),
    /** JSON {@link DeadlineRecord}. */
    deadline: (dk: string) => k(`dl:${dk}`),
    /** Set of reminder job ids scheduled for a deadline. */
    jobs: (dk: string) => k(`jobs:${dk}`),
    /** Set of snooze re-reminder job ids of a deadline (kept out of the planned set). */
    extra: (dk: string) => k(`extra:${dk}`),
    /** Set of recipients reminded at least once of a deadline: they, and only they, hear of a change. */
    reminded: (dk: string) => k(`reminded:${dk}`),
    /** Hash recipient → ISO time they said "done". */
    acks: (dk: string) => k(`ack:${dk}`),
    /** Hash recipient → epoch ms until which they snoozed. */
    snoozes: (dk: string) => k(`snooze:${dk}`),
    /** Sorted set of a recipient's scheduled reminder job ids, scored by instant. */
    byRecipient: (recipient: string) => k(`rcpt:${recipient}`),
    /** Marker: this job's message went out on this channel (`ok`) or failed for good (`failed:…`). */
    sent: (jobId: string, channel: string) => k(`sent:${jobId}:${channel}`),
    /** Set of recipients who asked for no more reminder mail. */
    optOut: k('optout'),
    /** Hash subscriber → JSON digest preference. */
    digestPrefs: k('digest:prefs'),
    /** Hash subscriber → sequence number of the last document a digest covered. */
    digestLast: k('digest:last'),
  };
}

export type RemKeys = ReturnType<typeof remKeys>;

/** How long delivery markers are kept (s): longer than any retry of a job. */
export const MARKER_TTL_S = 90 * 24 * 3600;

/** The deadline record of `dk`, or `null`. */
export async function readRecord(redis: Redis, keys: RemKeys, dk: string): Promise<DeadlineRecord | null> {
  const raw = await redis.get(keys.deadline(dk));
  return raw ? readStored(deadlineRecordSchema, raw, `reminder record of deadline ${dk}`) : null;
}
