/**
 * A stored document that settles another (a reply answers a liaison statement, a letter cancels a meeting): the
 * other is marked so, once, and the change audited as the system's.
 */
import type { Cite, StoredDocument } from '../store/facts.ts';
import type { ReminderDeps } from './deps.ts';

/**
 * Mark `original` settled by `by` with `mark` (the store's `markAnswered` or `markCancelled`) and audit it as
 * `action` with `details`; whether it changed (marking twice changes nothing and audits nothing).
 */
export async function markSettled(
  deps: ReminderDeps,
  original: StoredDocument,
  mark: (id: string, by: Cite) => Promise<boolean>,
  by: Cite,
  action: string,
  details: Record<string, unknown>,
): Promise<boolean> {
  if (!(await mark(original.id, by))) return false;
  await deps.audit.record({ who: 'system', action, target: original.id, result: 'ok', details });
  return true;
}
