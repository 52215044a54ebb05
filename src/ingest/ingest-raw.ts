/**
 * A kept raw message → documents in the store. Used by the ingest job (mail from IMAP) and by bulk imports (.mbox,
 * maildir): the bytes are in the {@link RawStore} before this runs, so a failure here loses nothing. What cannot be
 * read goes to the {@link Quarantine} with its reasons; what can be read is stored even when some parts fail.
 */
import type { ChainableCommander } from 'ioredis';
import { isSgbotError, SgbotError } from '../core/errors.ts';
import type { Quarantine, QuarantineProblem } from '../store/quarantine.ts';
import type { RawMeta, RawStore, RawOrigin } from '../store/raw.ts';
import type { AddStatus, DocumentStore } from '../store/store.ts';
import type { IngestMetrics } from '../metrics.ts';
import { extractBuffer } from './extract.ts';
import { checkSenderAuth, type SenderAuthOptions } from './sender-auth.ts';
import type { ListRule } from './lists.ts';
import { parsePartWith, sourceOf } from './parse-part.ts';
import { inlineReader, type PartReader } from './reader.ts';
import type { ExtractLimits } from './types.ts';

/** What {@link ingestRaw} needs. */
export interface RawIngestDeps {
  store: DocumentStore;
  raw: RawStore;
  quarantine: Quarantine;
  limits: ExtractLimits;
  /** Check DKIM/DMARC of each mail (DNS lookups); off in tests that need no network. Default on. */
  senderAuth?: boolean;
  /** Extra list-naming rules (`SGBOT_LIST_RULES`). */
  listRules?: ListRule[];
  /** Called after each document is stored (plans its reminders). */
  afterStore?: (docId: string, status: AddStatus) => Promise<unknown>;
  /** DNS for the sender check (the system's by default; tests give a local table). */
  authResolver?: SenderAuthOptions['resolver'];
  /** Counts documents, parse problems and quarantines (`src/metrics.ts`); never throws. */
  metrics?: IngestMetrics;
  /**
   * Reads and parses each part: in this thread by default; the ingest job gives a `PartPool`, so that parts are
   * read in child processes within their time and memory budgets.
   */
  reader?: PartReader;
  now?: () => Date;
}

/** What became of one raw message. */
export interface RawOutcome {
  rawId: string;
  state: RawMeta['state'];
  /** `true` when it had been ingested before and nothing was done. */
  skipped: boolean;
  documents: Array<{ id: string; status: AddStatus; name: string }>;
  problems: QuarantineProblem[];
}

/** The Subject header of the head of a mail, unfolded, or `null`. */
function subjectOf(head: Buffer): string | null {
  const headers = head.toString('latin1').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const m = /^Subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(headers);
  return m?.[1] ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : null;
}

/** A name for people: where the message came from. */
export function describeOrigin(origin: RawOrigin): string {
  switch (origin.type) {
    case 'imap':
      return `${origin.account}/${origin.mailbox} UID ${origin.uid}`;
    case 'mbox':
      return `${origin.path} @${origin.offset}`;
    case 'maildir':
    case 'file':
      return origin.path;
  }
}

/**
 * Parse and store the documents of raw message `rawId`. Idempotent: a message already done is skipped unless
 * `force` (a retry from the quarantine); documents are deduplicated by the store in any case.
 *
 * @throws SgbotError E_NOT_FOUND when no such raw message is kept. Any other error (Redis down) propagates so the
 *   job is retried; unreadable input never throws, it is quarantined.
 */
export async function ingestRaw(deps: RawIngestDeps, rawId: string, opts: { force?: boolean } = {}): Promise<RawOutcome> {
  const now = deps.now ?? (() => new Date());
  // The bytes come with the record (one round trip): read for nothing only when the message was done before.
  const { meta, bytes: stored } = await deps.raw.load(rawId);
  if (!meta) throw new SgbotError('E_NOT_FOUND', `No raw message ${rawId} is kept. List the quarantine with: sgbot quarantine list`);
  const outcome: RawOutcome = { rawId, state: meta.state, skipped: false, documents: [], problems: [] };
  if (!opts.force && (meta.state === 'done' || meta.state === 'partial')) return { ...outcome, skipped: true, documents: meta.docs.map((id) => ({ id, status: 'duplicate', name: id })) };

  const where = describeOrigin(meta.origin);
  const bytes = meta.kept ? stored : null;
  let subject: string | null = null;
  if (!bytes) {
    subject = stored ? subjectOf(stored) : null;
    outcome.problems.push({
      name: where,
      code: 'E_TOO_LARGE',
      message:
        `${where}: the message is ${(meta.size / 1048576).toFixed(1)} MB, over the mail size limit (SGBOT_MAX_MAIL_MB); only its origin${stored ? ' and its first bytes' : ''} were kept. ` +
        'To read it, raise SGBOT_MAX_MAIL_MB and import it again (its origin says where it is), or save its attachments and ingest them as files.',
    });
  } else {
    const auth = deps.senderAuth === false ? null : await checkSenderAuth(bytes, deps.authResolver ? { resolver: deps.authResolver } : {});
    try {
      const reader = deps.reader ?? inlineReader;
      const extraction = await extractBuffer(bytes, { filename: `${rawId}.eml`, format: 'eml', name: where, origin: { path: where }, listRules: deps.listRules }, deps.limits, reader);
      for (const p of extraction.problems) outcome.problems.push({ name: p.name, code: p.error.code, message: p.error.message });
      for (const part of extraction.parts) {
        subject ??= part.origin.subject;
        const { parsed, error } = await parsePartWith(reader, part, deps.limits);
        if (error) outcome.problems.push({ name: part.name, code: error.code, message: error.message });
        const result = await deps.store.addDocument(part.text, parsed, { ...sourceOf(part), rawId, auth: auth && { verdict: auth.verdict, summary: auth.summary } }, now());
        outcome.documents.push({ id: result.id, status: result.status, name: part.name });
        await deps.afterStore?.(result.id, result.status);
      }
    } catch (err) {
      // The store busy or down is not the message's fault: let the job retry it.
      if (!isSgbotError(err) || err.retryable) throw err;
      outcome.problems.push({ name: where, code: err.code, message: err.message });
    }
  }

  const docs = outcome.documents.map((d) => d.id);
  outcome.state = outcome.problems.length === 0 ? 'done' : docs.length > 0 ? 'partial' : 'quarantined';
  // The quarantine entry and the raw record change in one transaction (one round trip) when both stores share a
  // connection, as they do in the worker; else one after the other, the quarantine first.
  const entry =
    outcome.problems.length > 0
      ? { id: rawId, name: subject ?? where, partial: docs.length > 0, problems: outcome.problems, at: now().toISOString(), rawId, path: null }
      : null;
  const quarantine = (m: ChainableCommander) => (entry ? deps.quarantine.queuePut(m, entry) : deps.quarantine.queueRelease(m, rawId));
  if (deps.quarantine.redis === deps.raw.redis) {
    await deps.raw.settle(rawId, outcome.state, docs, meta, quarantine);
  } else {
    await quarantine(deps.quarantine.redis.multi()).exec();
    await deps.raw.settle(rawId, outcome.state, docs, meta);
  }
  // Counted once settled, so a retry after a failure above does not count the message twice.
  deps.metrics?.ingested(outcome);
  return outcome;
}
