/**
 * `ingest`: parse and file one raw message that is already kept in the raw store (mail from IMAP, a message of an
 * archive). One job per message, id `raw-<rawId>`, so the same message queued twice is processed once.
 */
import { z } from 'zod';
import { defineJob } from '../src/core/job.ts';
import { ingestRaw } from '../src/ingest/ingest-raw.ts';
import type { JobDeps } from './deps.ts';

export const ingestJob = defineJob({
  name: 'ingest',
  summary: 'Parse and store a kept raw message; quarantine what cannot be read.',
  payload: z.object({
    rawId: z.string().regex(/^[0-9a-f]{24}$/, 'a raw message id (24 hex digits)'),
    /** A retry from the quarantine: process even if it was processed before. */
    retry: z.number().int().nonnegative().optional(),
  }),
  jobId: (p) => (p.retry ? `raw-${p.rawId}-retry-${p.retry}` : `raw-${p.rawId}`),
  attempts: 8,
  backoffMs: 1000,
  process: (p, deps: JobDeps) => ingestRaw(deps, p.rawId, { force: Boolean(p.retry) }),
  async onGiveUp(p, deps, error) {
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
