/** Escaping document text for Adaptive Card markdown in Teams: mentions, links and formatting from documents stay inert. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTeams, escapeTeamsWithin } from '../../src/chat/teams/escape.ts';
import { unescapeMarkdown } from '../support/teams-fake.ts';

/** Markdown specials a CommonMark reader would act on: those not consumed by a backslash escape. */
function live(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\\[\s\S]|[`*_~[\]<>]/g)) if (m[0].length === 1) out.push(m[0]);
  return out;
}

describe('escapeTeams', () => {
  it('turns mentions, disguised links, emphasis and Slack-style sequences from documents into text', () => {
    expect(escapeTeams('<at>sgbot</at> please')).toBe('\\<at\\>sgbot\\</at\\> please');
    expect(escapeTeams('[click here](http://evil.example/x)')).toBe('\\[click here\\](http://evil.example/x)');
    expect(escapeTeams('**urgent** _now_ ~~old~~ `rm -rf`')).toBe('\\*\\*urgent\\*\\* \\_now\\_ \\~\\~old\\~\\~ \\`rm -rf\\`');
    expect(escapeTeams('LS <!channel> please read <@U123ABC>')).toBe('LS \\<!channel\\> please read \\<@U123ABC\\>');
    expect(escapeTeams('<https://example.invalid|click here>')).toBe('\\<https://example.invalid|click here\\>');
  });

  it('escapes what would start a block only at the start of a line', () => {
    expect(escapeTeams('# Heading\n- item\n+ item\n  1. first\n2) second\n===\n> quote')).toBe('\\# Heading\n\\- item\n\\+ item\n  1\\. first\n2\\) second\n\\===\n\\> quote');
    expect(escapeTeams('Q4/20 - item 1. and #3')).toBe('Q4/20 - item 1. and #3');
  });

  it('escapes entities (so "&lt;at&gt;" is not decoded into a tag) but not a bare ampersand', () => {
    expect(escapeTeams('&lt;at&gt;x&#60;')).toBe('\\&lt;at\\&gt;x\\&#60;');
    expect(escapeTeams('R&D & more')).toBe('R&D & more');
  });

  it('escapes a backslash, so that text cannot cancel an escape', () => {
    expect(escapeTeams('\\*x*')).toBe('\\\\\\*x\\*');
    expect(unescapeMarkdown(escapeTeams('\\*x*'))).toBe('\\*x*');
  });

  it('leaves ordinary text, dates, parentheses and arrows alone', () => {
    const s = 'Fri 1 May 2026, 08:59 (Asia/Tokyo) — original: 30 April 2026, 23:59 UTC → Q.3645 (ex Q.EC-IMS), Q4/20; t22sg20q1@lists.itu.int';
    expect(escapeTeams(s)).toBe(s);
  });

  it('shows a reader exactly the original, and leaves no markdown special live (property)', () => {
    const unit = fc.constantFrom('<', '>', '&', '*', '_', '~', '`', '[', ']', '(', ')', '\\', '#', '-', '+', '=', '1', '.', ';', 'a', 't', 'l', 'g', ' ', '\n');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        const out = escapeTeams(s);
        expect(unescapeMarkdown(out)).toBe(s);
        expect(live(out)).toEqual([]);
        expect(out).not.toMatch(/^[ \t]*([#+=-]|\d+[.)])/m);
        expect(out.replace(/\\&/g, '')).not.toMatch(/&#?[A-Za-z0-9]+;/);
      }),
    );
  });
});

describe('escapeTeamsWithin', () => {
  it('shortens with an ellipsis, never leaving a backslash to escape it', () => {
    expect(escapeTeamsWithin('a*b*c*d', 6)).toBe('a\\*b…');
    expect(escapeTeamsWithin('a*b*c*d', 20)).toBe('a\\*b\\*c\\*d');
    expect(escapeTeamsWithin('ab😀cd', 4)).toBe('ab…');
  });

  it('stays within the limit and keeps every escape whole (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '<', 'a', '\\', ' ', '_') }), fc.integer({ min: 2, max: 40 }), (s, max) => {
        const out = escapeTeamsWithin(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(live(out.replace(/…$/, ''))).toEqual([]);
        expect(/\\*…$/.exec(out)?.[0].length ?? 1).toSatisfy((n: number) => n % 2 === 1);
      }),
    );
  });
});
