/**
 * Bulk import of mail archives (`.mbox` files and maildir folders), one message at a time so a 1 GB archive never
 * sits in memory. Each message is kept in the raw store, then parsed and stored like mail from IMAP. An mbox import
 * saves its position after every message: interrupted, the next run resumes where it stopped.
 */
import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { ingestRaw, type RawIngestDeps, type RawOutcome } from './ingest-raw.ts';
import { isMaildirFolder, iterateMaildir } from './maildir.ts';
import { iterateMbox } from './mbox.ts';
import type { RawOrigin } from '../store/raw.ts';

/** Progress callbacks (a progress bar on a terminal). */
export interface ArchiveProgress {
  /** `total` in `unit`s: bytes of an mbox, messages of a maildir. */
  start?(total: number, unit: 'bytes' | 'messages', name: string): void;
  update?(done: number): void;
  stop?(): void;
}

/** What an archive import did. */
export interface ArchiveSummary {
  archive: string;
  /** Messages read in this run. */
  messages: number;
  /** Messages whose documents were all stored. */
  ingested: number;
  /** Messages already ingested before (a re-run, the same mail in two archives). */
  duplicates: number;
  /** Messages partly stored (some attachment could not be read). */
  partial: number;
  /** Messages nothing could be read from; kept in the quarantine. */
  quarantined: number;
  /** Byte offset this run resumed from (mbox), 0 for a fresh start. */
  resumedFrom: number;
  outcomes: RawOutcome[];
}

/** What an import needs: the ingest dependencies, the Redis for checkpoints and the raw-size limit. */
export interface ArchiveDeps extends RawIngestDeps {
  redis: Redis;
  prefix: string;
  maxRawBytes: number;
}

/** `true` when `path` is a maildir: a folder with `cur/` and `new/` in it. */
export const isMaildir = isMaildirFolder;

function tally(summary: ArchiveSummary, out: RawOutcome, fresh: boolean): void {
  summary.messages++;
  summary.outcomes.push(out);
  if (!fresh && out.skipped) summary.duplicates++;
  else if (out.state === 'done') summary.ingested++;
  else if (out.state === 'partial') summary.partial++;
  else if (out.state === 'quarantined') summary.quarantined++;
}

async function keepAndIngest(deps: ArchiveDeps, raw: Buffer, origin: RawOrigin, truncatedFrom?: number): Promise<{ out: RawOutcome; fresh: boolean }> {
  const { meta, fresh } = await deps.raw.put(raw, origin, { maxBytes: deps.maxRawBytes, now: deps.now?.(), truncatedFrom });
  return { out: await ingestRaw(deps, meta.id), fresh };
}

/**
 * Import an mbox file. The position after each message is saved in Redis (keyed by the file's real path), so an
 * interrupted import resumes there; it is cleared when the file has been read to the end. A file that shrank since
 * starts again from the beginning (messages already stored count as duplicates).
 */
export async function importMbox(path: string, deps: ArchiveDeps, progress: ArchiveProgress = {}): Promise<ArchiveSummary> {
  const real = await realpath(path);
  const key = `${deps.prefix}:import:mbox:${createHash('sha256').update(real).digest('hex').slice(0, 16)}`;
  const size = (await stat(real)).size;
  const saved = await deps.redis.hgetall(key);
  let startOffset = Number(saved.offset ?? 0);
  let startIndex = Number(saved.index ?? 0);
  if (!(startOffset > 0 && startOffset <= size)) {
    startOffset = 0;
    startIndex = 0;
  }
  const summary: ArchiveSummary = { archive: path, messages: 0, ingested: 0, duplicates: 0, partial: 0, quarantined: 0, resumedFrom: startOffset, outcomes: [] };
  progress.start?.(size, 'bytes', path);
  progress.update?.(startOffset);
  for await (const m of iterateMbox(real, { startOffset, startIndex, maxMessageBytes: deps.maxRawBytes })) {
    const { out, fresh } = await keepAndIngest(deps, m.raw, { type: 'mbox', path: real, offset: m.offset }, m.truncated ? m.size : undefined);
    tally(summary, out, fresh);
    await deps.redis.hset(key, { offset: m.nextOffset, index: m.index + 1, path: real });
    progress.update?.(m.nextOffset);
  }
  await deps.redis.del(key);
  progress.stop?.();
  return summary;
}

/** Import a maildir (`cur/` and `new/`), in file-name order. Messages already ingested are recognised and skipped. */
export async function importMaildir(dir: string, deps: ArchiveDeps, progress: ArchiveProgress = {}): Promise<ArchiveSummary> {
  const summary: ArchiveSummary = { archive: dir, messages: 0, ingested: 0, duplicates: 0, partial: 0, quarantined: 0, resumedFrom: 0, outcomes: [] };
  let total = 0;
  for (const sub of ['cur', 'new']) total += (await readdir(join(dir, sub)).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).length;
  progress.start?.(total, 'messages', dir);
  for await (const m of iterateMaildir(dir, { maxMessageBytes: deps.maxRawBytes })) {
    const { out, fresh } = await keepAndIngest(deps, m.raw, { type: 'maildir', path: m.path }, m.truncated ? m.size : undefined);
    tally(summary, out, fresh);
    progress.update?.(summary.messages);
  }
  progress.stop?.();
  return summary;
}
