/**
 * `sgbot roster import|list|add|remove` and `sgbot audit`: the roster of who is who, and the record of what was done.
 * The terminal is the operator's: changes made here are audited as `cli:operator`.
 */
import { Command } from 'commander';
import { SgbotError } from '../core/errors.ts';
import { importRoster, readRosterFile } from '../people/roster-file.ts';
import { makePerson, type Person } from '../people/roster.ts';
import type { Services } from '../main.ts';
import type { CliIO } from './io.ts';

type WithServices = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

const roles = (p: Person) => p.roles.map((r) => (r.scope ? `${r.kind} ${r.scope}` : r.kind)).join(', ') || 'no role';

/** `role[:scope]` → a role input: `rapporteur:Q4/20`, `secretariat`. */
function parseRole(text: string): { kind: string; scope: string | null } {
  const [kind = '', scope] = text.split(':');
  return { kind, scope: scope ?? null };
}

/** The `roster` command group. */
export function rosterCommand(io: CliIO, withServices: WithServices): Command {
  const cmd = new Command('roster').description('Who is who: delegates, rapporteurs, chairs and the secretariat, with email, Slack/Teams ids and time zone.');
  cmd
    .command('import')
    .description('Add or update everyone in a roster file (JSON, see .env.example: SGBOT_ROSTER).')
    .argument('<file>', 'the roster file')
    .action((file: string) =>
      withServices(async (s) => {
        const r = await importRoster(s.roster, s.audit, await readRosterFile(file), 'cli:operator');
        io.out(`${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged.`);
      }),
    );
  cmd
    .command('list')
    .description('List the roster.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withServices(async (s) => {
        const all = await s.roster.all();
        if (opts.json) return io.out(JSON.stringify(all, null, 2));
        io.out(all.length ? all.map((p) => `${p.name} <${p.email ?? '-'}> ${Object.entries(p.chat).map(([platform, id]) => `${platform} ${id}`).join(' ') || 'no chat'} ${p.tz}: ${roles(p)}`).join('\n') : 'The roster is empty. Import one with: sgbot roster import roster.json');
      }),
    );
  cmd
    .command('add')
    .description('Add or replace one person.')
    .requiredOption('--name <name>', 'full name')
    .option('--email <address>', 'email address (also the id)')
    .option('--slack <id>', 'Slack user id (U0123ABCD)')
    .option('--teams <id>', 'Teams (Entra ID) object id')
    .option('--tz <zone>', 'IANA time zone', 'Europe/Zurich')
    .option('--role <role...>', 'roles, each kind or kind:scope: delegate, rapporteur:Q4/20, associate-rapporteur:Q4/20, wp-chair:WP1/20, sg-chair:SG20, secretariat[:SG20]')
    .addHelpText('after', '\nExample:\n  sgbot roster add --name "Ana Silva" --email ana@example.org --slack U0123ABCD --tz America/Sao_Paulo --role rapporteur:Q4/20')
    .action((opts: { name: string; email?: string; slack?: string; teams?: string; tz: string; role?: string[] }) =>
      withServices(async (s) => {
        const person = makePerson({ name: opts.name, email: opts.email, slackId: opts.slack, teamsId: opts.teams, tz: opts.tz, roles: (opts.role ?? []).map(parseRole) });
        const r = await importRoster(s.roster, s.audit, [person], 'cli:operator');
        io.out(`${r.added.length ? 'Added' : r.updated.length ? 'Updated' : 'Unchanged:'} ${person.name} (${person.id}): ${roles(person)}.`);
      }),
    );
  cmd
    .command('remove')
    .description('Remove one person (by id: their email, or slack:U…).')
    .argument('<id>', 'person id')
    .action((id: string) =>
      withServices(async (s) => {
        const gone = await s.roster.remove(id);
        if (!gone) throw new SgbotError('E_NOT_FOUND', `No one in the roster has the id "${id}". See: sgbot roster list`);
        await s.audit.record({ who: 'cli:operator', action: 'role.changed', target: id, result: 'ok', details: { from: roles(gone), to: 'removed' } });
        io.out(`Removed ${gone.name} (${id}).`);
      }),
    );
  return cmd;
}

/** The `audit` command. */
export function auditCommand(io: CliIO, withServices: WithServices): Command {
  return new Command('audit')
    .description('What was done, newest first: broadcasts, reminders sent, subscription and role changes.')
    .option('--limit <n>', 'at most this many', '50')
    .option('--action <prefix>', 'only actions starting with this (broadcast, reminder, subscription, role)')
    .option('--json', 'print JSON')
    .action((opts: { limit: string; action?: string; json?: boolean }) =>
      withServices(async (s) => {
        const entries = await s.audit.latest(Math.max(1, Number(opts.limit) || 50), opts.action);
        if (opts.json) return io.out(JSON.stringify(entries, null, 2));
        io.out(entries.length ? entries.map((e) => `${e.at}  ${e.who.padEnd(22)} ${e.action.padEnd(22)} ${e.target}  ${e.result}`).join('\n') : 'Nothing recorded yet.');
      }),
    );
}
