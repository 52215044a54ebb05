/**
 * Re-checks of mail whose sender check ended in a DNS error (`temperror`): the raw store keeps every mail as it came,
 * so the check is made again on the same bytes after the delays of the policy (`SGBOT_TRUST_RECHECK_MINUTES`). The
 * new verdict is recorded on every document of that mail; a pass makes them verified (and applies a revision that
 * was held back). The reminder planner calls this for an unverified document and queues itself again for the next
 * re-check (src/reminders/schedule.ts).
 */
import type { AuditLog } from '../store/audit.ts';
import { RawStore } from '../store/raw.ts';
import type { DocumentStore } from '../store/store.ts';
import { authRecordOf, setSenderAuth, type AuthRecord } from '../store/trust.ts';
import type { StoredDocument } from '../store/facts.ts';
import { checkSenderAuth } from './sender-auth.ts';
import { trustPolicy } from './trust.ts';

/** What {@link recheckIfDue} did. */
export interface RecheckResult {
  /**
   * `verified`: checked again and passed; `rechecked`: checked again, still not verified; `waiting`: the next
   * re-check is not due yet; `given-up`: every re-check of the policy was made; `not-applicable`: not a DNS error,
   * or no kept mail to check.
   */
  outcome: 'verified' | 'rechecked' | 'waiting' | 'given-up' | 'not-applicable';
  /** Epoch ms (system clock) of the next re-check, when one is still to come. */
  nextAt?: number;
  /** The verdict of the check made now. */
  verdict?: string;
}

/**
 * Check the sender of `doc` again when its check ended in a DNS error and the next re-check is due (`now`, system
 * clock). Records the new check on every document of the same mail still waiting for one, audited as `system`.
 */
export async function recheckIfDue(deps: { store: DocumentStore; audit?: AuditLog }, doc: StoredDocument, now = Date.now()): Promise<RecheckResult> {
  const auth = authRecordOf(doc);
  const rawId = doc.source.rawId;
  if (auth?.verdict !== 'temperror' || !rawId) return { outcome: 'not-applicable' };
  const policy = await trustPolicy();
  const tries = auth.tries ?? 0;
  const delay = policy.recheckMinutes[tries];
  if (delay === undefined) return { outcome: 'given-up' };
  const dueAt = Date.parse(auth.checkedAt ?? doc.ingestedAt) + delay * 60_000;
  if (now < dueAt) return { outcome: 'waiting', nextAt: dueAt };

  const raw = new RawStore(deps.store.redis, deps.store.prefix);
  const { meta, bytes } = await raw.load(rawId);
  if (!bytes) return { outcome: 'not-applicable' };
  const check = await checkSenderAuth(bytes, { policy });
  const record: AuthRecord = { verdict: check.verdict, summary: check.summary, checkedAt: new Date(now).toISOString(), tries: tries + 1 };
  for (const id of new Set([doc.id, ...(meta?.docs ?? [])])) {
    const sibling = id === doc.id ? doc : await deps.store.getDocument(id);
    if (sibling && authRecordOf(sibling)?.verdict === 'temperror') await setSenderAuth(deps.store, id, record);
  }
  await deps.audit?.record({
    who: 'system',
    action: 'sender.rechecked',
    target: doc.id,
    result: check.verdict === 'pass' ? 'ok' : check.verdict,
    details: { rawId, try: tries + 1, summary: check.summary, was: auth.summary },
  });
  if (check.verdict === 'pass') return { outcome: 'verified', verdict: check.verdict };
  const next = check.verdict === 'temperror' ? policy.recheckMinutes[tries + 1] : undefined;
  return { outcome: 'rechecked', verdict: check.verdict, ...(next !== undefined ? { nextAt: now + next * 60_000 } : {}) };
}
