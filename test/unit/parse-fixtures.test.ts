/**
 * The parser against the hand-written corpus in test/fixtures/docs: documents of other groups, years and layouts,
 * each with the facts a correct parser must find (see that folder's README). Gaps we know of are listed below with
 * their exact mismatches: a new mismatch fails, and so does a gap that got fixed (remove it from the list then).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { mismatches } from '../support/expect-parsed.ts';

const DIR = join(import.meta.dirname, '../fixtures/docs');

const KNOWN_GAPS: Record<string, string[]> = {};

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

describe('parser on the fixture corpus', () => {
  it('has a corpus of at least 25 documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });
  for (const file of files) {
    it(`${file}`, () => {
      const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as Record<string, unknown>;
      const got = mismatches(parseDocument(readFileSync(join(DIR, file), 'utf8')), expected);
      expect(got).toEqual(KNOWN_GAPS[file] ?? []);
    });
  }
});
