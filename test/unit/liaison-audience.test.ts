/**
 * Who a liaison's reply deadline is filed for, from the parse of real liaison statements: a liaison "for action to:
 * All ITU-T groups" (the Review Committee's liaison of 2016, test/fixtures/real, source in its SOURCES.md) is every
 * group's deadline but the groups it informs; a liaison to named groups is theirs alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { indexEntries, type DeadlineFact } from '../../src/store/facts.ts';
import { makeStored } from '../support/reminder-builders.ts';
import { REAL_DIR } from '../support/real-corpus.ts';

function entriesOf(file: string) {
  const parsed = parseDocument(readFileSync(join(REAL_DIR, file), 'utf8'));
  return indexEntries(makeStored({ parsed }));
}

describe('a liaison for action to all ITU-T groups', () => {
  const entries = entriesOf('itu-ls-revcom-ls2-efficiency-jca-ahf-td.txt');
  const reply = entries.find((e) => (e.fact as DeadlineFact).category === 'liaison-reply');

  it("files its reply deadline under every study group of its time, and not under TSAG, which is informed", () => {
    expect(reply?.fact).toMatchObject({ date: '2016-07-01', category: 'liaison-reply' });
    const sets = reply?.sets.map(([name]) => name) ?? [];
    expect(sets).toContain('dl');
    for (const g of ['SG2', 'SG9', 'SG13', 'SG16', 'SG17', 'SG20']) expect(sets).toContain(`dl:g:${g}`);
    expect(sets).not.toContain('dl:g:TSAG');
    // SG21 did not exist in 2016.
    expect(sets).not.toContain('dl:g:SG21');
  });

  it('is listed among the liaisons of each of those groups', () => {
    const ls = entries.find((e) => e.member.endsWith('#ls'));
    const sets = ls?.sets.map(([name]) => name) ?? [];
    expect(sets).toEqual(expect.arrayContaining(['ls:g:SG13', 'ls:g:SG15', 'ls:g:TSAG']));
  });
});

describe('a liaison to named groups', () => {
  it('files its reply deadline under the acting group only', () => {
    const entries = entriesOf('ietf-datatracker-1156-rtg-g8113-1-code-point.txt');
    const reply = entries.find((e) => (e.fact as DeadlineFact).category === 'liaison-reply');
    const groups = reply?.sets.map(([name]) => name).filter((n) => n.startsWith('dl:g:')) ?? [];
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.length).toBeLessThan(3);
  });
});
