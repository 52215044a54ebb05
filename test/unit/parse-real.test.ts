/**
 * The parser on real documents of the layouts a study group receives (test/fixtures/real, sources in its
 * SOURCES.md): ITU-T liaison templates old and new, IETF Datatracker pages and notification mails, 3GPP/ETSI,
 * ISO/IEC and other bodies, collective letters, circulars and rapporteur-meeting notices. The liaison fields
 * (from, to, cc, purpose, deadline) must be right for at least 90%, the kind for at least 95%; no deadline may be
 * invented. Known misses are listed: a new miss fails, and so does a miss that got fixed (remove it here then).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { loadReal, scoreAll, summary } from '../support/real-corpus.ts';

const KNOWN_MISSES = new Set([
  '3gpp-ran-reply-ls-6rx-release-independence.txt purpose',
  'ietf-datatracker-318-ccamp-to-sg15-cooperation.txt repliesTo',
  'ietf-datatracker-339-sg15-ccamp-cooperation.txt repliesTo',
  'ietf-datatracker-409-ccamp-response-tmpls-ring.txt repliesTo',
  'itu-d-ls-tdag-ls3-to-rag-flattened.txt title',
  'itu-d-ls-tdag-ls3-to-rag-flattened.txt from',
  'itu-ls-revcom-ls2-efficiency-jca-ahf-td.txt title',
  'itu-td-jca-ahf-doc71-lsi-q13-16-to-wfd-flattened.txt title',
  'meeting-jtc1-sc6-n13487-wrapping-cl-9-17-2008.txt meeting.dates',
  'meeting-cl-3-13-2017-sg13-jca-sessions-0800-registration.txt meeting.dates',
  'meeting-cl-3-13-2017-sg13-jca-sessions-0800-registration.txt meeting.place',
  'meeting-rapporteur-q12-14-16-notice-2000-flattened.txt meeting.place',
  'older-itu-r-wp8a-ls-to-eos-and-itu-t-sg13-sg19.txt cc',
  'older-rfc3026-wp1-2-liaison-to-ietf-enum.txt title',
  'older-rfc3026-wp1-2-liaison-to-ietf-enum.txt from',
  'sdo-jtc1-sgfs-n755-liaison-to-sc22-wg15.txt purpose',
  'sdo-jtc1-sgfs-n755-liaison-to-sc22-wg15.txt repliesTo',
]);

describe('parser on real documents', () => {
  const results = scoreAll();
  const totals = summary(results);

  it('has a corpus of at least 40 documents, 30 of them liaison statements', () => {
    const docs = loadReal();
    expect(docs.length).toBeGreaterThanOrEqual(40);
    expect(docs.filter((d) => d.expected.kind === 'liaison-statement').length).toBeGreaterThanOrEqual(30);
  });

  it('reads from, to, cc, purpose and deadline of liaison statements right for at least 90% of fields', () => {
    const s = totals['liaison (from, to, cc, purpose, deadline)'];
    expect(s && s.right / s.total).toBeGreaterThanOrEqual(0.9);
  });

  it('gets the kind right for at least 95% of documents', () => {
    const s = totals['kind'];
    expect(s && s.right / s.total).toBeGreaterThanOrEqual(0.95);
  });

  it('finds every deadline the documents state', () => {
    expect(results.filter((r) => r.field === 'deadlines.found' && !r.ok).map((r) => `${r.file}: ${JSON.stringify(r.expected)} got ${JSON.stringify(r.got)}`)).toEqual([]);
  });

  it('invents no deadline', () => {
    expect(results.filter((r) => r.field === 'deadlines.invented' && !r.ok).map((r) => `${r.file}: ${JSON.stringify(r.got)}`)).toEqual([]);
  });

  it('misses nothing beyond the known misses, and each known miss is still a miss', () => {
    const misses = results.filter((r) => !r.ok).map((r) => `${r.file} ${r.field}`);
    expect(misses.filter((m) => !KNOWN_MISSES.has(m))).toEqual([]);
    expect([...KNOWN_MISSES].filter((m) => !misses.includes(m))).toEqual([]);
  });

  it("reads a fellowships page's table of events, one cell a line: each event with its town and dates", () => {
    const page = loadReal().find((d) => d.file === 'meeting-itu-r-fellowships-page-event-table-cells.txt');
    const parsed = parseDocument(page?.text ?? '');
    expect((parsed.moreMeetings ?? []).map((m) => [m.start, m.end, m.place])).toEqual([
      ['2024-05-20', '2024-05-23', 'Addis Ababa, Ethiopia'],
      ['2024-05-28', '2024-05-31', 'Shanghai, China'],
    ]);
    expect(parsed.deadlines.map((d) => [d.date, d.category])).toEqual([['2024-04-29', 'fellowship'], ['2024-05-06', 'fellowship']]);
    // The deadline cells are no date of the page's own.
    expect(parsed.date).toBeNull();
  });
});

