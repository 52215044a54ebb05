/**
 * `ingest`: parse and file one raw message that is already kept in the raw store (mail from IMAP, a message of an
 * archive). One job per message, id `raw-<rawId>`, so the same message queued twice is processed once; or, from the
 * console's Retry, a quarantined file read again from its path (id `file-…-retry-N`). The parts of
 * the message are read and parsed in the process's part pool (src/ingest/pool.ts: child processes, a time and a
 * memory budget per part), so that a hostile message never blocks the worker's event loop.
 */
import { z } from 'zod';
import { defineJob } from '../src/core/job.ts';
import { ingestRaw } from '../src/ingest/ingest-raw.ts';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { sharedPartPool } from '../src/ingest/pool.ts';
import { fileEntryId } from '../src/store/quarantine.ts';
import type { JobDeps } from './deps.ts';

export const ingestJob = defineJob({
  name: 'ingest',
  summary: 'Parse and store a kept raw message (or read a quarantined file again); quarantine what cannot be read.',
  payload: z
    .object({
      rawId: z.string().regex(/^[0-9a-f]{24}$/, 'a raw message id (24 hex digits)').optional(),
      /** A quarantined file to read again from its path (a retry from the console), instead of a raw message. */
      path: z.string().min(1).optional(),
      /** A retry from the quarantine: process even if it was processed before. */
      retry: z.number().int().nonnegative().optional(),
    })
    .refine((p) => (p.rawId === undefined) !== (p.path === undefined), 'either a raw message id or a file path'),
  jobId: (p) => {
    const what = p.rawId !== undefined ? `raw-${p.rawId}` : fileEntryId(p.path ?? '');
    return p.retry ? `${what}-retry-${p.retry}` : what;
  },
  attempts: 8,
  backoffMs: 1000,
  async process(p, deps: JobDeps) {
    const reader = deps.reader ?? sharedPartPool(deps.limits);
    if (p.rawId !== undefined) return ingestRaw({ ...deps, reader }, p.rawId, { force: Boolean(p.retry) });
    return ingestPaths([p.path ?? ''], deps, { limits: deps.limits, listRules: deps.listRules, reader });
  },
  async onGiveUp(p, deps, error) {
    if (p.rawId === undefined) return;
    const meta = await deps.raw.meta(p.rawId);
    await deps.quarantine.put({
      id: p.rawId,
      name: meta ? `${meta.origin.type} message ${p.rawId}` : p.rawId,
      partial: false,
      problems: [{ name: p.rawId, code: 'E_FAILED', message: `Ingest gave up after repeated failures: ${error.message}` }],
      at: (deps.now?.() ?? new Date()).toISOString(),
      rawId: p.rawId,
      path: null,
    });
  },
});
