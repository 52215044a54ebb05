/**
 * The roster settings file (`SGBOT_ROSTER`, JSON): `{ "people": [{ "name", "email", "chat": { "slack": "U0123ABCD",
 * "webhook": "ana" }, "tz", "roles": [{ "kind": "rapporteur", "scope": "Q4/20" }] }] }` (older files' `slackId` and
 * `teamsId` are read as `chat.slack` and `chat.teams`). Importing it adds or updates each person and audits
 * every role change; people not in the file are left alone (they may have joined from chat).
 */
import { readFile } from 'node:fs/promises';
import { SgbotError } from '../core/errors.ts';
import type { AuditLog } from '../store/audit.ts';
import { makePerson, type Person, type Roster } from './roster.ts';
import { markReplan } from '../reminders/replan.ts';

/** What an import changed. */
export interface RosterImport {
  added: string[];
  updated: string[];
  unchanged: string[];
}

const roleText = (p: Person | null) => (p?.roles ?? []).map((r) => (r.scope ? `${r.kind}:${r.scope}` : r.kind)).sort().join(',');

/** Read and check a roster file. @throws SgbotError E_FILE / E_USAGE naming the bad entry. */
export async function readRosterFile(path: string): Promise<Person[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new SgbotError('E_FILE', `Cannot read the roster ${path} (${(err as Error).message}). It must be JSON: { "people": [ { "name": …, "email": …, "roles": [ { "kind": "rapporteur", "scope": "Q4/20" } ] } ] }.`, { cause: err });
  }
  const list = (json as { people?: unknown }).people;
  if (!Array.isArray(list)) throw new SgbotError('E_USAGE', `The roster ${path} must have a "people" array.`);
  return list.map((entry, n) => {
    try {
      return makePerson(entry);
    } catch (err) {
      throw new SgbotError('E_USAGE', `${path}, person ${n + 1}: ${(err as Error).message}`, { cause: err });
    }
  });
}

/** Add or update everyone in `people`; role changes are audited as `by`. */
export async function importRoster(roster: Roster, audit: AuditLog, people: Person[], by: string): Promise<RosterImport> {
  const out: RosterImport = { added: [], updated: [], unchanged: [] };
  for (const person of people) {
    const before = await roster.get(person.id);
    if (before && JSON.stringify(before) === JSON.stringify(person)) {
      out.unchanged.push(person.id);
      continue;
    }
    await roster.put(person);
    (before ? out.updated : out.added).push(person.id);
    await markReplan(roster.redis, roster.prefix);
    if (roleText(before) !== roleText(person)) {
      await audit.record({ who: by, action: 'role.changed', target: person.id, result: 'ok', details: { from: roleText(before), to: roleText(person) } });
    }
  }
  return out;
}
