/**
 * Follow-up questions from the terminal, against the test Redis and the fixture letters: "and for SG17?" after a
 * question on SG12's meeting is that question asked of SG17, for the same person only; with no earlier question, a
 * follow-up that reads nothing on its own says how to ask.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cli, FIXTURES, uniquePrefix } from '../support/slack-fake.ts';

const redisUrl = inject('redisUrl');
const prefix = uniquePrefix('follow-up');
const NOW = '2026-10-05T14:00:00Z';

interface Answer {
  ok: boolean;
  command: string | null;
  title: string;
  notes: string[];
}

async function ask(text: string, as: string): Promise<Answer> {
  const r = await cli(redisUrl, prefix, 'ask', text, '--json', '--now', NOW, '--tz', 'Asia/Seoul', '--as', as);
  return JSON.parse(r.out || r.err) as Answer;
}

beforeAll(async () => {
  const r = await cli(redisUrl, prefix, 'ingest', FIXTURES, '--no-progress');
  if (r.code !== 0) throw new Error(r.err);
});

describe('a follow-up question', () => {
  it('"and for SG17?" after "when is the SG12 meeting?" is the same question of SG17, said how it was read', async () => {
    expect((await ask('when is the SG12 meeting?', 'ada@example.org')).title).toBe('Next meeting of SG12');
    const next = await ask('and for SG17?', 'ada@example.org');
    expect(next).toMatchObject({ ok: true, command: 'meeting', title: 'Next meeting of SG17' });
    expect(next.notes[0]).toBe('Read as "when is the SG17 meeting?".');
    const thing = await ask('what about its registration deadline?', 'ada@example.org');
    expect(thing).toMatchObject({ ok: true, command: 'deadlines' });
    expect(thing.notes[0]).toBe('Read as "registration deadline for SG17".');
  });

  it('"how many days until it starts?", "was that deadline changed?": read of the group asked of before', async () => {
    await ask('when does TSAG meet?', 'dee@example.org');
    const days = await ask('how many days until it starts?', 'dee@example.org');
    expect(days).toMatchObject({ ok: true, command: 'meeting' });
    expect(days.notes[0]).toBe('Read as "how many days until the TSAG meeting starts?".');
    await ask("what's the SG21 contribution deadline?", 'dee@example.org');
    expect((await ask('was that deadline changed?', 'dee@example.org')).title).toMatch(/^Yes: contributions now due /);
  });

  it("is read against the asker's own earlier question, not another person's", async () => {
    await ask('when is the SG13 meeting?', 'bob@example.org');
    expect((await ask('and for SG20?', 'bob@example.org')).notes[0]).toBe('Read as "when is the SG20 meeting?".');
    expect((await ask('what about its registration deadline?', 'cy@example.org')).title).toBe('I don\'t have an earlier question of yours to read "what about its registration deadline?" against.');
  });
});
