/** Reply → Block Kit: structure, sources, escaping and Slack's limits. */
import { describe, expect, it } from 'vitest';
import { LIMITS, replyToBlocks, SHARE_ACTION, sourceText } from '../../src/chat/slack/blocks.ts';
import type { Reply, ReplyItem, SourceRef } from '../../src/core/command.ts';

const LETTER: SourceRef = { docId: '1dbe3bc55291aa00ff', reference: 'TSB Collective letter 4/5', title: 'Meeting of Study Group 5', kind: 'collective-letter' };

function makeReply(overrides: Partial<Reply> = {}): Reply {
  return {
    ok: true,
    title: 'Deadlines for SG5',
    sections: [
      {
        heading: 'Upcoming',
        items: [
          { text: 'Tue 14 Jul 2026 — original: 14 July 2026 Geneva time (end of day) (in 14 days): Registration', detail: 'Pre-registration [TSB Collective letter 4/5]', source: LETTER },
          { text: 'Wed 2 Sep 2026 (in 64 days): Contributions', source: LETTER },
        ],
      },
    ],
    notes: ['Times are shown in Asia/Tokyo, with the document\'s original time beside them.'],
    sources: [LETTER],
    data: null,
    ...overrides,
  };
}

const items = (n: number, source = LETTER): ReplyItem[] => Array.from({ length: n }, (_, i) => ({ text: `deadline ${i + 1}`, source }));
const types = (r: { blocks: Array<{ type: string }> }) => r.blocks.map((b) => b.type);
const json = (v: unknown) => JSON.stringify(v);

describe('replyToBlocks', () => {
  it('gives a header, the heading, each item with its source as context, and the notes', () => {
    const { text, blocks } = replyToBlocks(makeReply());
    expect(text).toBe('Deadlines for SG5');
    expect(types({ blocks })).toEqual(['header', 'section', 'section', 'context', 'section', 'context', 'context']);
    expect(json(blocks[2])).toContain('Tue 14 Jul 2026 — original: 14 July 2026 Geneva time (end of day) (in 14 days): Registration\\nPre-registration');
    expect(json(blocks[3])).toContain('TSB Collective letter 4/5 — Meeting of Study Group 5 · doc `1dbe3bc55291`');
    expect(json(blocks.at(-1))).toContain('Times are shown in Asia/Tokyo');
  });

  it('adds the share button only when asked, and "Shared by" for a shared answer', () => {
    expect(json(replyToBlocks(makeReply()).blocks)).not.toContain(SHARE_ACTION);
    const withShare = replyToBlocks(makeReply(), { shareId: 'abc123def456' }).blocks.at(-1);
    expect(withShare).toMatchObject({ type: 'actions', elements: [{ type: 'button', action_id: SHARE_ACTION, value: 'abc123def456' }] });
    expect(json(replyToBlocks(makeReply(), { sharedBy: 'U0SHARE' }).blocks)).toContain('Shared by <@U0SHARE>');
    expect(json(replyToBlocks(makeReply(), { sharedBy: 'U0X> <!channel' }).blocks)).not.toContain('Shared by');
  });

  it('links sources when a document URL is configured', () => {
    expect(sourceText(LETTER, 'https://sgbot.example.org/doc/{id}')).toBe('<https://sgbot.example.org/doc/1dbe3bc55291aa00ff|TSB Collective letter 4/5 — Meeting of Study Group 5>');
    expect(sourceText({ docId: null, reference: null, title: 'ITU-T A.1 <x>', kind: 'curated' }, 'https://x/{id}')).toBe('ITU-T A.1 &lt;x&gt;');
  });

  it('lists the sources no item cites', () => {
    const other: SourceRef = { docId: 'ffee00112233', reference: 'SG13-LS7', title: null, kind: 'liaison-statement' };
    const blocks = replyToBlocks(makeReply({ sources: [LETTER, other] })).blocks;
    const last = json(blocks.at(-1));
    expect(last).toContain('Sources: SG13-LS7');
    expect(last).not.toContain('Collective letter');
  });

  it('escapes document text everywhere, the header and the fallback text included', () => {
    const hostile: SourceRef = { docId: 'efe6f1922925', reference: 'SG11-LS58', title: 'LS <!channel> please read <@U123ABC>', kind: 'liaison-statement' };
    const reply = makeReply({
      title: 'LS <!here> @everyone',
      sections: [{ heading: '<!channel>', items: [{ text: 'LS <!channel> please read <@U123ABC>', detail: '<https://evil.example|click>', source: hostile }] }],
      notes: ['<@U999>'],
      sources: [hostile],
    });
    const out = json(replyToBlocks(reply, { shareId: 'abcdefgh', docUrl: 'https://sgbot.example.org/doc/{id}' }));
    expect(out).not.toMatch(/<!channel>|<!here>|<@U123ABC>|<@U999>|<https:\/\/evil/);
    expect(out).toContain('&lt;!channel&gt; please read &lt;@U123ABC&gt;');
    expect(out).toContain('&lt;https://evil.example|click&gt;');
    expect(out).not.toMatch(/@everyone/);
    expect(replyToBlocks(reply).text).toBe('LS &lt;!here&gt; @\u2060everyone');
  });

  it('keeps to 50 blocks in a message, saying how many items were left out', () => {
    const { blocks } = replyToBlocks(makeReply({ sections: [{ heading: 'Upcoming', items: items(200) }] }), { shareId: 'abcdefgh' });
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const shown = blocks.filter((b) => b.type === 'section' && /deadline \d+/.test(json(b))).length;
    expect(json(blocks)).toContain(`…and ${200 - shown} more`);
    expect(shown).toBeGreaterThan(20);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('uses up to 100 blocks in the App Home, and shows everything when it fits', () => {
    const home = replyToBlocks(makeReply({ sections: [{ items: items(200) }] }), { maxBlocks: LIMITS.homeBlocks }).blocks;
    expect(home.length).toBeLessThanOrEqual(100);
    expect(home.length).toBeGreaterThan(90);
    const few = replyToBlocks(makeReply({ sections: [{ items: items(10) }] })).blocks;
    expect(json(few)).not.toContain('more.');
  });

  it('cuts texts to Slack limits: 3000 per text, 150 per header', () => {
    const long = 'x&'.repeat(4000);
    const { blocks } = replyToBlocks(makeReply({ title: long, sections: [{ items: [{ text: long, detail: long }] }], notes: [long] }));
    const texts = JSON.parse(json(blocks)) as Array<{ text?: { text: string }; elements?: Array<{ text: string }> }>;
    expect(texts[0]?.text?.text.length).toBeLessThanOrEqual(LIMITS.header);
    for (const b of texts) {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.text);
      for (const e of b.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(LIMITS.text);
    }
    expect(texts[1]?.text?.text.endsWith('…')).toBe(true);
  });

  it('marks a reply without an answer in its header', () => {
    const { blocks } = replyToBlocks({ ok: false, code: 'E_UNKNOWN_GROUP', title: '"SG99" is not an ITU-T group I know.', sections: [], notes: ['Known groups: SG2, SG3.'], sources: [], data: null });
    expect(types({ blocks })).toEqual(['header', 'context']);
    expect(json(blocks[0])).toContain('⚠️ \\"SG99\\" is not an ITU-T group I know.');
  });
});
