/**
 * The terminal console driven through a pipe, as `sgbot start` runs it when stdin is not a terminal: each line is
 * answered in order through the router and registry, failures become messages rather than crashes, and it returns
 * at `exit` or at end of input.
 */
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistry } from '../../commands/index.ts';
import { answerLine, runConsole, type ConsoleDeps } from '../../src/cli/console.ts';
import { defineCommand, type CommandContext, type CommandSpec } from '../../src/core/command.ts';
import { SgbotError } from '../../src/core/errors.ts';

const echo = defineCommand({
  name: 'echo',
  summary: 'Say it back, with who asked and in which zone.',
  usage: 'echo <words>',
  examples: ['echo hello'],
  args: z.object({ words: z.string() }),
  parseText: (rest) => ({ words: rest }),
  run: (ctx, { words }) => Promise.resolve({ ok: true, title: `echo: ${words}`, sections: [{ heading: 'Asked', items: [{ text: `${ctx.who?.id ?? 'nobody'} in ${ctx.tz}` }] }], notes: [], sources: [], data: null }),
});
const broken = defineCommand({
  name: 'broken',
  summary: 'Fails as a store does when Redis is gone.',
  usage: 'broken',
  examples: ['broken'],
  args: z.object({}),
  parseText: () => ({}),
  run: () => Promise.reject(new SgbotError('E_STORE', 'Redis cannot be reached at redis://127.0.0.1:6379.')),
});
const buggy = defineCommand({
  name: 'buggy',
  summary: 'Fails as a bug does.',
  usage: 'buggy',
  examples: ['buggy'],
  args: z.object({}),
  parseText: () => ({}),
  run: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
});
const help = defineCommand({
  name: 'help',
  summary: 'Help.',
  usage: 'help',
  examples: ['help'],
  args: z.object({}),
  parseText: () => ({}),
  run: () => Promise.resolve({ ok: true, title: 'sgbot help', sections: [], notes: [], sources: [], data: null }),
});

const deps: ConsoleDeps = {
  registry: createRegistry([echo, broken, buggy, help] as unknown as Array<CommandSpec<never>>),
  context: (now, tz, who) => ({ now, tz, who }) as unknown as CommandContext,
  tz: 'Asia/Tokyo',
  who: { channel: 'cli', id: 'secretariat@demo.sgbot.example', verified: true },
};

/** Feed `input` through a pipe; resolve with everything written once the console returns. */
async function session(input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const done = runConsole(deps, { input: stdin, output: stdout, terminal: false });
  stdin.end(input);
  await done;
  return out;
}

describe('terminal console', () => {
  it('answers each line in order as the asker, in their zone, and returns at end of input', async () => {
    const out = await session('/echo one\n\necho two\n');
    expect(out).toContain('sgbot> /echo one\necho: one\n\nAsked:\n  • secretariat@demo.sgbot.example in Asia/Tokyo');
    expect(out.indexOf('echo: one')).toBeLessThan(out.indexOf('echo: two'));
  });

  it('stops at exit without answering what follows', async () => {
    const out = await session('echo before\nexit\necho after\n');
    expect(out).toContain('echo: before');
    expect(out).not.toContain('echo: after');
  });

  it('shows the lines typed so far', async () => {
    const out = await session('echo a\n/echo b\nhistory\n');
    expect(out).toContain('sgbot> history\n  1  echo a\n  2  /echo b\n');
  });

  it('turns failures into messages: a known error says what is wrong, a bug says it is one', async () => {
    const out = await session('/broken\n/buggy\n/echo still here\n');
    expect(out).toContain('Sorry: Redis cannot be reached at redis://127.0.0.1:6379.');
    expect(out).toContain("Sorry, that failed unexpectedly (Cannot read properties of undefined (reading 'x')). This is a bug");
    expect(out).not.toMatch(/\n\s+at /);
    expect(out).toContain('echo: still here');
  });

  it('answers any line without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (line) => {
        const text = await answerLine(deps, line);
        expect(typeof text).toBe('string');
        expect(text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
