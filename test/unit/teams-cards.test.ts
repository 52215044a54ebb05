/** Replies as Adaptive Cards: structure, sources, escaping of document text, and Teams' size limit. */
import { describe, expect, it } from 'vitest';
import { CARD_LIMITS, moreText, replyToCard, sourceText } from '../../src/chat/teams/cards.ts';
import type { Reply, ReplyItem, SourceRef } from '../../src/core/command.ts';
import { cardTexts, unescapeMarkdown } from '../support/teams-fake.ts';

const ls58: SourceRef = { docId: 'efe6f1922925abcdef01', reference: 'SG11-LS58', title: 'LS on emergency calls', kind: 'liaison-statement' };
const cl: SourceRef = { docId: '1dbe3bc55291aa', reference: 'TSB Collective letter 4/5', title: 'Meeting of Study Group 5', kind: 'collective-letter' };

function makeReply(overrides: Partial<Reply> = {}): Reply {
  return {
    ok: true,
    title: 'Deadlines for SG5',
    sections: [
      {
        heading: 'Upcoming',
        items: [
          { text: 'Tue 14 Jul 2026 (end of day, Geneva) (in 14 days): Contributions', detail: 'Submit contributions [TSB Collective letter 4/5]', source: cl },
          { text: 'Tue 31 Mar 2026: Liaison reply', source: ls58 },
        ],
      },
    ],
    notes: ['Times are shown in Asia/Tokyo, with the document\'s original time beside them.'],
    sources: [cl, ls58, { docId: null, reference: 'WTSA-24 Resolution 2', title: 'Lead study groups', kind: null }, { docId: null, reference: 'no title', title: null, kind: null }],
    data: null,
    ...overrides,
  };
}

type Container = { type: 'Container'; items: Array<{ text: string; isSubtle?: boolean }> };
const containers = (body: unknown[]) => body.filter((b): b is Container => (b as { type: string }).type === 'Container');

describe('replyToCard', () => {
  it('builds a v1.5 card: title, section heading, one container per line (text, detail, source), notes, uncited sources', () => {
    const { card, summary } = replyToCard(makeReply());
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', msteams: { width: 'Full' } });
    expect(summary).toBe('Deadlines for SG5');
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Deadlines for SG5', weight: 'Bolder', wrap: true });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Upcoming', weight: 'Bolder' });
    const [first, second] = containers(card.body);
    expect(first?.items.map((i) => i.text)).toEqual([
      'Tue 14 Jul 2026 (end of day, Geneva) (in 14 days): Contributions',
      'Submit contributions \\[TSB Collective letter 4/5\\]',
      '📄 TSB Collective letter 4/5 — Meeting of Study Group 5 · doc 1dbe3bc55291',
    ]);
    expect(second?.items.map((i) => i.text)).toEqual(['Tue 31 Mar 2026: Liaison reply', '📄 SG11-LS58 — LS on emergency calls · doc efe6f1922925']);
    const texts = cardTexts(card);
    expect(texts).toContain("Times are shown in Asia/Tokyo, with the document's original time beside them.");
    // Sources cited by a line are not repeated; the others are listed once (if they say what they are).
    expect(texts.at(-1)).toBe('Sources: WTSA-24 Resolution 2 — Lead study groups');
  });

  it('marks a failed reply, and an unverified sender', () => {
    const { card } = replyToCard(makeReply({ ok: false, title: 'No study group "SG99".', sections: [], sources: [] }));
    expect(cardTexts(card)[0]).toBe('⚠️ No study group "SG99".');
    expect(sourceText({ ...ls58, unverified: true })).toBe('SG11-LS58 — LS on emergency calls ⚠️ _unverified sender_ · doc efe6f1922925');
  });

  it('links each source to the document when a document URL is configured, with the id encoded', () => {
    expect(sourceText(ls58, 'https://sgbot.example.org/doc/{id}')).toBe('[SG11-LS58 — LS on emergency calls](https://sgbot.example.org/doc/efe6f1922925abcdef01)');
    expect(sourceText({ ...ls58, docId: 'a b)(c' }, 'https://x.example/d?id={id}')).toBe('[SG11-LS58 — LS on emergency calls](https://x.example/d?id=a%20b%29%28c)');
  });

  it('renders hostile document text inert everywhere it appears', () => {
    const evil = 'LS <at>sgbot</at> [click here](http://evil.example/x) **urgent** <!channel> _now_';
    const source: SourceRef = { docId: 'bad0bad0bad0', reference: '[SG11-LS99](http://evil.example)', title: evil, kind: 'liaison-statement' };
    const item: ReplyItem = { text: evil, detail: `# ${evil}\n- list`, source };
    const { card } = replyToCard(makeReply({ title: evil, sections: [{ heading: evil, items: [item] }], notes: [evil], sources: [source, { ...source, docId: 'other0000000' }] }));
    const texts = cardTexts(card);
    for (const t of texts) {
      for (const m of t.matchAll(/\\[\s\S]|[`*_~[\]<>]/g)) expect(m[0].length, `live "${m[0]}" in ${t}`).toBe(2);
      expect(t).not.toMatch(/^[ \t]*[#+-] /m);
    }
    const seen = texts.map(unescapeMarkdown);
    expect(seen[0]).toBe(evil);
    expect(seen).toContain(evil);
    expect(seen).toContain(`# ${evil}\n- list`);
    expect(JSON.stringify(card)).not.toMatch(/"entities"|"mentioned"/);
  });

  it('keeps within the size of a Teams message, counting what does not fit', () => {
    const items: ReplyItem[] = Array.from({ length: 400 }, (_, i) => ({ text: `Deadline ${i}: ${'x'.repeat(150)}`, detail: 'y'.repeat(150), source: { ...cl, docId: `doc${i}` } }));
    const { card } = replyToCard(makeReply({ sections: [{ heading: 'Upcoming', items }] }));
    const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
    expect(size).toBeLessThanOrEqual(CARD_LIMITS.cardBytes);
    expect(size).toBeGreaterThan(CARD_LIMITS.cardBytes - 1500);
    const shown = containers(card.body).length;
    expect(shown).toBeGreaterThan(10);
    expect(cardTexts(card)).toContain(moreText(400 - shown));
    // The notes and sources still close the card.
    expect(cardTexts(card).at(-1)).toMatch(/^Sources: TSB Collective letter 4\/5 .*; SG11-LS58 .*; WTSA-24 Resolution 2 — Lead study groups$/);
  });

  it('shortens one huge text instead of dropping the line', () => {
    const { card } = replyToCard(makeReply({ sections: [{ items: [{ text: 'z'.repeat(50_000) }] }] }));
    const text = containers(card.body)[0]?.items[0]?.text ?? '';
    expect(text.length).toBe(CARD_LIMITS.text);
    expect(text.endsWith('…')).toBe(true);
  });
});
