/**
 * Who may broadcast: only a roster person holding the secretariat role for the group, found by the identity the
 * channel vouches for (a Slack user id, a Teams id, the CLI's `--as`). Anyone else is refused politely, and the
 * attempt is recorded in the audit log (`broadcast.refused`).
 */
import { noAnswer, type PeopleServices, type Reply } from '../core/command.ts';
import { identityKey, type Identity } from '../core/identity.ts';
import { isSecretariat, type Person } from '../people/roster.ts';

export type Authorization = { ok: true; person: Person; who: Identity; whoKey: string } | { ok: false; reply: Reply };

function rolesText(p: Person): string {
  if (p.roles.length === 0) return 'with no role';
  return `as ${p.roles.map((r) => `${r.kind}${r.scope ? ` of ${r.scope}` : ''}`).join(', ')}`;
}

/**
 * Check that `who` is secretariat for `group` — or, when `group` is `null` (the broadcast is not looked up yet),
 * for at least one group. A refusal is audited with `attempt` (what was asked) and returned as an `E_FORBIDDEN`
 * reply that says why and whom to ask instead.
 */
export async function authorizeSecretariat(people: PeopleServices, who: Identity | undefined, group: string | null, attempt: { command: string; id?: string; group?: string }, at: Date): Promise<Authorization> {
  const groupText = group ? `the ${group} secretariat` : 'the secretariat';
  const refuse = async (whoKey: string, reason: string, message: string, notes: string[]): Promise<Authorization> => {
    await people.audit.record({ who: whoKey, action: 'broadcast.refused', target: attempt.id ?? group ?? 'broadcast', result: 'refused', details: { reason, ...(group ? { group } : {}), ...attempt }, at });
    return { ok: false, reply: noAnswer('E_FORBIDDEN', message, [...notes, 'This attempt has been recorded in the audit log.'], { refused: reason, ...attempt }) };
  };
  if (!who) {
    return refuse('unknown', 'no-identity', `Sorry, I cannot tell who you are here, and only ${groupText} may send broadcasts.`, [
      'From the terminal, say who you are with --as and your roster id (your email), for example: sgbot ask "broadcast SG20 …" --as secretariat@example.org',
    ]);
  }
  const whoKey = identityKey(who);
  if (!who.verified) {
    return refuse(whoKey, 'unverified', `Sorry, I could not verify that this request really comes from ${who.id}, so I cannot send a broadcast for it.`, [
      'Broadcasts need an identity the channel vouches for: please ask from Slack, Teams or the terminal.',
    ]);
  }
  const person = await people.roster.byIdentity(who);
  if (!person) {
    return refuse(whoKey, 'not-in-roster', `Sorry, only ${groupText} may send broadcasts, and you (${who.channel} ${who.id}) are not in the roster.`, [
      `If an announcement is needed, please ask ${groupText} to send it.`,
    ]);
  }
  const allowed = group ? isSecretariat(person, group) : person.roles.some((r) => r.kind === 'secretariat');
  if (!allowed) {
    return refuse(whoKey, 'not-secretariat', `Sorry, ${person.name}: only ${groupText} may send broadcasts, and the roster lists you ${rolesText(person)}.`, [
      `If an announcement is needed, please ask ${groupText} to send it.`,
    ]);
  }
  return { ok: true, person, who, whoKey };
}
