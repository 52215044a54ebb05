/**
 * Where incoming mail goes first: the raw bytes are kept, then an ingest job is queued for them. Called by the IMAP
 * source before it moves its checkpoint, so a message is either kept and queued, or read again after a restart.
 */
import type { RawOrigin, RawStore } from '../store/raw.ts';

/** Keeps raw messages and queues them for ingest. */
export type RawSink = (raw: Buffer, origin: RawOrigin, truncatedFrom?: number) => Promise<{ rawId: string; fresh: boolean }>;

/**
 * A sink over `raw` and `queueIngest` (which queues the ingest job of a kept message). Idempotent: the same bytes
 * twice are kept once, and a message already processed is not queued again; one kept but never queued (the process
 * died in between) is queued now.
 */
export function rawSink(deps: { raw: RawStore; queueIngest: (payload: { rawId: string }) => Promise<unknown>; maxBytes: number; now?: () => Date }): RawSink {
  return async (bytes, origin, truncatedFrom) => {
    const { meta, fresh } = await deps.raw.put(bytes, origin, { maxBytes: deps.maxBytes, now: deps.now?.(), truncatedFrom });
    if (meta.state === 'queued') await deps.queueIngest({ rawId: meta.id });
    return { rawId: meta.id, fresh };
  };
}
