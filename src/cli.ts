/**
 * The `sgbot` command line: `parse`, `ingest`, `ask`. One error sink: known failures print a message that says how
 * to fix them and exit 1 (or 2 for bad usage); nothing prints a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { answer } from './chat/router.ts';
import { renderText } from './chat/render-text.ts';
import { loadConfig } from './config.ts';
import { ERROR_CODES, isSgbotError, SgbotError } from './core/errors.ts';
import { CATEGORY_LABELS, KIND_LABELS } from './core/labels.ts';
import { isValidZone, resolveNow } from './core/time.ts';
import type { ParsedDocument } from './core/types.ts';
import { extractFile } from './ingest/extract.ts';
import { ingestPaths, parsePart } from './ingest/pipeline.ts';
import { DEFAULT_LIMITS } from './ingest/types.ts';
import { createServices } from './main.ts';

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
};

function describe(p: ParsedDocument, name: string): string {
  const lines = [`${name}: ${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}`];
  const add = (label: string, value: string | null | undefined) => value && lines.push(`  ${label.padEnd(12)} ${value}`);
  add('Reference', p.reference);
  add('Revision', p.revision);
  add('Date', p.date);
  add('Title', p.title);
  if (p.meeting) add('Meeting', `${p.meeting.start} to ${p.meeting.end}${p.meeting.place ? `, ${p.meeting.place}` : ''}${p.meeting.startTime ? `, opens ${p.meeting.startTime}` : ''}`);
  for (const e of p.events) add('Event', `${e.start}${e.end !== e.start ? ` to ${e.end}` : ''}${e.startTime ? ` ${e.startTime}${e.endTime ? `-${e.endTime}` : ''}${e.timezone ? ` ${e.timezone}` : ''}` : ''}: ${e.title}${e.place ? ` (${e.place})` : ''}`);
  for (const d of p.deadlines)
    add('Deadline', `${d.date}${d.time ? ` ${d.time}` : ''} ${d.timezone}: ${CATEGORY_LABELS[d.category]}${d.derived ? ' (derived)' : ''} — ${d.action.slice(0, 100)}`);
  if (p.liaison) {
    const l = p.liaison;
    add('Liaison', `from ${l.from ?? '?'} to ${l.to.join(', ') || '?'}${l.cc.length ? `, cc ${l.cc.join(', ')}` : ''}; purpose ${l.purpose ?? '?'}${l.deadline ? `; reply by ${l.deadline}` : ''}`);
    if (l.questions.length) add('Questions', l.questions.join(', '));
    for (const c of l.contacts) add('Contact', [c.name, c.organization, c.email].filter(Boolean).join(', '));
  }
  for (const r of p.roles) add('Lead role', `${r.group}: ${r.topic}`);
  if (p.recommendations.length) add('Recs', p.recommendations.map((r) => (r.ex ? `${r.id} (ex ${r.ex})` : r.id)).join(', '));
  if (p.questions.length) add('Questions', p.questions.map((q) => q.id).join(', '));
  const lists = p.addresses.filter((a) => a.kind !== 'other');
  if (lists.length) add('Addresses', lists.map((a) => a.address).join(', '));
  return lines.join('\n');
}

async function runParse(file: string, opts: { json?: boolean }, io: CliIO): Promise<number> {
  const maxFileBytes = loadConfig(io.env).SGBOT_MAX_FILE_MB * 1024 * 1024;
  const { parts, problems } = await extractFile(file, { ...DEFAULT_LIMITS, maxFileBytes });
  for (const p of problems) io.err(`warning: ${p.error.message}`);
  const parsed = parts.map((part) => ({ part, ...parsePart(part) }));
  for (const p of parsed) if (p.error) io.err(`warning: ${p.error.message}`);
  // A mail: the part that says most (an attached letter rather than the covering note).
  const rank = (p: ParsedDocument) => (p.kind === 'other' ? 0 : 10) + p.deadlines.length + (p.meeting ? 2 : 0) + (p.liaison ? 2 : 0);
  const best = [...parsed].sort((a, b) => rank(b.parsed) - rank(a.parsed))[0];
  if (!best) throw new SgbotError('E_BAD_DOCUMENT', `${file}: no text could be read from it.`);
  if (opts.json) {
    const extra = parsed.length > 1 ? { parts: parsed.map((p) => ({ name: p.part.name, kind: p.parsed.kind, reference: p.parsed.reference })) } : {};
    io.out(JSON.stringify({ ...best.parsed, ...extra }, null, 2));
  } else {
    io.out(parsed.map((p) => describe(p.parsed, p.part.name)).join('\n\n'));
  }
  return 0;
}

async function runIngest(paths: string[], opts: { json?: boolean; progress?: boolean }, io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  const services = await createServices(config);
  try {
    let bar: SingleBar | null = null;
    const summary = await ingestPaths(paths, services.store, {
      limits: { ...DEFAULT_LIMITS, maxFileBytes: config.SGBOT_MAX_FILE_MB * 1024 * 1024 },
      progress: {
        start: (total) => {
          if (opts.progress === false || !io.isTTY || total < 2) return;
          bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, stream: process.stderr });
          bar.start(total, 0, { file: '' });
        },
        tick: (name) => bar?.increment(1, { file: name.slice(-40) }),
        stop: () => bar?.stop(),
      },
    });
    const index = await services.search();
    await index.catchUp();
    await index.save();
    if (opts.json) io.out(JSON.stringify(summary, null, 2));
    else {
      for (const d of summary.documents)
        io.out(`${d.status.padEnd(14)} ${d.name}: ${d.kind}${d.group ? ` ${d.group}` : ''}${d.reference ? ` "${d.reference}"` : ''}, ${d.deadlines} deadline(s)`);
      for (const p of summary.problems) io.err(`problem        ${p.message}`);
      io.out(`\n${summary.files} file(s): ${summary.added} stored, ${summary.duplicates} duplicate(s), ${summary.revisions} revision(s), ${summary.problems.length} problem(s).`);
    }
    return summary.problems.length > 0 ? 1 : 0;
  } finally {
    await services.close();
  }
}

async function runAsk(text: string, opts: { json?: boolean; now?: string; tz?: string }, io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  const tz = opts.tz ?? config.SGBOT_TZ;
  if (!isValidZone(tz)) throw new SgbotError('E_USAGE', `Unknown time zone "${tz}". Use an IANA name such as Europe/Zurich, America/New_York or Asia/Tokyo.`);
  let now: number;
  try {
    now = resolveNow(opts.now, tz);
  } catch {
    throw new SgbotError('E_USAGE', `--now must be an ISO date or date-time such as 2026-03-01 or 2026-03-01T09:00, not "${opts.now}".`);
  }
  const services = await createServices(config);
  try {
    const { command, reply } = await answer(services.registry, services.context(now, tz), text);
    if (opts.json) io.out(JSON.stringify({ command, now: new Date(now).toISOString(), tz, ...reply }, null, 2));
    else if (reply.ok) io.out(renderText(reply));
    else io.err(renderText(reply));
    if (reply.ok) return 0;
    return reply.code && reply.code in ERROR_CODES ? ERROR_CODES[reply.code as keyof typeof ERROR_CODES].exit : 1;
  } finally {
    await services.close();
  }
}

/** Build the commander program; actions store their exit code in `result`. */
function program(io: CliIO, result: { code: number }): Command {
  const cmd = new Command('sgbot')
    .description('sgbot: reads ITU-T study-group documents and answers delegates.\nSettings: REDIS_URL, SGBOT_PREFIX (see README).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  cmd
    .command('parse')
    .description('Parse one document (.txt, .eml, .docx, .pdf, .html) without any server and print what was understood.')
    .argument('<file>', 'the document')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', '\nExample:\n  sgbot parse letter.docx --json')
    .action(async (file: string, opts: { json?: boolean }) => {
      result.code = await runParse(file, opts, io);
    });
  cmd
    .command('ingest')
    .description('Store documents (files or folders of .txt, .eml, .docx, .pdf, .html) in Redis and index them.')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .addHelpText('after', '\nExit code 1 when some input could not be read (the rest is stored).\nExample:\n  sgbot ingest ./inbox letter.docx')
    .action(async (paths: string[], opts: { json?: boolean; progress?: boolean }) => {
      result.code = await runIngest(paths, opts, io);
    });
  cmd
    .command('ask')
    .description('Answer a command or question exactly as the chat channels would.')
    .argument('<text...>', 'e.g. "/deadlines SG20" or "who leads IoT identification"')
    .option('--json', 'print the answer as JSON')
    .addOption(new Option('--now <iso-date>', 'take this as the current date (for everything time-relative)'))
    .addOption(new Option('--tz <iana-zone>', 'show times in this zone (default SGBOT_TZ or Europe/Zurich)'))
    .addHelpText('after', '\nExamples:\n  sgbot ask "/deadlines SG20" --now 2026-03-01\n  sgbot ask "who leads IoT identification" --json\n  sgbot ask "when is the next SG13 meeting" --tz Asia/Tokyo')
    .action(async (text: string[], opts: { json?: boolean; now?: string; tz?: string }) => {
      result.code = await runAsk(text.join(' '), opts, io);
    });
  return cmd;
}

/**
 * Run the CLI with `argv` (as `process.argv`); returns the exit code: 0 success, 1 failure the user can fix,
 * 2 bad usage.
 */
export async function runCli(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const result = { code: 0 };
  try {
    await program(io, result).parseAsync(argv);
    return result.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
    }
    if (isSgbotError(err)) {
      io.err(`sgbot: ${err.message}`);
      return err.exitCode;
    }
    io.err(`sgbot: unexpected error: ${(err as Error)?.message ?? String(err)}\nThis is a bug; please report it with the command you ran.`);
    return 1;
  }
}
