/**
 * A delivery marker and its audit entry, written atomically: a worker killed in between keeps both or neither, so the
 * audit log never misses a message the marker says went out (nor shows one that did not).
 *
 * The entry is written in the format of `AuditLog.record` (stream `<prefix>:audit`, same fields), which has no way to
 * join a transaction; the tests read these entries back with `AuditLog.latest`. If AuditLog gains one, use it here.
 */
import type { AuditEntry, AuditLog } from '../store/audit.ts';
import { MARKER_TTL_S } from './keys.ts';

/** The fields of an audit stream entry, as `AuditLog.record` writes them. */
export function auditFields(entry: Omit<AuditEntry, 'id' | 'at'>): string[] {
  return ['at', new Date().toISOString(), 'who', entry.who, 'action', entry.action, 'target', entry.target, 'result', entry.result, 'details', JSON.stringify(entry.details ?? {})];
}

/**
 * Script: set a delivery marker, append its audit entry and, when a member is given, add it to a set — atomically.
 * KEYS: marker, audit stream, set (any key when no member). ARGV: marker value, marker TTL (s), the stream's MAXLEN,
 * the set member ('' for none), then the entry's fields.
 */
export const MARK_AND_AUDIT = `
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 5))
if ARGV[4] ~= '' then redis.call('SADD', KEYS[3], ARGV[4]) end
return 1
`;

/** Set `marker` to `value` (kept {@link MARKER_TTL_S}) and append `entry` to the audit log, atomically. */
export async function markAndAudit(deps: { audit: AuditLog }, marker: string, value: string, entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
  const { audit } = deps;
  const res = await audit.redis
    .multi()
    .set(marker, value, 'EX', MARKER_TTL_S)
    .xadd(`${audit.prefix}:audit`, 'MAXLEN', '~', String(audit.maxEntries), '*', ...auditFields(entry))
    .exec();
  const failed = res?.find(([err]) => err);
  if (!res || failed) throw failed?.[0] ?? new Error('the delivery marker transaction was discarded');
}
