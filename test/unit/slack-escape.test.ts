/** Escaping document text for Slack: special sequences and broadcasts from documents must stay inert. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSlack, escapeSlackWithin, neutraliseBroadcasts } from '../../src/chat/escape.ts';

const JOINER = '\u2060';

describe('escapeSlack', () => {
  it('turns Slack control sequences from documents into text', () => {
    expect(escapeSlack('LS <!channel> please read <@U123ABC>')).toBe('LS &lt;!channel&gt; please read &lt;@U123ABC&gt;');
    expect(escapeSlack('<https://evil.example|click here>')).toBe('&lt;https://evil.example|click here&gt;');
    expect(escapeSlack('<!subteam^S0123> <#C024BE7LR> <!date^1392734382^{date}|x>')).not.toMatch(/[<>]/);
    expect(escapeSlack('R&D & <b>')).toBe('R&amp;D &amp; &lt;b&gt;');
  });

  it('escapes what is already an entity again, so it shows literally', () => {
    expect(escapeSlack('&lt;!channel&gt;')).toBe('&amp;lt;!channel&amp;gt;');
  });

  it('neutralises bare broadcasts in any case, and nothing else', () => {
    expect(escapeSlack('<!here> @everyone and @Channel, @here!')).toBe(`&lt;!here&gt; @${JOINER}everyone and @${JOINER}Channel, @${JOINER}here!`);
    expect(neutraliseBroadcasts('mail @channels.example.org or @heretic; a@b.c')).toBe('mail @channels.example.org or @heretic; a@b.c');
  });

  it('leaves ordinary text, dates and arrows alone', () => {
    const s = 'Fri 1 May 2026, 08:59 (Asia/Tokyo) — original: 30 April 2026, 23:59 UTC → Q4/20';
    expect(escapeSlack(s)).toBe(s);
  });

  it('never lets a raw control character or a live broadcast through (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '!', '@', 'c', 'h', 'a', 'n', 'e', 'l', 'r', ' ', '|', 'x') }), (s) => {
        const out = escapeSlack(s);
        expect(out).not.toMatch(/[<>]/);
        expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(out).not.toMatch(/@(channel|here|everyone)\b/i);
      }),
    );
  });
});

describe('escapeSlackWithin', () => {
  it('keeps short text whole', () => {
    expect(escapeSlackWithin('a & b', 20)).toBe('a &amp; b');
  });

  it('shortens with an ellipsis, never cutting an entity', () => {
    expect(escapeSlackWithin('a & b & c', 9)).toBe('a &amp;…');
    expect(escapeSlackWithin('<<<<<<<<', 7)).toBe('&lt;…');
  });

  it('respects the limit for any text and limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', 'a', ' ', '@', 'h', 'e', 'r', '😀') }), fc.integer({ min: 1, max: 40 }), (s, max) => {
        const out = escapeSlackWithin(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/&(?!(amp|lt|gt);)/);
        expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});
