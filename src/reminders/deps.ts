/**
 * What reminders, change notices and digests need from `src/main.ts`: the stores, the people services, the mailer,
 * the chat sender, the queues and their settings. Nothing here builds a connection; the caller passes them in.
 */
import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { ChatSender } from '../chat/sender.ts';
import { SgbotError } from '../core/errors.ts';
import type { JobSpec } from '../core/job.ts';
import { isValidZone } from '../core/time.ts';
import type { Mailer } from '../mail/index.ts';
import type { Roster } from '../people/roster.ts';
import type { Subscriptions } from '../people/subscriptions.ts';
import type { DeliveryMetrics } from '../metrics.ts';
import type { Log } from '../queues.ts';
import type { AuditLog } from '../store/audit.ts';
import type { DocumentStore } from '../store/store.ts';
import { DEFAULT_HOUR, DEFAULT_OFFSETS, offsetDays } from './plan.ts';

/** Settings of reminders and digests. */
export interface ReminderSettings {
  /** Zone of channels and lists (`SGBOT_TZ`). */
  tz: string;
  /** Offsets before each deadline (`14d`, `7d`, `1d`, `0d`). */
  offsets: string[];
  /** Local hour of reminders, 0-23. */
  hour: number;
  /** An unacknowledged liaison reply deadline escalates this many days before. */
  escalateDaysBefore: number;
  /** Public base URL of the web console, for done/snooze/unsubscribe links (`https://sgbot.example.org`). */
  publicUrl: string;
  /** Link to a document, `{id}` replaced by its id (`SGBOT_DOC_URL`); default `<publicUrl>/doc/{id}`. */
  docUrl?: string;
  /** Key of the HMAC that signs done/snooze/unsubscribe tokens (at least 16 characters). */
  secret: string;
  /** Address that unsubscribes whoever writes to it (`List-Unsubscribe: <mailto:…>`). */
  unsubscribeMailto?: string | null;
  /** Delivery attempts before a reminder is given up, and the first retry delay (doubling). */
  attempts: number;
  backoffMs: number;
  /** How far ahead a digest lists deadlines (days). */
  digestDays: number;
}

/** Everything reminder, plan and digest jobs use. */
export interface ReminderDeps {
  store: DocumentStore;
  roster: Roster;
  subscriptions: Subscriptions;
  audit: AuditLog;
  /** The mailer (created on first use by `src/main.ts`). */
  mailer: () => Mailer;
  /** Chat posting (Slack and/or Teams), or `null` when no chat is configured: then only mail is sent. */
  chat: ChatSender | null;
  /** The queue of a job kind; `src/main.ts` passes `(spec) => runtime.queue(spec)`. */
  queue: (spec: Pick<JobSpec, 'name'>) => Queue;
  settings: ReminderSettings;
  log: Log;
  /** Counts what was sent and what failed for good (`src/metrics.ts`); never throws. */
  metrics?: DeliveryMetrics;
  /** Clock; the system clock by default. */
  now?: () => Date;
}

/** What job processors of this module get (`JobDeps` of `jobs/deps.ts` carries it as `reminders`). */
export interface ReminderJobDeps {
  reminders: ReminderDeps;
}

/** The current time of `deps`, epoch ms. */
export function nowOf(deps: Pick<ReminderDeps, 'now'>): number {
  return (deps.now?.() ?? new Date()).getTime();
}

const settingsSchema = z.object({
  tz: z.string().default('Europe/Zurich').refine(isValidZone, 'is not an IANA time zone (for example Europe/Zurich)'),
  offsets: z
    .array(z.string())
    .default([...DEFAULT_OFFSETS])
    .refine((o) => o.every((x) => /^\d{1,3}d$/.test(x)), 'must be offsets in days such as 14d,7d,1d,0d'),
  hour: z.number().int().min(0).max(23).default(DEFAULT_HOUR),
  escalateDaysBefore: z.number().int().min(0).max(60).default(2),
  publicUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be the http(s) address of the web console, for example https://sgbot.example.org')
    .transform((u) => u.replace(/\/+$/, '')),
  docUrl: z.string().regex(/^https?:\/\/\S*\{id\}\S*$/, 'must be an http(s) URL containing {id}').optional(),
  secret: z.string().min(16, 'must be at least 16 characters (generate one with: openssl rand -hex 32)'),
  unsubscribeMailto: z.string().nullable().optional(),
  attempts: z.number().int().min(1).max(50).default(10),
  backoffMs: z.number().int().min(10).max(3_600_000).default(60_000),
  digestDays: z.number().int().min(1).max(90).default(28),
});

/**
 * Checked settings with defaults filled in.
 *
 * @throws SgbotError E_CONFIG naming every bad setting.
 */
export function reminderSettings(input: Partial<ReminderSettings> & Pick<ReminderSettings, 'publicUrl' | 'secret'>): ReminderSettings {
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new SgbotError('E_CONFIG', `Bad reminder settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
  }
  for (const o of parsed.data.offsets) offsetDays(o);
  return parsed.data;
}
