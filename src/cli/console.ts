/**
 * The terminal chat console of `sgbot start`: a prompt (`sgbot> `) that answers each line exactly as `sgbot ask`
 * and the chat channels do (router, registry, plain-text rendering). On a terminal it keeps a line history (arrow
 * keys, saved between runs); from a pipe it answers each line and returns at end of input, which is how tests and
 * scripts drive it. No input ends it but `exit`, Ctrl-D or Ctrl-C.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { answer } from '../chat/router.ts';
import { renderText } from '../chat/render-text.ts';
import type { CommandContext, Registry } from '../core/command.ts';
import { isSgbotError } from '../core/errors.ts';
import type { Identity } from '../core/identity.ts';
import { isValidZone } from '../core/time.ts';

/** What the console answers with. */
export interface ConsoleDeps {
  registry: Registry;
  context(now: number, tz: string, who?: Identity): CommandContext;
  /** The asker's zone, for dates and times in answers. */
  tz: string;
  /** Who is asking (a roster person for subscribe and broadcast), if anyone. */
  who?: Identity;
  now?: () => number;
  /** Why answers cannot be had right now (Redis lost), or `null`: a line is then answered with that at once. */
  problem?: () => string | null;
  /** How long an answer may take before the console gives up on it, ms (default 20 000). */
  answerTimeoutMs?: number;
}

/** Where the console reads and writes. */
export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompt, line editing and history. Otherwise lines are answered as they come, echoed after `sgbot> `. */
  terminal: boolean;
  /** Lines typed are kept here (one a line) and offered again next time; terminal only. */
  historyFile?: string;
  /** Ends the console (as `exit` would) when aborted: SIGTERM, the web console stopping sgbot… */
  signal?: AbortSignal;
  /** Ctrl-C on an empty line (or while an answer is awaited): besides ending the console, stop sgbot as SIGINT would. */
  onInterrupt?: () => void;
}

export const PROMPT = 'sgbot> ';
const EXIT_WORDS = new Set(['exit', 'quit', '.exit', ':q', 'bye']);
const HISTORY_KEEP = 500;

/** The zone of this machine's user (from Intl), or `fallback` when it is not a valid IANA zone. */
export function localZone(fallback: string): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidZone(zone) ? zone : fallback;
}

/**
 * The console's answer to one line, as text; never throws. An error an answer can explain (Redis went away, a
 * wrong argument) is shown as such; anything else is reported as a bug without a stack trace.
 */
export async function answerLine(deps: ConsoleDeps, line: string, signal?: AbortSignal): Promise<string> {
  const unavailable = (why: string) => `Sorry: sgbot cannot answer right now: its Redis is not reachable (${why}). It keeps retrying; ask again in a moment.`;
  const problem = deps.problem?.();
  if (problem) return unavailable(problem);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const giveUp = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(deps.problem?.() ? unavailable(deps.problem() ?? '') : 'Sorry: no answer came in time (sgbot or its Redis is overloaded). Try again in a moment.'), deps.answerTimeoutMs ?? 20_000);
      onAbort = () => resolve('(stopped)');
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    const answered = answer(deps.registry, deps.context(deps.now?.() ?? Date.now(), deps.tz, deps.who), line).then(({ reply }) => renderText(reply));
    // An answer that fails after the console gave up on it is not a crash.
    answered.catch(() => undefined);
    return await Promise.race([answered, giveUp]);
  } catch (err) {
    if (deps.problem?.()) return unavailable(deps.problem() ?? '');
    if (isSgbotError(err)) return `Sorry: ${err.message}`;
    return `Sorry, that failed unexpectedly (${(err as Error)?.message ?? String(err)}). This is a bug; please report it with what you typed.`;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

const CONSOLE_HELP = [
  'This console answers as the chat channels do; a leading slash is optional. Try:',
  '  /deadlines SG20        /meeting SG13        /ls SG17',
  '  /lsg who leads IoT identification           search digital twin',
  '  /help deadlines        history              exit (or Ctrl-D)',
].join('\n');

async function readHistory(file: string | undefined): Promise<string[]> {
  if (!file) return [];
  const text = await readFile(file, 'utf8').catch(() => '');
  // readline wants the newest first.
  return text.split('\n').filter(Boolean).slice(-HISTORY_KEEP).reverse();
}

/**
 * Run the console until `exit`, end of input (Ctrl-D) or Ctrl-C. Lines are answered one at a time, in order.
 *
 * @example await runConsole(deps, { input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) })
 */
export async function runConsole(deps: ConsoleDeps, io: ConsoleIO): Promise<void> {
  const write = (text: string) => io.output.write(text.endsWith('\n') ? text : `${text}\n`);
  const history = io.terminal ? await readHistory(io.historyFile) : [];
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal, prompt: PROMPT, history, historySize: HISTORY_KEEP, removeHistoryDuplicates: true });
  const typed: string[] = [];
  let answering = false;
  // Ctrl-C on a terminal arrives here (readline holds the keyboard): an unfinished line is dropped, an empty one ends.
  const pending = new AbortController();
  rl.on('SIGINT', () => {
    if (rl.line.length > 0 && !answering) {
      io.output.write('^C\n');
      rl.write(null, { ctrl: true, name: 'u' });
      rl.prompt();
    } else {
      io.output.write('\n');
      pending.abort();
      rl.close();
      io.onInterrupt?.();
    }
  });
  const onAbort = () => {
    pending.abort();
    rl.close();
  };
  if (io.signal?.aborted) rl.close();
  else io.signal?.addEventListener('abort', onAbort, { once: true });
  if (io.terminal) rl.prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (!io.terminal) write(`${PROMPT}${line}`);
      if (line !== '') {
        typed.push(line);
        if (io.historyFile && io.terminal) await appendFile(io.historyFile, `${line.replace(/\n/g, ' ')}\n`).catch(() => undefined);
      }
      const word = line.toLowerCase();
      if (EXIT_WORDS.has(word)) break;
      if (word === 'history') write(typed.slice(0, -1).slice(-20).map((t, i) => `${String(i + 1).padStart(3)}  ${t}`).join('\n') || '(nothing typed yet)');
      else if (word === '?' || word === 'console help') write(CONSOLE_HELP);
      else if (line !== '') {
        answering = true;
        const text = await answerLine(deps, line, pending.signal);
        answering = false;
        if (pending.signal.aborted) break;
        write(`${text}\n\n`);
      }
      if (io.terminal) rl.prompt();
    }
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    rl.close();
  }
}
