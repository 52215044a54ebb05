/**
 * The roster: who is who in the study groups — delegates, rapporteurs and associate rapporteurs per Question,
 * working-party and study-group chairs, the secretariat — with how to reach them (email, each chat platform) and their time
 * zone. Kept in Redis; loaded from a settings file and changed by commands. Roles decide what each person may do.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { canonicalGroup, canonicalQuestion } from '../core/groups.ts';
import { SgbotError } from '../core/errors.ts';
import { identityKey, type Identity } from '../core/identity.ts';
import { ROLE_KINDS, type Person, type Role, type RoleKind } from '../core/people.ts';
import { isValidZone } from '../core/time.ts';
import { readStored } from '../core/records.ts';

export { ROLE_KINDS, type Person, type Role, type RoleKind } from '../core/people.ts';

/** Canonical scope: `q4/20` → `Q4/20`, `sg 20` → `SG20`, `WP1/20` stays; `null` for none. */
export function canonicalScope(scope: string | null | undefined): string | null {
  if (!scope) return null;
  const s = scope.trim();
  const wp = /^wp\s*(\d{1,2})\s*\/\s*(\d{1,2})$/i.exec(s);
  if (wp) return `WP${wp[1]}/${wp[2]}`;
  const q = canonicalQuestion(s);
  if (q) return q;
  const g = canonicalGroup(s);
  if (g) return g;
  throw new SgbotError('E_USAGE', `"${scope}" is not a Question (Q4/20), working party (WP1/20) or group (SG20).`);
}

const roleSchema = z.object({ kind: z.enum(ROLE_KINDS), scope: z.string().nullable().optional() });
const personSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  email: z.string().email().nullable().optional(),
  /** `{ "<platform id>": "<their id there>" }`: `{ "slack": "U0123ABCD", "webhook": "ana" }`. */
  chat: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'a platform id such as slack, teams or webhook'), z.string().trim().min(2, 'an id on that platform').max(200)).default({}),
  // The fields of older roster files, read into `chat`.
  slackId: z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U0123ABCD').nullable().optional(),
  teamsId: z.string().min(3).nullable().optional(),
  tz: z.string().default('Europe/Zurich'),
  roles: z.array(roleSchema).default([]),
});

/** The fields older rosters gave chat identities in, and the platform each is for. */
const LEGACY_CHAT_FIELDS = { slackId: 'slack', teamsId: 'teams' } as const;

/** `chat` of a stored or given person, with the older fields (`slackId`, `teamsId`) read into it. */
function chatOf(p: { chat?: Record<string, string> | null } & Partial<Record<keyof typeof LEGACY_CHAT_FIELDS, string | null | undefined>>): Record<string, string> {
  const chat: Record<string, string> = {};
  for (const [field, platform] of Object.entries(LEGACY_CHAT_FIELDS)) {
    const id = p[field as keyof typeof LEGACY_CHAT_FIELDS];
    if (id) chat[platform] = id;
  }
  return { ...chat, ...(p.chat ?? {}) };
}

const storedPersonSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  chat: z.record(z.string(), z.string()).optional(),
  slackId: z.string().nullable().optional(),
  teamsId: z.string().nullable().optional(),
  tz: z.string(),
  roles: z.array(z.object({ kind: z.enum(ROLE_KINDS), scope: z.string().nullable() })),
});

/** A person as kept in Redis, whatever version of sgbot wrote it. */
function storedPerson(raw: string): Person {
  const p = readStored(storedPersonSchema, raw, 'roster entry');
  const { slackId: _s, teamsId: _t, ...rest } = p;
  return { ...rest, chat: chatOf(p) };
}

/** A person from loose input (a roster file, a command), checked and made canonical. */
export function makePerson(input: unknown): Person {
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) throw new SgbotError('E_USAGE', `Bad roster entry: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const p = parsed.data;
  if (!isValidZone(p.tz)) throw new SgbotError('E_USAGE', `Bad roster entry for ${p.name}: "${p.tz}" is not a time zone (use an IANA name such as Europe/Zurich).`);
  const email = p.email?.toLowerCase() ?? null;
  const chat = chatOf(p);
  const first = Object.entries(chat)[0];
  const id = p.id ?? email ?? (first ? `${first[0]}:${first[1]}` : null);
  if (!id) throw new SgbotError('E_USAGE', `Roster entry ${p.name} needs an email or a chat id (for example "chat": { "slack": "U0123ABCD" }).`);
  return { id, name: p.name, email, chat, tz: p.tz, roles: p.roles.map((r) => ({ kind: r.kind, scope: canonicalScope(r.scope) })) };
}

/** Whether `role` covers `scope`: a role for SG20 covers Q4/20 and WP1/20; an unscoped role covers everything. */
export function roleCovers(role: Role, scope: string | null): boolean {
  if (role.scope === null) return true;
  if (scope === null) return false;
  if (role.scope === scope) return true;
  const groupOf = (s: string) => {
    const m = /^(?:Q|WP)\d+\/(\d+)$/.exec(s);
    return m ? `SG${m[1]}` : s;
  };
  return /^SG/.test(role.scope) && groupOf(scope) === role.scope;
}

/** People in Redis, indexed by email and by their id on each chat platform. */
export class Roster {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /** The counter every change of the roster increments, in the same transaction (answers kept for reuse check it). */
  versionKey(): string {
    return this.key('roster:version');
  }

  private identityKeys(p: Person): string[] {
    const keys: string[] = [];
    if (p.email) keys.push(identityKey({ channel: 'mail', id: p.email }));
    for (const [platform, id] of Object.entries(chatOf(p))) keys.push(identityKey({ channel: platform, id }));
    return keys;
  }

  /** Add or replace a person; returns the previous record. */
  async put(person: Person): Promise<Person | null> {
    const previous = await this.get(person.id);
    const m = this.redis.multi();
    if (previous) for (const k of this.identityKeys(previous)) m.hdel(this.key('people:by'), k);
    m.hset(this.key('people'), person.id, JSON.stringify(person));
    for (const k of this.identityKeys(person)) m.hset(this.key('people:by'), k, person.id);
    m.incr(this.versionKey());
    await m.exec();
    return previous;
  }

  /** Remove a person; returns the record removed. */
  async remove(id: string): Promise<Person | null> {
    const previous = await this.get(id);
    if (!previous) return null;
    const m = this.redis.multi().hdel(this.key('people'), id);
    for (const k of this.identityKeys(previous)) m.hdel(this.key('people:by'), k);
    m.incr(this.versionKey());
    await m.exec();
    return previous;
  }

  async get(id: string): Promise<Person | null> {
    const raw = await this.redis.hget(this.key('people'), id);
    return raw ? storedPerson(raw) : null;
  }

  /** The person an identity belongs to (a user of a chat platform, a mail sender), or `null`. */
  async byIdentity(who: Pick<Identity, 'channel' | 'id'>): Promise<Person | null> {
    if (who.channel === 'cli' || who.channel === 'web') return this.get(who.id);
    const id = await this.redis.hget(this.key('people:by'), identityKey(who));
    return id ? this.get(id) : null;
  }

  async all(): Promise<Person[]> {
    return (await this.redis.hvals(this.key('people'))).map(storedPerson).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** People holding a role of `kind` that covers `scope` (`Q4/20`…). */
  async withRole(kind: RoleKind, scope: string | null): Promise<Person[]> {
    return (await this.all()).filter((p) => p.roles.some((r) => r.kind === kind && roleCovers(r, scope)));
  }
}

/** Whether `person` may act as the secretariat (for `scope`, or anywhere when `null`). */
export function isSecretariat(person: Person | null, scope: string | null = null): boolean {
  return person?.roles.some((r) => r.kind === 'secretariat' && roleCovers(r, scope)) ?? false;
}
