/**
 * A delivery marker and its audit entry, written in one Redis transaction: a worker killed in between keeps both or
 * neither, so the audit log never misses a message the marker says went out (nor shows one that did not).
 *
 * The entry is queued in the format of `AuditLog.record` (stream `<prefix>:audit`, same fields), which has no way to
 * join a transaction; the tests read these entries back with `AuditLog.latest`. If AuditLog gains one, use it here.
 */
import type { AuditEntry, AuditLog } from '../store/audit.ts';
import { MARKER_TTL_S } from './keys.ts';

/** Set `marker` to `value` (kept {@link MARKER_TTL_S}) and append `entry` to the audit log, atomically. */
export async function markAndAudit(deps: { audit: AuditLog }, marker: string, value: string, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  const { audit } = deps;
  const fields = ['at', new Date().toISOString(), 'who', entry.who, 'action', entry.action, 'target', entry.target, 'result', entry.result, 'details', JSON.stringify(entry.details ?? {})];
  const res = await audit.redis
    .multi()
    .set(marker, value, 'EX', MARKER_TTL_S)
    .xadd(`${audit.prefix}:audit`, 'MAXLEN', '~', String(audit.maxEntries), '*', ...fields)
    .exec();
  const failed = res?.find(([err]) => err);
  if (!res || failed) throw failed?.[0] ?? new Error('the delivery marker transaction was discarded');
}
