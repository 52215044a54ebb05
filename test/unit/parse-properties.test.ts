/**
 * Properties of the parser on generated text: it invents nothing (no deadline without a deadline word, no date
 * from a Question or Recommendation number) and it survives any input (binary, NULs, right-to-left scripts, huge
 * documents, long runs of one character) with a well-formed result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEADLINE_CATEGORIES, DOCUMENT_KINDS, type ParsedDocument } from '../../src/core/types.ts';
import { findDates } from '../../src/parse/dates.ts';
import { parseDocument } from '../../src/parse/index.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Words of ITU letters that never announce a deadline ("by", "before", "until", "due", "must", "latest", "deadline",
// "closes", "key" and month names left out on purpose).
const WORDS = [
  'the', 'meeting', 'study', 'group', 'Study Group 20', 'SG13', 'TSAG', 'will', 'consider', 'contributions', 'draft',
  'Recommendation', 'ITU-T', 'fellowship', 'visa', 'registration', 'captioning', 'interpretation', 'translation',
  'plenary', 'Geneva', 'in', 'at', 'of', 'and', 'report', 'liaison', 'statement', 'work', 'programme', 'Question',
  'delegates', 'Annex', 'agenda', 'approved', 'held', 'was', 'reply', 'consultation', 'TAP', 'workshop', 'forum',
  'remote', 'participation', 'available', 'website', 'documents', 'e-mail', 'tsbsg20@itu.int', 'form', 'request',
];

const fullDate = fc
  .record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 0, max: 10 }), y: fc.integer({ min: 2000, max: 2039 }), style: fc.integer({ min: 0, max: 4 }) })
  .map(({ d, m, y, style }) => {
    const month = MONTHS[m] ?? 'March';
    const mm = String(m + 1 + (m >= 4 ? 1 : 0)).padStart(2, '0');
    return [`${d} ${month} ${y}`, `${String(d).padStart(2, '0')}.${mm}.${y}`, `${y}-${mm}-${String(d).padStart(2, '0')}`, `${month} ${d}, ${y}`, `Friday, ${d} ${month} ${y}`][style] ?? '';
  });

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 14 }), fc.option(fullDate, { nil: null }), fc.nat())
  .map(([words, date, at]) => {
    const w = [...words];
    if (date) w.splice(at % (w.length + 1), 0, date);
    return `${w.join(' ')}.`;
  });

const HEADERS = [
  '',
  'TELECOMMUNICATION STANDARDIZATION BUREAU\nGeneva, 3 March 2027\nRef: TSB Collective letter 4/20\nSubject: Meeting of Study Group 20; Geneva, 10-19 May 2027\nDear Sir/Madam,\n',
  'Ref: TSB Circular 12\nSubject: Workshop on networks (Geneva, 4-5 June 2027)\nDear Sir/Madam,\n',
  'LIAISON STATEMENT\nSource: ITU-T SG13\nTitle: LS on terms\nFor action to: ITU-T SG17\n',
  'SG20-TD123\nSTUDY GROUP 20\nGeneva, 10-19 May 2027\nSource: Editor\nTitle: Work programme\n',
];

describe('invents nothing', () => {
  it('finds no deadline in prose without a deadline word, whatever dates it holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), fc.array(sentence, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '\n', '\n\n', '\t'), (header, sentences, sep) => {
        const parsed = parseDocument(`${header}${sentences.join(sep)}`);
        expect(parsed.deadlines).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const question = fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 21 }), fc.boolean()).map(([q, sg, long]) => (long ? `Question ${q}/${sg}` : `Q${q}/${sg}`));
  const rec = fc
    .tuple(fc.constantFrom(...'ADEFGHIJKLMPQTVXYZ'), fc.integer({ min: 1, max: 9999 }), fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }), fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }))
    .map(([s, n, a, b]) => `${s}.${n}${a === null ? '' : `.${a}`}${a !== null && b !== null ? `.${b}` : ''}`);
  const edition = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2039 })).map(([m, y]) => `(${String(m).padStart(2, '0')}/${y})`);
  // A Recommendation-like name glued to a date-like tail ("X.12.03.2025") is still a name.
  const gluedTail = fc.tuple(fc.constantFrom('X', 'Y', 'H', 'G'), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2039 })).map(([s, d, m, y]) => `${s}.${d}.${m}.${y}`);
  const token = fc.oneof(question, rec, edition, gluedTail, fc.constantFrom('2025-2028', '(2026)', 'study period 2025', 'ITU-T', 'and', ',', 'see', 'under', 'draft'));

  it('never reads a Question or Recommendation number as a date', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 20 }), fc.constantFrom(' ', ', ', '\n', '\t'), (tokens, sep) => {
        const text = tokens.join(sep);
        expect(findDates(text)).toEqual([]);
        const parsed = parseDocument(text);
        expect({ date: parsed.date, meeting: parsed.meeting, events: parsed.events, deadlines: parsed.deadlines }).toEqual({ date: null, meeting: null, events: [], deadlines: [] });
      }),
      { numRuns: 400 },
    );
  });

  it('still reads the dates written next to them', () => {
    expect(findDates('Q11/20 and Y.4241 (09/2026): by 14.03.2027').map((h) => h.start)).toEqual(['2027-03-14']);
    expect(findDates('H.264, 2027-03-14, Q1/17').map((h) => h.start)).toEqual(['2027-03-14']);
  });
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The invariants of every result: known kind and categories, ISO dates, JSON-safe. */
function wellFormed(p: ParsedDocument): void {
  expect(DOCUMENT_KINDS).toContain(p.kind);
  expect(p.date === null || ISO_DATE.test(p.date)).toBe(true);
  for (const d of p.deadlines) {
    expect(d.date).toMatch(ISO_DATE);
    expect(DEADLINE_CATEGORIES).toContain(d.category);
    expect(d.time === null || /^\d{2}:\d{2}$/.test(d.time)).toBe(true);
  }
  for (const m of [p.meeting, ...p.events]) if (m) expect(m.start <= m.end && ISO_DATE.test(m.start)).toBe(true);
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

describe('survives any input', () => {
  const fragment = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.constantFrom(
      '\u0000', '\t', '\n', '\r\n', '\u00A0', '\u2011', '\uFEFF', '\u202E', 'مرحبا بكم في جنيف ', 'שלום ', 'Subject:', 'Ref:', 'Key deadlines:',
      'Deadline:', '12 March 2027', '14.03.2027', '2027-03-14', 'TSB Collective letter 3/20', 'LIAISON STATEMENT', 'For action to:',
      'Contact:', 'Q11/20', 'Y.4241 (ex Y.dt-SComCam)', 'lead study group on ', '- 2 -', 'D-12', '•', ' - ', '(', '"',
    ),
  );
  it('returns a well-formed result for arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        wellFormed(parseDocument(parts.join('')));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['NULs', '\u0000'.repeat(500_000)],
    ['right-to-left text', 'اجتماع لجنة الدراسات 20 في جنيف، مايو 2026 — שלום עולם '.repeat(20_000)],
    ['a dash run', '-'.repeat(1_000_000)],
    ['a tab run', '\t'.repeat(1_000_000)],
    ['a newline run', '\n'.repeat(1_000_000)],
    ['a digit run', '7'.repeat(1_000_000)],
  ])('stays fast on a huge document of %s and invents nothing', (_name, text) => {
    const t0 = performance.now();
    const p = parseDocument(text);
    expect(performance.now() - t0).toBeLessThan(10_000);
    wellFormed(p);
    expect({ kind: p.kind, date: p.date, deadlines: p.deadlines, meeting: p.meeting }).toEqual({ kind: 'other', date: null, deadlines: [], meeting: null });
  });

  it('reads a huge letter (a real one repeated) in bounded time, finding its deadlines once', () => {
    const letter = [
      'TELECOMMUNICATION STANDARDIZATION BUREAU',
      'Geneva, 3 March 2027',
      'Ref: TSB Collective letter 4/20',
      'Subject: Meeting of Study Group 20; Geneva, 10-19 May 2027',
      'Dear Sir/Madam,',
      'Key deadlines:',
      '12 April 2027\tSubmit fellowship requests',
      '',
      'Yours faithfully,',
      '',
    ].join('\n');
    const t0 = performance.now();
    const p = parseDocument(letter.repeat(20_000));
    expect(performance.now() - t0).toBeLessThan(20_000);
    wellFormed(p);
    expect(p.deadlines.map((d) => `${d.date} ${d.category}`)).toEqual(['2027-04-12 fellowship']);
  }, 60_000);
});
