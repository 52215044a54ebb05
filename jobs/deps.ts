/**
 * What job processors get from `src/main.ts`: the stores and settings. Tests build it with their own prefix.
 */
import type { RawIngestDeps } from '../src/ingest/ingest-raw.ts';
import type { ReminderJobDeps } from '../src/reminders/deps.ts';
import type { BroadcastJobDeps } from './broadcast.ts';

/**
 * The ingest job's needs (store, raw store, quarantine, limits, sender checks, list rules), broadcast delivery, and
 * reminders (optional so that a bare ingest runtime in tests needs none).
 */
export type JobDeps = RawIngestDeps & BroadcastJobDeps & Partial<ReminderJobDeps>;
