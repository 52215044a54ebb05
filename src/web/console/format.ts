/**
 * How the console writes times and people: every instant in the viewer's zone as a person reads it ("Thu 10 Dec
 * 2026, 04:30", with "in 3 days" when it is near) and a recipient key as the person's name, as data for the
 * templates `time` and `person` (tables: template `data-table`). Pure, apart from the roster look-ups of {@link People}.
 */
import { DateTime } from 'luxon';
import { CHANNEL_RULES } from '../../chat/platforms.ts';

/** An instant: epoch ms, an ISO date-time, or a `Date`. */
export type Instant = number | string | Date;

function toDateTime(at: Instant, tz: string): DateTime | null {
  const dt = typeof at === 'number' ? DateTime.fromMillis(at) : at instanceof Date ? DateTime.fromJSDate(at) : DateTime.fromISO(at, { setZone: true });
  return dt.isValid ? dt.setZone(tz) : null;
}

/** "Thu 10 Dec 2026, 04:30" in `tz` (with the year left out only by {@link shortTime}). */
export function humanTime(at: Instant, tz: string): string {
  const dt = toDateTime(at, tz);
  return dt ? dt.toFormat('ccc d LLL yyyy, HH:mm') : String(at);
}

/**
 * "in 3 days", "2 hours ago", "just now": how far `at` is from `now`, in the largest unit that fits; `null` when it is
 * more than `withinDays` days away (an absolute date says more then).
 *
 * @example relativeTime(Date.parse('2027-03-04T09:00Z'), Date.parse('2027-03-01T09:00Z')) === 'in 3 days'
 */
export function relativeTime(at: Instant, now: number, withinDays = 14): string | null {
  const dt = toDateTime(at, 'UTC');
  if (!dt) return null;
  const diff = dt.toMillis() - now;
  const abs = Math.abs(diff);
  if (abs > withinDays * 86_400_000) return null;
  if (abs < 60_000) return 'just now';
  const units: Array<[number, string]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  const [size, unit] = units.find(([ms]) => abs >= ms) ?? [60_000, 'minute'];
  const n = Math.round(abs / size);
  const span = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return diff > 0 ? `in ${span}` : `${span} ago`;
}

/** An instant as template `time` shows it: `null` for none, `{ text }` for what is not a time. */
export type TimeView = null | { text: string; iso?: never } | { iso: string; title: string; text: string; rel: string | null };

/**
 * An instant for template `time` (a `{ time }` cell of template `data-table`): in the viewer's zone, the relative
 * distance when it is near, and the exact time with its zone on hover.
 */
export function timeView(at: Instant | null | undefined, tz: string, now: number, opts: { relative?: boolean } = {}): TimeView {
  if (at === null || at === undefined || at === '') return null;
  const dt = toDateTime(at, tz);
  if (!dt) return { text: String(at) };
  const rel = opts.relative === false ? null : relativeTime(dt.toMillis(), now);
  return { iso: dt.toUTC().toISO() ?? '', title: dt.toFormat('cccc d LLLL yyyy, HH:mm:ss ZZZZ'), text: dt.toFormat('ccc d LLL yyyy, HH:mm'), rel };
}

/** "Thu 10 Dec 2026" for a calendar date (`YYYY-MM-DD`), which has no zone. */
export function humanDate(date: string | null | undefined): string {
  if (!date) return '—';
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  return dt.isValid ? dt.toFormat('ccc d LLL yyyy') : date;
}

/** Someone the console names: a roster person's name, else what is known. */
export interface Named {
  name: string;
  /** The address or account behind the name, shown small. */
  detail: string | null;
}

/** What a page reads of the roster: people by id and, for chat identities, by who they are there. */
interface RosterLookup {
  get(id: string): Promise<{ name: string } | null>;
  byIdentity?(who: { channel: string; id: string }): Promise<{ name: string } | null>;
}

/** Roster look-ups for one page (each person read once). */
export class People {
  private readonly cache = new Map<string, Promise<{ name: string } | null>>();
  constructor(private readonly roster: RosterLookup) {}

  private person(id: string): Promise<{ name: string } | null> {
    let p = this.cache.get(id);
    if (!p) {
      p = this.roster.get(id).catch(() => null);
      this.cache.set(id, p);
    }
    return p;
  }

  private chatPerson(channel: string, id: string): Promise<{ name: string } | null> {
    const key = `\u0000${channel}:${id}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.roster.byIdentity ? this.roster.byIdentity({ channel, id }).catch(() => null) : Promise.resolve(null);
      this.cache.set(key, p);
    }
    return p;
  }

  /**
   * A recipient or actor key as a person reads it: `person:ana@x` and `web:ana@x` → Ana's roster name with her
   * address; `system` → sgbot; a chat identity of any platform (`slack:U0123`, `webhook:ana`) → the roster person it
   * belongs to, with the platform and id, else "Slack C0123"; `mail:list@x` → the address.
   */
  async name(key: string): Promise<Named> {
    const m = /^([a-z][a-z0-9-]*)(?::(.*))?$/.exec(key);
    const [, kind = '', rest = ''] = m ?? [];
    if (!m || !(kind in CHANNEL_RULES || ['person', 'web', 'mail', 'system', 'cli', 'terminal'].includes(kind))) {
      const person = key.includes('@') ? await this.person(key.toLowerCase()) : null;
      return person ? { name: person.name, detail: key } : { name: key, detail: null };
    }
    if (kind === 'system') return { name: 'sgbot', detail: rest ? `automatic (${rest})` : 'automatic' };
    const platform = CHANNEL_RULES[kind];
    if (platform) {
      const person = rest ? await this.chatPerson(kind, rest) : null;
      return person ? { name: person.name, detail: `${platform.label} ${rest}` } : { name: `${platform.label} ${rest}`, detail: null };
    }
    if (kind === 'mail') return { name: rest, detail: 'mail' };
    if (kind === 'cli' || kind === 'terminal') return { name: rest || 'terminal', detail: 'terminal' };
    const person = rest ? await this.person(rest.toLowerCase()) : null;
    return person ? { name: person.name, detail: rest } : { name: rest || key, detail: kind === 'web' ? 'console account' : null };
  }
}
