/**
 * The `sgbot` command line: `parse`, `ingest`, `ask`. One error sink: known failures print a message that says how
 * to fix them and exit 1 (or 2 for bad usage); nothing prints a stack trace.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { answer } from './chat/router.ts';
import { renderText } from './chat/render-text.ts';
import { loadConfig, platformEnv } from './config.ts';
import { redactText } from './log.ts';
import { ERROR_CODES, isSgbotError, SgbotError } from './core/errors.ts';
import { CATEGORY_LABELS, KIND_LABELS } from './core/labels.ts';
import { isValidZone, resolveNow, resolveZone } from './core/time.ts';
import type { ParsedDocument } from './core/types.ts';
import { extractFile } from './ingest/extract.ts';
import { ingestPaths, parsePart } from './ingest/pipeline.ts';
import { DEFAULT_LIMITS } from './ingest/types.ts';
import { listInputFiles } from './ingest/walk.ts';
import { createServices, platformContext, type Services } from './main.ts';
import { type CliIO, defaultIO } from './cli/io.ts';
import { quarantineCommand } from './cli/quarantine.ts';
import { statusCommand } from './cli/status.ts';
import { auditCommand, rosterCommand } from './cli/people.ts';
import { remindersCommand } from './cli/reminders.ts';
import { loadRosterSetting, startWorker } from './worker.ts';
import { applyCancellations } from './reminders/cancellations.ts';
import { queuePlan } from './reminders/index.ts';
import { applyReplies } from './reminders/replies.ts';
import { reparseStored } from './store/reparse.ts';
import { serve } from './cli/serve.ts';
import { startCommand } from './cli/start.ts';
import { createWebServer } from './web/server.ts';
import { hashPassword, LoginLimiter, waitText } from './web/console/auth.ts';
import { startHeartbeat } from './health.ts';
import { PLATFORMS } from './chat/platforms.ts';
import type { ChatPlatform } from './core/platform.ts';

export type { CliIO };

/** Run `fn` with services built from the settings, closing them afterwards. */
function servicesRunner(io: CliIO) {
  return async <T>(fn: (services: Services) => Promise<T>): Promise<T> => {
    const services = await createServices(loadConfig(io.env));
    try {
      return await fn(services);
    } finally {
      await services.close();
    }
  };
}

function describe(p: ParsedDocument, name: string): string {
  const lines = [`${name}: ${KIND_LABELS[p.kind]}${p.group ? ` of ${p.group}` : ''}`];
  const add = (label: string, value: string | null | undefined) => value && lines.push(`  ${label.padEnd(12)} ${value}`);
  add('Reference', p.reference);
  add('Revision', p.revision);
  add('Date', p.date);
  add('Title', p.title);
  for (const m of [...(p.meeting ? [p.meeting] : []), ...(p.moreMeetings ?? [])])
    add('Meeting', `${m.start} to ${m.end}${m.place ? `, ${m.place}` : ''}${m.startTime ? `, opens ${m.startTime}` : ''}${p.moreMeetings?.length ? `: ${m.title}` : ''}`);
  for (const m of p.bodyMeetings ?? []) add('Meets next', `${m.body ?? ''} ${m.title}: ${m.start} to ${m.end}${m.place ? `, ${m.place}` : ''}`.trim());
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
  if (parts.some((p) => DEMO_PLACEHOLDER.test(p.text))) {
    io.err(`warning: ${file} has {{…}} placeholders where its dates go: it is a template of the demo inbox. sgbot start fills it in with this week's dates in .sgbot/sample-inbox/; parse that copy instead.`);
  }
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

/**
 * `sgbot reparse`: read every stored document again with this version's parser, replace the facts that changed and
 * plan their reminders again. Resumable with --after (the sequence number it printed last).
 */
async function runReparse(opts: { json?: boolean; progress?: boolean; after?: string }, io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  const afterSeq = opts.after === undefined ? 0 : Number(opts.after);
  if (!Number.isInteger(afterSeq) || afterSeq < 0) throw new SgbotError('E_USAGE', `--after takes the sequence number a run printed (a whole number), not "${opts.after}".`);
  const services = await createServices(config);
  try {
    const total = await services.store.count();
    const showBar = opts.progress !== false && io.isTTY && total > 1;
    const bar = showBar ? new SingleBar({ format: 'reparse [{bar}] {value}/{total} documents, {changed} changed', hideCursor: true, stream: process.stderr }) : null;
    bar?.start(total, 0, { changed: 0 });
    const result = await reparseStored(services.store, { afterSeq, progress: (read, changed) => bar?.update(read, { changed }) });
    bar?.stop();
    for (const id of result.changed) await queuePlan(services.reminders, id, Date.now());
    await services.audit.record({ who: 'cli:operator', action: 'documents.reparsed', target: 'all', result: 'ok', details: { read: result.read, changed: result.changed.length, afterSeq } });
    if (opts.json) io.out(JSON.stringify(result));
    else {
      io.out(`Read ${result.read} stored document${result.read === 1 ? '' : 's'} again: ${result.changed.length} changed, their reminders planned again.`);
      if (result.missingText) io.out(`${result.missingText} had no stored text and were left as they were.`);
      io.out(`Last sequence number read: ${result.lastSeq} (sgbot reparse --after ${result.lastSeq} goes on from there).`);
    }
    return 0;
  } finally {
    await services.close();
  }
}

/** Where the demo inbox's templates have a date still to fill in: `{{d:…}}`, `{{range:…}}`, `{{rfc:…}}`. */
const DEMO_PLACEHOLDER = /\{\{(?:d|range|rfc):[A-Za-z.]+/;

/** Bytes of a file read to tell a demo template: its placeholders start in the mail's headers. */
const TEMPLATE_HEAD = 8 * 1024;

/**
 * Files among `paths` (files, and the .eml/.txt files of folders at any depth, as the ingest lists them) that are
 * the demo inbox's templates. Only the head of each is read: the ingest that follows reads the files whole.
 */
async function demoTemplates(paths: string[]): Promise<string[]> {
  const { files } = await listInputFiles(paths, { extensions: ['.eml', '.txt'] });
  const head = Buffer.alloc(TEMPLATE_HEAD);
  const isTemplate = (f: string) => {
    if (!/\.(?:eml|txt)$/i.test(f)) return false;
    let fd: number | null = null;
    try {
      if (!statSync(f).isFile()) return false;
      fd = openSync(f, 'r');
      const n = readSync(fd, head, 0, TEMPLATE_HEAD, 0);
      return DEMO_PLACEHOLDER.test(head.toString('utf8', 0, n));
    } catch {
      // A file that cannot be read is the pipeline's to report.
      return false;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  };
  return files.filter(isTemplate);
}

async function runIngest(paths: string[], opts: { json?: boolean; progress?: boolean }, io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  // A mistyped path is the user's to fix, not a document that could not be read: nothing is stored or quarantined.
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) throw new SgbotError('E_NOT_FOUND', `No such file or folder: ${missing.join(', ')}. Nothing was ingested; check the path${missing.length > 1 ? 's' : ''} and run the command again.`);
  const templates = await demoTemplates(paths);
  if (templates.length > 0) {
    throw new SgbotError(
      'E_USAGE',
      `${templates.join(', ')} ${templates.length > 1 ? 'are templates' : 'is a template'} of the demo inbox: {{…}} placeholders stand where the dates go. ` +
        'Nothing was ingested. sgbot start fills them in with this week\'s dates in .sgbot/sample-inbox/ and ingests that copy; ingest .sgbot/sample-inbox instead.',
    );
  }
  const services = await createServices(config);
  try {
    let bar: SingleBar | null = null;
    const showBar = opts.progress !== false && io.isTTY;
    const summary = await ingestPaths(
      paths,
      { ...services, archive: { ...services, prefix: config.SGBOT_PREFIX, maxRawBytes: config.SGBOT_MAX_MAIL_MB * 1024 * 1024 } },
      {
        limits: services.limits,
        listRules: services.listRules,
        progress: {
          start: (total) => {
            if (!showBar || total < 2) return;
            bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, stream: process.stderr });
            bar.start(total, 0, { file: '' });
          },
          tick: (name) => bar?.increment(1, { file: name.slice(-40) }),
          stop: () => bar?.stop(),
        },
        archiveProgress: {
          start: (total, unit, name) => {
            if (!showBar) return;
            const format = unit === 'bytes' ? `${name.slice(-30)} [{bar}] {percentage}% {value_mb}/{total_mb} MB, {eta_formatted} left` : `${name.slice(-30)} [{bar}] {value}/{total} messages, {eta_formatted} left`;
            bar = new SingleBar({ format, hideCursor: true, stream: process.stderr, etaBuffer: 50 });
            bar.start(total, 0, { value_mb: '0', total_mb: (total / 1048576).toFixed(1) });
          },
          update: (done) => (bar)?.update(done, { value_mb: (done / 1048576).toFixed(1) }),
          stop: () => (bar)?.stop(),
        },
      },
    );
    // A reply stored answers the statement it names, and a letter cancelling a meeting cancels it, here too, so that
    // what is asked next reads them so with no worker running (the worker's plan job finds them settled already).
    // (Only a statement answers one: the others are not read again for it.)
    for (const d of summary.documents) {
      if (d.status !== 'added' && d.status !== 'revision') continue;
      if (d.kind === 'liaison-statement') await applyReplies(services.reminders, d.id);
      await applyCancellations(services.reminders, d.id);
    }
    const index = await services.search();
    await index.catchUp();
    await index.save();
    if (opts.json) io.out(JSON.stringify(summary, null, 2));
    else {
      for (const a of summary.archives)
        io.out(`archive        ${a.archive}: ${a.messages} message(s): ${a.ingested} ingested, ${a.duplicates} already there, ${a.partial} partly read, ${a.quarantined} quarantined${a.resumedFrom > 0 ? ` (resumed at byte ${a.resumedFrom})` : ''}`);
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

async function runAsk(text: string, opts: { json?: boolean; now?: string; tz?: string; as?: string }, io: CliIO): Promise<number> {
  const config = loadConfig(io.env);
  const tz = opts.tz === undefined ? config.SGBOT_TZ : resolveZone(opts.tz);
  if (tz === null || !isValidZone(tz)) throw new SgbotError('E_USAGE', `Unknown time zone "${opts.tz}". Use an IANA name such as Europe/Zurich, America/New_York or Asia/Tokyo.`);
  let now: number;
  try {
    now = resolveNow(opts.now, tz);
  } catch {
    throw new SgbotError('E_USAGE', `--now must be an ISO date or date-time such as 2026-03-01 or 2026-03-01T09:00, not "${opts.now}".`);
  }
  const services = await createServices(config);
  try {
    // The terminal is the operator's: --as names the roster person the command is for (subscriptions, broadcasts).
    const who = opts.as ? { channel: 'cli' as const, id: opts.as.toLowerCase(), verified: true } : undefined;
    const { command, reply } = await answer(services.registry, services.context(now, tz, who), text);
    if (opts.json) io.out(JSON.stringify({ command, now: new Date(now).toISOString(), tz, ...reply }, null, 2));
    else if (reply.ok) io.out(renderText(reply));
    else io.err(renderText(reply));
    if (reply.ok) return 0;
    return reply.code && reply.code in ERROR_CODES ? ERROR_CODES[reply.code as keyof typeof ERROR_CODES].exit : 1;
  } finally {
    await services.close();
  }
}

function runWorker(io: CliIO): Promise<number> {
  return serve(io, 'worker', () => null, async (services) => {
    const roster = await loadRosterSetting(services);
    const worker = startWorker(services);
    return { describe: () => [...(roster ? [roster] : []), ...worker.describe()], stop: () => worker.stop() };
  });
}

/** `sgbot <platform>`: one chat platform of the list alone, with its heartbeat, until stopped. */
function runPlatform(io: CliIO, platform: ChatPlatform): Promise<number> {
  return serve(
    io,
    platform.id,
    (config) => platform.settings.parse(platformEnv(config)),
    async (services, settings) => {
      const running = await platform.start(settings, platformContext(services));
      const hb = startHeartbeat(services.redis, services.config.SGBOT_PREFIX, platform.id, () => ({ port: running.port }), { log: services.log });
      return {
        describe: () => [running.describe.replace(/\s{2,}/, ' ')],
        stop: async () => {
          await hb.stop();
          await running.stop();
        },
      };
    },
  );
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
    .description('Parse one document (.txt, .eml, .docx, .doc, .pdf, .html) without any server and print what was understood.')
    .argument('<file>', 'the document')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', '\nExample:\n  sgbot parse letter.docx --json')
    .action(async (file: string, opts: { json?: boolean }) => {
      result.code = await runParse(file, opts, io);
    });
  cmd
    .command('ingest')
    .description('Store documents (files or folders of .txt, .eml, .docx, .doc, .pdf, .html; .mbox archives; maildir folders) in Redis and index them.')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .addHelpText('after', '\nExit code 1 when some input could not be read (the rest is stored; see sgbot quarantine list).\nAn interrupted .mbox import resumes where it stopped when run again.\nExamples:\n  sgbot ingest ./inbox letter.docx\n  sgbot ingest archive.mbox ~/Maildir')
    .action(async (paths: string[], opts: { json?: boolean; progress?: boolean }) => {
      result.code = await runIngest(paths, opts, io);
    });
  cmd
    .command('reparse')
    .description("Read every stored document again with this version's parser; facts that changed are replaced (corrections still win) and their reminders planned again.")
    .option('--after <seq>', 'go on after this sequence number (a run prints the last one it read)')
    .option('--json', 'print the result as JSON')
    .option('--no-progress', 'no progress bar')
    .addHelpText('after', '\nRun it after upgrading sgbot, so documents stored before read as the new version reads them.\nExample:\n  sgbot reparse')
    .action(async (opts: { json?: boolean; progress?: boolean; after?: string }) => {
      result.code = await runReparse(opts, io);
    });
  cmd
    .command('ask')
    .description('Answer a command or question exactly as the chat channels would.')
    .argument('<text...>', 'e.g. "/deadlines SG20" or "who leads IoT identification"')
    .option('--json', 'print the answer as JSON')
    .addOption(new Option('--now <iso-date>', 'take this as the current date (for everything time-relative)'))
    .addOption(new Option('--tz <zone>', 'show times in this zone: an IANA name (Asia/Tokyo) or a city (geneva, new york); default SGBOT_TZ or Europe/Zurich'))
    .addOption(new Option('--as <person-id>', 'act as this roster person (their email): for subscribe, broadcast…'))
    .addHelpText('after', '\nExamples:\n  sgbot ask "/deadlines SG20" --now 2026-03-01\n  sgbot ask "who leads IoT identification" --json\n  sgbot ask "when is the next SG13 meeting" --tz Asia/Tokyo')
    .action(async (text: string[], opts: { json?: boolean; now?: string; tz?: string; as?: string }) => {
      result.code = await runAsk(text.join(' '), opts, io);
    });
  cmd
    .command('worker')
    .description('Run the background jobs (ingest, reminders, digests, broadcasts) and read the IMAP mailboxes of SGBOT_IMAP until stopped.')
    .addHelpText('after', '\nSeveral workers may share one Redis: each job runs once, each mailbox is read by one worker.\nExample:\n  SGBOT_IMAP=imap://bot:secret@mail.example.org:143/?mailboxes=INBOX sgbot worker')
    .action(async () => {
      result.code = await runWorker(io);
    });
  // One command per chat platform of the list (src/chat/platforms.ts): `sgbot slack`, `sgbot teams`, `sgbot webhook`.
  for (const platform of PLATFORMS.list) {
    cmd
      .command(platform.id)
      .description(platform.help?.description ?? `Run the ${platform.label} platform until stopped (sgbot start runs every configured one).`)
      .addHelpText('after', `\nSettings: ${platform.help?.settings ?? `${Object.keys(platform.settings.fields).join(', ')}; see .env.example.`}`)
      .action(async () => {
        result.code = await runPlatform(io, platform);
      });
  }
  const web = cmd
    .command('web')
    .description('Serve the secretariat console (/console), the pages behind reminder links, document pages, calendar feeds (/ical/SG20.ics), /healthz, /readyz and /metrics.')
    .addHelpText('after', '\nSettings: SGBOT_WEB_PORT (8080), SGBOT_WEB_HOST (127.0.0.1), SGBOT_PUBLIC_URL (the address people use), SGBOT_WEB_ACCOUNTS (console sign-in: see `sgbot web passwd --help`).')
    .action(async () => {
      result.code = await serve(io, 'web', () => null, async (services) => {
        const app = createWebServer(services);
        const address = await app.listen({ port: services.config.SGBOT_WEB_PORT, host: services.config.SGBOT_WEB_HOST });
        return { describe: () => [`serving ${address} (public address ${services.config.SGBOT_PUBLIC_URL})`], stop: () => app.close() };
      });
    });
  web
    .command('passwd')
    .description('Make a console account line for SGBOT_WEB_ACCOUNTS: reads the password from standard input and prints "EMAIL:scrypt$…".')
    .argument('<email>', 'the roster person the account signs in as (their email); broadcasts and corrections need the secretariat role')
    .addHelpText('after', '\nThe password is never stored: only its scrypt hash is printed. At least 8 characters.\nExamples:\n  sgbot web passwd ana@example.org >> /etc/sgbot/web-accounts        # type the password, then Enter\n  printf %s "$PASSWORD" | sgbot web passwd ana@example.org')
    .action(async (email: string) => {
      result.code = await runWebPasswd(email, io);
    });
  web
    .command('unlock')
    .description('Lift the sign-in limit of a console account (after too many attempts), at once.')
    .argument('<account>', 'the account name as typed at sign-in (usually an email)')
    .addHelpText('after', '\nThe console allows 5 sign-in attempts per account in 15 minutes, then refuses even the right password until\nthe time is up or this command is run. Audited as web.login.unlocked.\nExample:\n  sgbot web unlock secretariat@demo.sgbot.example')
    .action(async (account: string) => {
      result.code = await servicesRunner(io)(async (s) => {
        const limiter = new LoginLimiter(s.redis, s.config.SGBOT_PREFIX);
        const left = await limiter.lockedFor(account);
        const had = await limiter.unlock(account);
        await s.audit.record({ who: 'cli:operator', action: 'web.login.unlocked', target: account.trim().toLowerCase(), result: 'ok', details: { wasLocked: left > 0 } });
        io.out(left > 0 ? `Unlocked ${account}: it may sign in again now (the limit had ${waitText(left)} to go).` : had ? `${account} was not locked; its count of attempts is reset.` : `${account} was not locked.`);
        return 0;
      });
    });
  cmd.addCommand(startCommand(io, result));
  cmd.addCommand(quarantineCommand(io, servicesRunner(io), result));
  cmd.addCommand(statusCommand(io, servicesRunner(io), result));
  cmd.addCommand(rosterCommand(io, servicesRunner(io)));
  cmd.addCommand(auditCommand(io, servicesRunner(io)));
  cmd.addCommand(remindersCommand(io, servicesRunner(io)));
  // Commands built apart and added (not made with .command()) do not inherit these: set them on every one.
  const inherit = (c: Command): void => {
    for (const sub of c.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
      inherit(sub);
    }
  };
  inherit(cmd);
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
      io.err(`sgbot: ${redactText(err.message)}`);
      return err.exitCode;
    }
    io.err(`sgbot: unexpected error: ${redactText((err as Error)?.message ?? String(err))}\nThis is a bug; please report it with the command you ran.`);
    return 1;
  }
}

/** `sgbot web passwd EMAIL`: the password from stdin (not echoed on a terminal) → an account line. */
async function runWebPasswd(email: string, io: CliIO): Promise<number> {
  if (!/^[^\s@:]+@[^\s@:]+$/.test(email)) throw new SgbotError('E_USAGE', `"${email}" is not an email address: give the roster id (email) of the person who signs in.`);
  const password = await readSecret(process.stdin.isTTY ? 'Password for the sgbot console: ' : null);
  io.out(`${email.toLowerCase()}:${await hashPassword(password)}`);
  return 0;
}

/** One line from stdin; on a terminal, after `prompt` on stderr and without echoing what is typed. */
async function readSecret(prompt: string | null): Promise<string> {
  const stdin = process.stdin;
  if (prompt === null) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      stdin.on('data', (key: string) => {
        for (const ch of key) {
          if (ch === '\r' || ch === '\n') return resolve(typed);
          if (ch === '\u0003') return reject(new SgbotError('E_USAGE', 'Cancelled.'));
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      });
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
