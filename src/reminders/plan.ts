/**
 * When reminders fire, and which deadline they are about. Pure: no I/O, the clock is passed in.
 *
 * A reminder fires at a local hour (09:00 by default) in the recipient's own zone, N days before the local date on
 * which the deadline falls due there. Instants are computed on the local calendar with luxon, so a daylight-saving
 * change between two reminders moves neither of them: 09:00 Geneva is 08:00 UTC in winter and 07:00 UTC in summer.
 *
 * A deadline keeps its identity across revisions of its document: {@link deadlineKey} names it by the document's
 * base key (the reference without its revision marker), its category and its rank within that category, so a
 * revised letter that moves the contribution deadline maps to the same key with a new due instant.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { DeadlineCategory } from '../core/types.ts';

/** Default offsets: 14, 7 and 1 days before, and the morning of the day. */
export const DEFAULT_OFFSETS: readonly string[] = ['14d', '7d', '1d', '0d'];

/** Default local hour of reminders. */
export const DEFAULT_HOUR = 9;

/** One reminder instant. */
export interface ReminderInstant {
  /** The offset it comes from (`7d`). */
  offset: string;
  /** Epoch ms. */
  at: number;
}

/**
 * Days of an offset: `14d` → 14, `0d` → 0.
 *
 * @throws RangeError for anything but a whole number of days (`3h`, `-1d`, `d`).
 */
export function offsetDays(offset: string): number {
  const m = /^(\d{1,3})d$/.exec(offset);
  if (!m) throw new RangeError(`"${offset}" is not an offset in days (write 14d, 7d, 1d or 0d)`);
  return Number(m[1]);
}

/**
 * The instants at which to remind a reader in `zone` of a deadline due at `due` (epoch ms): `hour`:00 local time on
 * the local due date minus each offset's days. Instants at or after `due` and at or before `now` are left out;
 * the result is sorted and has no two equal instants.
 *
 * @example
 * // Contributions due Mon 14 Apr 2036 23:59:59 Geneva, planned on Fri 4 Apr 2036 12:00 Geneva:
 * reminderInstants(due, 'Europe/Zurich', now)
 * // → [{ offset: '7d', at: 2036-04-07T07:00Z }, { offset: '1d', at: 2036-04-13T07:00Z }, { offset: '0d', at: 2036-04-14T07:00Z }]
 */
export function reminderInstants(
  due: number,
  zone: string,
  now: number,
  opts: { offsets?: readonly string[]; hour?: number } = {},
): ReminderInstant[] {
  const hour = opts.hour ?? DEFAULT_HOUR;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`reminder hour ${hour} is not 0-23`);
  const local = DateTime.fromMillis(due, { zone });
  if (!local.isValid) throw new RangeError(`"${zone}" is not a time zone`);
  const out: ReminderInstant[] = [];
  for (const offset of opts.offsets ?? DEFAULT_OFFSETS) {
    const day = local.minus({ days: offsetDays(offset) });
    // Built from calendar fields, not by adding hours: a DST change in between does not shift the local hour.
    const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour }, { zone }).toMillis();
    if (at >= due || at <= now || out.some((x) => x.at === at)) continue;
    out.push({ offset, at });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Short stable hash (hex) of a string, for ids that must not carry `:` or spaces. */
export function shortHash(text: string, length = 12): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}

/**
 * The identity of a deadline across revisions: `<hash of base>-<category>-<ordinal>`, where base is the document's
 * base key (`collective-letter:collectiveletter5/20`) or `doc:<id>` when it has no reference.
 *
 * @example deadlineKey('collective-letter:collectiveletter5/20', 'contributions', 0) === '3f9a…c1-contributions-0'
 */
export function deadlineKey(base: string, category: DeadlineCategory, ordinal: number): string {
  return `${shortHash(base)}-${category}-${ordinal}`;
}

/** The base a document's deadlines are keyed by: its base key, or `doc:<id>` when it has none. */
export function baseOf(doc: { id: string; baseKey: string | null }): string {
  return doc.baseKey ?? `doc:${doc.id}`;
}

/** A current deadline of a document family, before it is given its key. */
export interface KeyedInput<F> {
  fact: F & { category: DeadlineCategory };
  /** Sequence number of the document it comes from (later documents have higher numbers). */
  seq: number;
  /** Position of the deadline in its document. */
  position: number;
}

/**
 * Give each current deadline of one base its {@link deadlineKey}. Per category, only the deadlines of the latest
 * document that states that category count (an addendum restating the registration deadline replaces the base
 * letter's, as the store does); they are ranked by position in that document.
 */
export function keyDeadlines<F>(base: string, inputs: ReadonlyArray<KeyedInput<F>>): Array<{ key: string; fact: F & { category: DeadlineCategory } }> {
  const latest = new Map<DeadlineCategory, number>();
  for (const i of inputs) latest.set(i.fact.category, Math.max(latest.get(i.fact.category) ?? -Infinity, i.seq));
  const out: Array<{ key: string; fact: F & { category: DeadlineCategory } }> = [];
  for (const [category, seq] of latest) {
    const ranked = inputs.filter((i) => i.fact.category === category && i.seq === seq).sort((a, b) => a.position - b.position);
    ranked.forEach((i, n) => out.push({ key: deadlineKey(base, category, n), fact: i.fact }));
  }
  return out;
}

/** Id of a reminder job: `rem-<deadlineKey>-<recipientHash>-<offset>-<atEpochMs>`. */
export function reminderJobId(dk: string, recipient: string, offset: string, at: number): string {
  return `rem-${dk}-${shortHash(recipient, 10)}-${offset}-${at}`;
}

/** The deadline key, offset and instant of a reminder job id, or `null` for another id. */
export function parseReminderJobId(id: string): { deadlineKey: string; offset: string; at: number } | null {
  const m = /^rem-(.+)-[0-9a-f]{10}-([a-z0-9]+)-(\d+)$/.exec(id);
  return m ? { deadlineKey: m[1] ?? '', offset: m[2] ?? '', at: Number(m[3]) } : null;
}
