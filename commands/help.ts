/** `help [command]`: what the bot can do, built from the command specs. */
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandSpec, type Reply } from '../src/core/command.ts';

/** The help command over a list of commands (given lazily, since help is one of them). */
export function makeHelp(list: () => ReadonlyArray<CommandSpec<never>>): CommandSpec<{ topic: string }> {
  return defineCommand({
    name: 'help',
    aliases: ['?', 'commands'],
    summary: 'What sgbot can answer, and how to ask.',
    usage: 'help [command]',
    examples: ['help', 'help deadlines'],
    args: z.object({ topic: z.string() }),
    parseText: (rest) => ({ topic: rest.trim().replace(/^\//, '').toLowerCase() }),
    intents: [/^(?:what can you do|how do i use (?:this|you)|usage)\??$/i],
    run(_ctx, { topic }): Promise<Reply> {
      const specs = list();
      if (topic) {
        const spec = specs.find((s) => s.name === topic || s.aliases?.includes(topic));
        if (!spec) return Promise.resolve(noAnswer('E_UNKNOWN_COMMAND', `There is no command "${topic}".`, [`Commands: ${specs.map((s) => s.name).join(', ')}.`]));
        return Promise.resolve({
          ok: true,
          title: `/${spec.name} — ${spec.summary}`,
          sections: [{ heading: `Usage: /${spec.usage}`, items: spec.examples.map((e) => ({ text: `/${e}` })) }],
          notes: spec.aliases?.length ? [`Also: ${spec.aliases.map((a) => `/${a}`).join(', ')}`] : [],
          sources: [],
          data: { command: spec.name, usage: spec.usage, examples: spec.examples },
        });
      }
      return Promise.resolve({
        ok: true,
        title: 'sgbot answers questions about ITU-T study groups from their documents',
        sections: [{ items: specs.map((s) => ({ text: `/${s.usage}`, detail: `${s.summary} Example: /${s.examples[0] ?? s.name}` })) }],
        notes: [
          'You can also ask in plain words: "what\'s due for SG20 next week", "deadlines for study group 20 in May 2026", "what time does the SG13 meeting open", "where is the next SG13 meeting", "who is the rapporteur of Q4/20", "who leads IoT identification".',
          'Groups can be written SG20, SG 20, sg20, study group 20 or ITU-T SG20; Questions Q4/20; working parties WP1/20. Dates: next week, this month, in May 2026, between 1 and 15 March, before April.',
        ],
        sources: [],
        data: { commands: specs.map((s) => ({ name: s.name, usage: s.usage, summary: s.summary })) },
      });
    },
  });
}
