/**
 * `sgbot quarantine list|show|retry`: what could not be read, why, and a way to try again once the cause is fixed
 * (a limit raised, a parser fixed). A mail is retried from its kept raw bytes, a file from its path.
 */
import { Command } from 'commander';
import { SgbotError } from '../core/errors.ts';
import { ingestRaw } from '../ingest/ingest-raw.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import type { Services } from '../main.ts';
import type { QuarantineEntry } from '../store/quarantine.ts';
import type { CliIO } from './io.ts';
import { formatInstant } from '../core/time.ts';

type WithServices = <T>(fn: (services: Services) => Promise<T>) => Promise<T>;

function line(e: QuarantineEntry, zone: string): string {
  const first = e.problems[0];
  return `${e.id.slice(0, 12)}  ${formatInstant(e.at, zone)}  ${e.partial ? 'partial ' : 'rejected'}  ${e.name.slice(0, 60)}${first ? `\n      ${first.code}: ${first.message.slice(0, 160)}` : ''}`;
}

async function find(services: Services, id: string): Promise<QuarantineEntry> {
  const entry = await services.quarantine.get(id);
  if (!entry) throw new SgbotError('E_NOT_FOUND', `Nothing in the quarantine has the id "${id}". List them with: sgbot quarantine list`);
  return entry;
}

/** Retry one entry; returns `true` when it left the quarantine. */
async function retry(services: Services, entry: QuarantineEntry, io: CliIO): Promise<boolean> {
  if (entry.rawId) {
    const out = await ingestRaw(services, entry.rawId, { force: true });
    io.out(`${entry.id.slice(0, 12)}: ${out.state}, ${out.documents.length} document(s)${out.problems.length ? `, ${out.problems.length} problem(s) remain` : ''}`);
    return out.state === 'done';
  }
  if (entry.path) {
    const summary = await ingestPaths([entry.path], services);
    io.out(`${entry.id.slice(0, 12)}: ${summary.added} stored, ${summary.duplicates} duplicate(s), ${summary.problems.length} problem(s) remain`);
    return summary.problems.length === 0;
  }
  return false;
}

/** The `quarantine` command group. */
export function quarantineCommand(io: CliIO, withServices: WithServices, result: { code: number }): Command {
  const cmd = new Command('quarantine').description('Inputs that could not be read or parsed: list them, show why, retry them.');
  cmd
    .command('list')
    .description('List quarantined inputs, newest first.')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many', '50')
    .action((opts: { json?: boolean; limit: string }) =>
      withServices(async (s) => {
        const entries = await s.quarantine.list(Math.max(1, Number(opts.limit) || 50));
        if (opts.json) io.out(JSON.stringify(entries, null, 2));
        else if (entries.length === 0) io.out('The quarantine is empty: everything ingested was read.');
        else io.out(`${entries.map((e) => line(e, s.config.SGBOT_TZ)).join('\n')}\n\n${await s.quarantine.count()} in quarantine. Details: sgbot quarantine show ID`);
      }),
    );
  cmd
    .command('show')
    .description('Show every problem of one quarantined input.')
    .argument('<id>', 'id (or its first characters) from `sgbot quarantine list`')
    .option('--json', 'print JSON')
    .action((id: string, opts: { json?: boolean }) =>
      withServices(async (s) => {
        const e = await find(s, id);
        const raw = e.rawId ? await s.raw.meta(e.rawId) : null;
        if (opts.json) return io.out(JSON.stringify({ ...e, raw }, null, 2));
        io.out(`${e.name}\n  id        ${e.id}\n  at        ${formatInstant(e.at, s.config.SGBOT_TZ)}\n  status    ${e.partial ? 'partly stored' : 'nothing stored'}`);
        if (raw) io.out(`  raw       ${raw.size} bytes${raw.kept ? ', kept' : ', not kept (over the size limit)'}, from ${JSON.stringify(raw.origin)}`);
        if (e.path) io.out(`  file      ${e.path}`);
        for (const p of e.problems) io.out(`  - ${p.name}\n    ${p.code}: ${p.message}`);
        io.out(`\nRetry with: sgbot quarantine retry ${e.id.slice(0, 12)}`);
      }),
    );
  cmd
    .command('retry')
    .description('Read quarantined inputs again (after raising a limit or upgrading sgbot).')
    .argument('[ids...]', 'ids (or their first characters)')
    .option('--all', 'retry every entry')
    .action((ids: string[], opts: { all?: boolean }) =>
      withServices(async (s) => {
        if (!opts.all && ids.length === 0) throw new SgbotError('E_USAGE', 'Name the entries to retry (sgbot quarantine retry ID…) or use --all.');
        const entries = opts.all ? await s.quarantine.list(100_000) : await Promise.all(ids.map((id) => find(s, id)));
        let left = 0;
        for (const e of entries) if (!(await retry(s, e, io))) left++;
        io.out(`${entries.length - left} of ${entries.length} left the quarantine.`);
        result.code = left > 0 ? 1 : 0;
      }),
    );
  return cmd;
}
