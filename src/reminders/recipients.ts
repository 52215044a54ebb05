/**
 * Who is reminded of a deadline, by category:
 * - contributions and translated contributions: rapporteurs and associate rapporteurs of the group's Questions (or of
 *   the Questions the deadline names), and subscribers of the group, of those Questions and of `GROUP/contributions`;
 * - liaison reply: rapporteurs of the Questions asked to act, and subscribers of those Questions (and of
 *   `GROUP/liaison-reply` of each group asked to act); escalation goes to those groups' working-party chairs and
 *   secretariat. The liaison's source and its information addressees are never reminded of it;
 * - registration, visa, fellowship, captioning, interpretation: only subscribers of `GROUP/<category>`;
 * - consultation reply and other: subscribers of the group.
 * A person is reached by mail and on each chat platform they have an id on (`person.chat`), in their own zone; a
 * channel (`<platform>:<id>`: `slack:C…`, `teams:…`, `webhook:ops`) or a list (`mail:…`) in the bot's zone.
 */
import type { ChatTarget } from '../chat/sender.ts';
import { groupOfQuestion, parentGroup } from '../core/groups.ts';
import type { DeadlineCategory } from '../core/types.ts';
import { roleCovers, type Person, type RoleKind } from '../people/roster.ts';
import type { ReminderDeps } from './deps.ts';

/** The parts of a deadline that decide its audience. */
export interface DeadlineView {
  category: DeadlineCategory;
  /** The group that must meet it (for a liaison reply: the first group asked to act, never the source). */
  group: string | null;
  /** Every group that must meet it, when there are several. */
  groups?: string[];
  questions: string[];
}

/** The groups that must meet a deadline. */
function groupsOf(d: DeadlineView): string[] {
  return d.groups ?? (d.group ? [d.group] : []);
}

/** Who may be reminded: people holding `roles` on matching Questions, and subscribers of `topics`. */
export interface Audience {
  roleKinds: RoleKind[];
  /** A role scoped to a Question of one of these groups matches. */
  roleGroups: string[];
  /** A role scoped to one of these Questions matches. */
  roleQuestions: string[];
  topics: string[];
}

const SUBSCRIBERS_ONLY: ReadonlySet<DeadlineCategory> = new Set(['registration', 'visa', 'fellowship', 'captioning', 'interpretation']);

/** The audience of reminders for a deadline. Pure. */
export function audienceOf(d: DeadlineView): Audience {
  const g = d.group;
  const qs = d.questions;
  if (d.category === 'contributions' || d.category === 'translated-contributions') {
    const topics = g ? [g, ...qs, `${g}/contributions`, ...(d.category === 'translated-contributions' ? [`${g}/${d.category}`] : [])] : [...qs];
    return { roleKinds: ['rapporteur', 'associate-rapporteur'], roleGroups: g ? [g] : [], roleQuestions: qs, topics };
  }
  if (d.category === 'liaison-reply') {
    return { roleKinds: ['rapporteur'], roleGroups: [], roleQuestions: qs, topics: [...qs, ...groupsOf(d).map((x) => `${x}/liaison-reply`)] };
  }
  if (SUBSCRIBERS_ONLY.has(d.category)) return { roleKinds: [], roleGroups: [], roleQuestions: [], topics: g ? [`${g}/${d.category}`] : [] };
  return { roleKinds: [], roleGroups: [], roleQuestions: [], topics: g ? [g] : [] };
}

/** The audience of an escalation: working-party chairs and secretariat of the groups concerned. Pure. */
export function escalationGroups(d: DeadlineView): string[] {
  const groups = new Set<string>();
  for (const g of groupsOf(d)) groups.add(parentGroup(g));
  for (const q of d.questions) {
    const g = groupOfQuestion(q);
    if (g) groups.add(g);
  }
  return [...groups];
}

/** Whether `person` holds a role of the audience. Pure. */
export function holdsAudienceRole(person: Person, a: Audience): boolean {
  return person.roles.some((r) => {
    if (!a.roleKinds.includes(r.kind) || !r.scope) return false;
    if (a.roleQuestions.includes(r.scope)) return true;
    const g = groupOfQuestion(r.scope);
    return g !== null && a.roleGroups.includes(g);
  });
}

/** Whether `person` is a working-party chair or the secretariat of one of `groups`. Pure. */
export function isEscalationContact(person: Person, groups: string[]): boolean {
  return person.roles.some(
    (r) =>
      (r.kind === 'wp-chair' && r.scope !== null && groups.some((g) => new RegExp(`^WP\\d+/${g.replace(/^SG/, '')}$`).test(r.scope ?? ''))) ||
      (r.kind === 'secretariat' && groups.some((g) => roleCovers(r, g))),
  );
}

/** One recipient: a person of the roster, a chat channel or a mailing list. */
export interface Recipient {
  /** `person:<id>`, `<platform>:<channel>` (`slack:C…`, `teams:<conversation>`), `mail:<address>`. */
  key: string;
  /** Zone their reminders are timed and written in. */
  tz: string;
  person: Person | null;
}

/** Where a recipient is reached: by mail, or on a chat platform (`channel` is the platform id). */
export type Delivery = { kind: 'mail'; channel: 'mail'; to: string } | { kind: 'chat'; channel: string; target: ChatTarget };

/**
 * The ways to reach `r`: mail when they have an address, and each chat platform (DM or channel) of `chatChannels`
 * (the platforms a sender is configured for) they have an id on.
 */
export function deliveriesOf(r: Recipient, chatChannels: readonly string[]): Delivery[] {
  const out: Delivery[] = [];
  if (r.person) {
    if (r.person.email) out.push({ kind: 'mail', channel: 'mail', to: r.person.email });
    for (const [platform, id] of Object.entries(r.person.chat ?? {})) if (chatChannels.includes(platform)) out.push({ kind: 'chat', channel: platform, target: { channel: platform, id } });
    return out;
  }
  const i = r.key.indexOf(':');
  const kind = r.key.slice(0, i);
  const id = r.key.slice(i + 1);
  if (i <= 0 || !id) return out;
  if (kind === 'mail') out.push({ kind: 'mail', channel: 'mail', to: id });
  else if (chatChannels.includes(kind)) out.push({ kind: 'chat', channel: kind, target: { channel: kind, id } });
  return out;
}

type PeopleDeps = Pick<ReminderDeps, 'roster' | 'subscriptions' | 'settings'>;

/** The recipient a subscriber key or person stands for, or `null` when the person left the roster. */
export async function resolveRecipient(deps: PeopleDeps, key: string): Promise<Recipient | null> {
  if (key.startsWith('person:')) {
    const person = await deps.roster.get(key.slice('person:'.length));
    return person ? { key, tz: person.tz, person } : null;
  }
  // A channel of any platform (`slack:C…`, `webhook:ops`) or a list; whether its platform is configured is the sender's business.
  return /^[a-z][a-z0-9-]{1,30}:./.test(key) ? { key, tz: deps.settings.tz, person: null } : null;
}

/** Everyone to remind of a deadline, each once, sorted by key. */
export async function recipientsFor(deps: PeopleDeps, d: DeadlineView): Promise<Recipient[]> {
  const a = audienceOf(d);
  const out = new Map<string, Recipient>();
  if (a.roleKinds.length > 0) {
    for (const p of await deps.roster.all()) if (holdsAudienceRole(p, a)) out.set(`person:${p.id}`, { key: `person:${p.id}`, tz: p.tz, person: p });
  }
  for (const key of await deps.subscriptions.subscribers(a.topics)) {
    if (out.has(key)) continue;
    const r = await resolveRecipient(deps, key);
    if (r) out.set(key, r);
  }
  return [...out.values()].sort((x, y) => x.key.localeCompare(y.key));
}

/** The working-party chairs and secretariat to tell when nobody answered a liaison in time. */
export async function escalationRecipientsFor(deps: PeopleDeps, d: DeadlineView): Promise<Recipient[]> {
  const groups = escalationGroups(d);
  if (groups.length === 0) return [];
  return (await deps.roster.all()).filter((p) => isEscalationContact(p, groups)).map((p) => ({ key: `person:${p.id}`, tz: p.tz, person: p }));
}

/**
 * `key` as a recipient of a deadline's reminders (`escalation`: of its escalation) right now, or `null` when they
 * no longer are (left the roster, lost the role, unsubscribed). Checked at fire time, for one key, cheaply.
 */
export async function currentRecipient(deps: PeopleDeps, d: DeadlineView, key: string, escalation = false): Promise<Recipient | null> {
  // The subscriptions are read alongside the person (one wait, not two in a row), though a role may make them moot.
  const [r, subscribed] = await Promise.all([resolveRecipient(deps, key), escalation ? Promise.resolve([]) : deps.subscriptions.of(key)]);
  if (!r) return null;
  if (escalation) return r.person && isEscalationContact(r.person, escalationGroups(d)) ? r : null;
  const a = audienceOf(d);
  if (r.person && holdsAudienceRole(r.person, a)) return r;
  const topics = new Set(subscribed);
  return a.topics.some((t) => topics.has(t)) ? r : null;
}
