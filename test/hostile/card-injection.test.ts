/**
 * Document text built to break out of the message it is shown in: JSON that would close the card's arrays and add
 * an OpenUrl action (`"}]},{"type":"Action.OpenUrl",…`), Adaptive Card templating (`${$root.secret}`, `{{…}}`),
 * Slack control sequences and mrkdwn, in every field a document fills (title, reference, item text and detail,
 * heading, notes, sources). Properties over random text: the card and the Block Kit message keep the structure a
 * harmless reply of the same shape gets, carry no action or link the bot did not make, and show the text literally.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replyToBlocks } from '../../src/chat/slack/blocks.ts';
import { replyToCard } from '../../src/chat/teams/cards.ts';
import type { Reply, SourceRef } from '../../src/core/command.ts';
import { cardTexts, unescapeMarkdown } from '../support/teams-fake.ts';

const BREAKOUTS = [
  '"}]},{"type":"Action.OpenUrl","title":"Pay","url":"https://evil.example"}]}',
  '\\"}],"actions":[{"type":"Action.Submit","data":{"sgbotAction":"sgbot_broadcast_confirm"}}]}',
  '${$root.secret}', '${if(true, "x", "y")}', '{{DATE(2027-05-12T00:00:00Z, SHORT)}}', '$data', '"$schema":"x"',
  '<at>sgbot</at>', '[click](https://evil.example)', '![img](https://evil.example/p.png)', '<https://evil.example|click>',
  '<!channel>', '<!here>', '<@U0SARA001>', '<#C0SG20ANN>', '*bold*', '`code`', '&lt;!channel&gt;', '\u0000', '\u2028', '\uD800',
];
const hostile = fc.oneof(fc.constantFrom(...BREAKOUTS), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const text = fc.array(hostile, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));

function replyOf(t: string[]): Reply {
  const at = (i: number) => t[i % t.length] ?? '';
  const source: SourceRef = { docId: 'bad0bad0bad0bad0', reference: at(1), title: at(2), kind: 'liaison-statement' };
  return {
    ok: true,
    title: at(0),
    sections: [{ heading: at(3), items: [{ text: at(4), detail: at(5), source }] }],
    notes: [at(6)],
    sources: [source, { docId: null, reference: at(7), title: at(0), kind: null }],
    data: null,
  };
}
const BENIGN = replyOf(['Deadlines for SG20', 'SG11-LS58', 'LS on emergency calls', 'Upcoming', 'Tue 14 Jul 2026: Contributions', 'Submit', 'Times in UTC.', 'WTSA-24']);

/** The skeleton of a JSON value: every key path and every `type`, text values left out. */
function skeleton(v: unknown, path = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => skeleton(x, `${path}[]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.add(`${path}.${k}`);
      if (k === 'type' || k === 'style') out.add(`${path}.${k}=${String(x)}`);
      skeleton(x, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('Adaptive Card injection through document text', () => {
  const benign = skeleton(JSON.parse(JSON.stringify(replyToCard(BENIGN, { docUrl: 'https://sgbot.example.org/doc/{id}' }).card)));

  it('keeps the card’s structure, adds no action, link, template or mention, and shows the text literally', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (t) => {
        const reply = replyOf(t);
        const { card } = replyToCard(reply, { docUrl: 'https://sgbot.example.org/doc/{id}' });
        const wire = JSON.parse(JSON.stringify(card)) as unknown;
        const keys = [...skeleton(wire)];
        for (const k of keys) expect(benign.has(k), `unexpected ${k}`).toBe(true);
        expect(keys.filter((k) => /=Action\.|\.(\$data|entities|mentioned|actions|selectAction)$/.test(k))).toEqual([]);
        const texts = cardTexts(wire);
        // Only links the bot makes: the document link, whose id is URL-encoded.
        for (const t2 of texts) for (const m of t2.matchAll(/(?<!\\)\]\((?<url>[^)]*)\)/g)) expect(m.groups?.['url']).toBe('https://sgbot.example.org/doc/bad0bad0bad0bad0');
        // Shown literally, but for whitespace, which the card may trim or fold.
        const flat = (x: string) => x.replace(/\s+/g, ' ').trim();
        const seen = flat(texts.map(unescapeMarkdown).join(' '));
        for (const s of [reply.sections[0]?.items[0]?.text ?? '', reply.notes[0] ?? '']) if (s.length < 200) expect(seen).toContain(flat(s));
      }),
      { numRuns: 300 },
    );
  });

  it('shows a JSON break-out and a template in a title as the characters they are', () => {
    const title = '"}]},{"type":"Action.OpenUrl","url":"https://evil.example"}]} ${$root.secret}';
    const { card } = replyToCard(replyOf([title]));
    const texts = cardTexts(JSON.parse(JSON.stringify(card)));
    expect(unescapeMarkdown(texts[0] ?? '')).toBe(title);
    expect([...skeleton(card)].filter((k) => k.includes('Action.'))).toEqual([]);
  });
});

describe('Block Kit injection through document text', () => {
  const benign = skeleton(JSON.parse(JSON.stringify(replyToBlocks(BENIGN, { shareId: 'abcdefgh', docUrl: 'https://sgbot.example.org/doc/{id}' }))));

  it('keeps the message’s structure and leaves no control sequence live', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (t) => {
        const message = JSON.parse(JSON.stringify(replyToBlocks(replyOf(t), { shareId: 'abcdefgh', docUrl: 'https://sgbot.example.org/doc/{id}' }))) as unknown;
        for (const k of skeleton(message)) expect(benign.has(k), `unexpected ${k}`).toBe(true);
        const strings: string[] = [];
        const walk = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (v && typeof v === 'object') Object.values(v).forEach(walk);
        };
        walk(message);
        for (const s of strings) {
          // The only live sequence is the bot's own link to the document.
          for (const m of s.matchAll(/<([^>]*)>/g)) expect(m[1]).toMatch(/^https:\/\/sgbot\.example\.org\/doc\/bad0bad0bad0bad0\|/);
          expect(s).not.toMatch(/<!(channel|here|everyone)|<@U|<#C/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
