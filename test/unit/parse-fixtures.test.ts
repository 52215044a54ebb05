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

const KNOWN_GAPS: Record<string, string[]> = {
  'circ-corrigendum-workshop-new-dates.txt': [
    'meeting: expected one, got null',
    'deadlines missing: 2026-01-16|other|null|Europe/Zurich|false, 2026-01-26|fellowship|null|Europe/Zurich|false, 2026-02-09|visa|null|Europe/Zurich|false, 2026-02-27|registration|null|Europe/Zurich|false',
    'deadlines extra: 2026-01-16|consultation-reply|null|Europe/Zurich|false',
  ],
  'circ-workshop-registration.txt': [
    'meeting.start: expected 2026-03-02, got 2026-03-03',
    'deadlines missing: 2026-01-16|other|null|Europe/Zurich|false, 2026-02-20|registration|null|Europe/Zurich|false',
    'deadlines extra: 2026-01-16|consultation-reply|null|Europe/Zurich|false, 2026-01-19|other|null|Europe/Zurich|false',
  ],
  'cl-sg12-2019-tunis-nbsp.txt': [
    'deadlines extra: 2019-02-01|registration|null|Europe/Zurich|false',
    'event missing: {"title_contains":"African","start":"2019-03-11","end":"2019-03-11"} (got 2019-03-12:study group meeting | 2019-03-11:On the day before the meeting, 11 March 2019, the host)',
  ],
  'cl-sg16-2011-old-prose-rules.txt': [
    'deadlines missing: 2011-08-29|fellowship|null|Europe/Zurich|false',
    'deadlines extra: 2011-08-29|consultation-reply|null|Europe/Zurich|false',
  ],
  'cl-sg21-2026-glued-rows.txt': [
    'event missing: {"title_contains":"Clinic","start":"2026-02-03","end":"2026-02-03"} (got 2026-04-20:opening session starts at 0930 hours | 2026-02-03:2 In preparation for the meeting, TSB | 2026-04-17:Forum on AI in media and content delivery)',
  ],
  'cl-sg3rg-afr-2025-kampala-multi-event.txt': ['deadlines missing: 2025-08-15|registration|null|Europe/Zurich|false', 'recommendation missing: D.261'],
  'cl-sg5-2026-working-parties-tab.txt': ['event missing: {"title_contains":"circular economy","start":"2026-09-11","end":"2026-09-11"} (got )'],
  'cl-tsag-2018-missing-spaces.txt': ['meeting: expected one, got null', 'recommendation missing: A.7', 'recommendation missing: A.8'],
  'contrib-com13-c45-2013.txt': ['reference: expected "COM 13 – C 45 – E", got "COM 13 - C 45 - E"', 'question missing: Q17/13'],
  'other-press-release.txt': ['date: expected "2026-05-25", got null'],
};

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
