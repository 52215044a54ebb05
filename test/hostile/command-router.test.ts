/**
 * The command parser under hostile input: random text, random Unicode and pasted 100 KB lines reach `route` (pure)
 * and `answer` (the real registry, on a store seeded with the fixture corpus in the test Redis). Every input ends in
 * a Reply — an answer, or a polite `ok: false` with a code from the catalogue — or at worst an SgbotError the
 * channel's error sink words for people; never another exception. Time stays linear in the input: a regex that
 * rescans the rest of the line from every position, or a typo distance computed against a 100 KB "word", shows up as
 * a 4× longer input taking far more than 4× the time.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultRegistry } from '../../commands/index.ts';
import { answer, route } from '../../src/chat/router.ts';
import type { Reply } from '../../src/core/command.ts';
import { ERROR_CODES, isSgbotError } from '../../src/core/errors.ts';
import type { Identity } from '../../src/core/identity.ts';
import type { Services } from '../../src/main.ts';
import { captureLog, seededServices, uniquePrefix } from '../support/teams-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('hostile-router');
const registry = defaultRegistry();
const NOW = Date.parse('2026-07-01T09:00:00Z');
const DELEGATE: Identity = { channel: 'cli', id: 'hostile-delegate@example.org', verified: true };
const CODES = new Set<string>([...Object.keys(ERROR_CODES), 'E_NO_ANSWER']);

let services: Services;

beforeAll(async () => {
  services = await seededServices(redisUrl, prefix, captureLog().log);
}, 60_000);
afterAll(async () => {
  if (!services) return;
  const keys = await services.redis.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await services.redis.del(...keys.slice(i, i + 500));
  await services.close();
});

/** Words that steer the router into each command and its argument parsing. */
const STEER = [
  '/', '/sgbot', '@sgbot', '<@U0BOT>', '<@U1|', '<@', '/deadlines', 'deadlines', 'when is the next', 'meeting', '/meeting', '/lsg',
  'who leads', 'lead study group on', '/ls', 'liaisons', '/search', 'search for', '/doc', '/broadcast', 'broadcast', 'status', 'confirm',
  'cancel', 'doc', '/remind', 'done', 'snooze', '?token=', '&token=%E0%A4%A', '/digest', 'weekly digest', 'monday', '25:99', '/subscribe',
  'subscribe me to', 'unsubscribe', '/subscriptions', 'my reminders', '/help', 'help', 'SG20', 'SG99', 'Q4/20', 'Q99/99', 'here',
  'this channel', 'IoT identification', '?', '!', '.', ',', ':', '\u0000', '\u202E', '\uFEFF', '\uD800', '𝕊𝔾𝟚𝟘', 'مرحبا', '“quoted”',
  '%', '%%', '\\', '*', '(', ')', '[', ']', '${x}', '<!channel>', '"}]}',
];
const line = fc
  .array(fc.oneof(fc.constantFrom(...STEER), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 12 })
  .chain((parts) => fc.constantFrom(' ', '', '\n', '\t').map((sep) => parts.join(sep)));

/** The shape every reply has, whatever was asked. */
function wellFormed(reply: Reply): void {
  expect(typeof reply.ok).toBe('boolean');
  expect(reply.title.trim()).not.toBe('');
  if (!reply.ok) expect(CODES.has(reply.code ?? '')).toBe(true);
  for (const s of reply.sections) for (const item of s.items) expect(typeof item.text).toBe('string');
  expect(() => JSON.stringify(reply)).not.toThrow();
}

/** `answer`, with an SgbotError (what the error sinks turn into a polite message) as a result; anything else fails. */
async function outcome(text: string, who: Identity = DELEGATE): Promise<Reply | { error: string }> {
  try {
    return (await answer(registry, services.context(NOW, 'Europe/Zurich', who), text)).reply;
  } catch (err) {
    if (isSgbotError(err)) return { error: err.code };
    throw err;
  }
}

describe('route on random text', () => {
  it('always routes to a command with valid arguments, or gives a reply saying why not', () => {
    fc.assert(
      fc.property(fc.oneof(line, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        const routed = route(registry, text);
        if ('reply' in routed) {
          wellFormed(routed.reply);
          expect(['E_USAGE', 'E_UNKNOWN_COMMAND', 'E_NO_ANSWER']).toContain(routed.reply.code);
        } else {
          expect(registry.get(routed.spec.name)).toBe(routed.spec);
          expect(routed.spec.args.safeParse(routed.args).success).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('answer on random text, with the real commands and store', () => {
  it('gives a well-formed Reply (or a catalogued SgbotError) for every line', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(line, async (text) => {
        const result = await outcome(text);
        if ('error' in result) expect(CODES.has(result.error)).toBe(true);
        else {
          wellFormed(result);
          answered += 1;
        }
      }),
      { numRuns: 200 },
    );
    // Not a property that holds vacuously: most lines get a Reply.
    expect(answered).toBeGreaterThan(150);
  });

  it('a question of parts none of which is answered gets a catalogued refusal, not a combined one without a code', async () => {
    // Found by this file's random lines: a part read as "/doc" of an unknown group, the other part unread.
    const reply = await outcome('\u{97225}\u{10775A} SG99 ? /doc');
    expect(reply).toMatchObject({ ok: false });
    if (!('error' in reply)) wellFormed(reply);
    // … and two parts each refused by its own command ("doc meeting ?" and an unknown group's "meeting").
    // (Asked by someone with no earlier question: after one, a question naming nothing may be read of what it named.)
    const both = await outcome('doc meeting ? \u0000 meeting', { ...DELEGATE, id: 'hostile-first-question@example.org' });
    expect(both).toMatchObject({ ok: false, code: 'E_NOT_FOUND' });
    if (!('error' in both)) wellFormed(both);
  });

  it('answers known commands among the noise', async () => {
    const reply = await outcome('@sgbot   /deadlines\tSG5');
    expect(reply).toMatchObject({ ok: true });
    expect(await outcome('/dedalines SG5')).toMatchObject({ ok: false, code: 'E_UNKNOWN_COMMAND', title: 'Unknown command "/dedalines". Did you mean /deadlines?' });
  });
});

/** Lines that each make some step of the router or a command work on all of their `n` characters. */
const HUGE: Array<[string, (n: number) => string]> = [
  ['one long word', (n) => 'a'.repeat(n)],
  ['one long slash command', (n) => `/${'x'.repeat(n)}`],
  ['unclosed mentions', (n) => '<@U1| '.repeat(n / 6)],
  ['unclosed mentions without spaces', (n) => '<@U1|'.repeat(n / 5)],
  ['repeated @sgbot', (n) => '@sgbot'.repeat(n / 6)],
  ['whitespace runs', (n) => ` \t\n${' '.repeat(n)}x`],
  ['a meeting question without the word meeting', (n) => `when is the next ${'SG20 '.repeat(n / 5)}`],
  ['a deadlines question that ends wrong', (n) => `${'x '.repeat(n / 2)}deadlinesz`],
  ['who leads, then noise', (n) => `who leads ${'IoT '.repeat(n / 4)}`],
  ['a search of many words', (n) => `search ${'digital twin '.repeat(n / 13)}`],
  ['/deadlines with many scopes', (n) => `/deadlines ${'SG20 Q4/20 '.repeat(n / 11)}`],
  ['/broadcast with a long text', (n) => `/broadcast SG20 ${'Room K. '.repeat(n / 8)}`],
  ['/doc with a long reference', (n) => `/doc ${'TSB Collective letter '.repeat(n / 22)}`],
  ['/remind with a long token', (n) => `/remind done ${'?token='.repeat(n / 7)}`],
  ['/digest with many days', (n) => `/digest weekly ${'monday 09:00 '.repeat(n / 13)}`],
  ['subscribe to noise', (n) => `subscribe me to ${'Q4/20 and '.repeat(n / 10)}`],
  ['random Unicode', (n) => 'جنيف 𝕊𝔾𝟚𝟘 \u202E\uFEFF—'.repeat(n / 16)],
];

/**
 * The best of nine answers to each of `small` and `big`, ms, taken in turns: on a loaded machine an answer is now and
 * then held up by a collection or another process (a 100 KB answer once took 49 ms in CI against 6 ms idle), and
 * taking the two in turns lets such a spell slow both alike. Quadratic work still shows in every run.
 */
async function timesOf(small: string, big: string): Promise<[number, number]> {
  let [bestSmall, bestBig] = [Infinity, Infinity];
  for (let i = 0; i < 9; i += 1) {
    const t0 = performance.now();
    await outcome(small);
    const t1 = performance.now();
    await outcome(big);
    bestSmall = Math.min(bestSmall, t1 - t0);
    bestBig = Math.min(bestBig, performance.now() - t1);
  }
  return [bestSmall, bestBig];
}

describe('huge lines', () => {
  it.each(HUGE)('%s: 100 KB answered within 2 s, in time linear in its length', async (_name, make) => {
    const small = make(25_000);
    const big = make(100_000);
    expect(big.length).toBeGreaterThan(90_000);
    const result = await outcome(big);
    if ('error' in result) expect(CODES.has(result.error)).toBe(true);
    else wellFormed(result);
    const [tSmall, tBig] = await timesOf(small, big);
    expect(tBig).toBeLessThan(2_000);
    // Linear: 4× the text, about 4× the time. Quadratic would be 16×; 2 ms absorbs timer noise on tiny times. An answer
    // to 100 KB within 50 ms is cheap whatever its shape, and at that size one pause of a loaded machine (27 ms against
    // 7 ms idle) can double it: the ratio is judged above that.
    if (tBig > 50) expect(tBig / (tSmall + 2), `25 KB in ${tSmall.toFixed(1)} ms, 100 KB in ${tBig.toFixed(1)} ms`).toBeLessThan(8);
  });
});

describe('questions shaped to make a pattern backtrack', () => {
  // Each answered in well under a second: the patterns that read them are linear in the question's length.
  it.each([
    ['an agenda question with 100 KB of blanks', `events${' \t\n'.repeat(33_000)}?x`],
    ['a consultation question with 100 KB of question marks', `which texts are in the consultation${'?'.repeat(100_000)}x`],
    ['"any consultations" with 100 KB of question marks', `any consultations${'?'.repeat(100_000)}x`],
    ['a visa question 100 KB long', 'visa '.repeat(20_000)],
    ['"what time" then 100 KB of spaces', `what time${' '.repeat(100_000)}x`],
    ['an LS question ending in 100 KB of ", and by when"', `what did IETF ask SG17${', and by when'.repeat(7_700)}. x`],
  ])('%s', async (_name, text) => {
    const t0 = performance.now();
    const result = await outcome(text);
    if ('error' in result) expect(CODES.has(result.error)).toBe(true);
    else wellFormed(result);
    expect(performance.now() - t0).toBeLessThan(1_500);
  });
});
