/**
 * From what a person typed to a command: "/deadlines SG20", "deadlines SG20", "@sgbot when is the next SG13
 * meeting", "/sgbot lsg IoT". Slack, Teams and the terminal all go through here.
 */
import type { Registry } from '../../commands/index.ts';
import { noAnswer, type CommandContext, type CommandSpec, type Reply } from '../core/command.ts';
import type { CommandMetrics } from '../metrics.ts';

/** A routed request: the command and its validated arguments, or a reply explaining why there is none. */
export type Routed = { spec: CommandSpec<never>; args: never; text: string } | { reply: Reply };

/** Levenshtein distance, two rows at a time: O(|a|·|b|) time, O(|b|) memory. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] as number;
}

/** The closest command name to `word`, if it is near enough to be a typo. */
export function suggest(registry: Registry, word: string): string | null {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const spec of registry.list)
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      // The distance is at least the difference in length: a pasted 100 KB "word" is compared with nothing.
      if (Math.abs(lower.length - name.length) > limit) continue;
      const d = distance(lower, name);
      if (!best || d < best.d) best = { name: spec.name, d };
    }
  return best && best.d <= limit ? best.name : null;
}

function validate(spec: CommandSpec<never>, rest: string, text: string): Routed {
  const parsed = spec.args.safeParse(spec.parseText(rest));
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => i.message).join('; ');
    return { reply: noAnswer('E_USAGE', `${why}.`, [`Usage: /${spec.usage}`, `Example: /${spec.examples[0] ?? spec.name}`]) };
  }
  return { spec, args: parsed.data, text };
}

/**
 * Route `input` to a command. Unknown commands get a suggestion ("did you mean /deadlines?"); questions no command
 * understands get a reply that says so and lists what can be asked.
 */
export function route(registry: Registry, input: string): Routed {
  let text = input
    // `[^<>]`, not `[^>]`: on text full of unclosed "<@U|" the latter rescans to the end from each one (quadratic).
    .replace(/<@[A-Z0-9]+(?:\|[^<>]*)?>/g, ' ')
    .replace(/^\s*@?sgbot\b[:,]?/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  text = text.replace(/^\/sgbot\b\s*/i, '');
  if (text === '' || text === '/') return validate(registry.get('help') as CommandSpec<never>, '', 'help');
  const slash = text.startsWith('/');
  const body = slash ? text.slice(1) : text;
  const [first = '', ...restWords] = body.split(' ');
  const direct = registry.get(first.toLowerCase());
  if (direct) return validate(direct, restWords.join(' '), body);
  if (!slash) {
    for (const spec of registry.list)
      for (const re of spec.intents ?? []) {
        const m = re.exec(body);
        if (m) return validate(spec, m.groups?.['arg'] ?? '', body);
      }
  }
  const near = suggest(registry, first);
  if (slash || (near && restWords.length <= 2)) {
    return {
      reply: noAnswer(
        'E_UNKNOWN_COMMAND',
        `Unknown command "${slash ? '/' : ''}${first}".${near ? ` Did you mean /${near}?` : ''}`,
        [`Commands: ${registry.list.map((s) => `/${s.name}`).join(', ')}. Try /help.`],
        { suggestion: near },
      ),
    };
  }
  return {
    reply: noAnswer('E_NO_ANSWER', `I can't answer "${body}" yet.`, [
      'I can tell you deadlines, meetings, lead study groups, liaison statements and search documents.',
      'Try: "deadlines SG20", "when is the next SG13 meeting", "who leads IoT identification", "ls SG17", "search digital twin".',
    ]),
  };
}

/**
 * Route and run `input`; every failure becomes a reply (the caller's error sink handles only the unexpected). When
 * the context carries `metrics`, each request is counted by command, channel (`ctx.who.channel`) and outcome, and timed.
 */
export async function answer(registry: Registry, ctx: CommandContext & { metrics?: CommandMetrics }, input: string): Promise<{ command: string | null; reply: Reply }> {
  const started = performance.now();
  const record = (command: string | null, outcome: string) => ctx.metrics?.commandAnswered(command ?? 'none', ctx.who?.channel ?? 'unknown', outcome, (performance.now() - started) / 1000);
  const routed = route(registry, input);
  if ('reply' in routed) {
    record(null, routed.reply.code ?? 'error');
    return { command: null, reply: routed.reply };
  }
  try {
    const reply = await routed.spec.run(ctx, routed.args);
    record(routed.spec.name, reply.ok ? 'ok' : (reply.code ?? 'error'));
    return { command: routed.spec.name, reply };
  } catch (err) {
    record(routed.spec.name, 'error');
    throw err;
  }
}
