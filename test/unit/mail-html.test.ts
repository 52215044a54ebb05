/**
 * The HTML part built from plain text: everything escaped, only the markup textToHtml itself writes survives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, textToHtml } from '../../src/mail/html.ts';

/** The `<body>` of `html` with the tags textToHtml writes removed: what is left must be text, no markup. */
function bodyWithoutOwnTags(html: string): string {
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
  return body.replace(/<\/?p>|<br>|<a href="[^"<>]*">|<\/a>/g, '');
}

function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('escapes chat mentions and scripts taken from documents', () => {
    expect(escapeHtml('<!channel> <script>alert(1)</script>')).toBe('&lt;!channel&gt; &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('does not escape twice what is already an entity in the source text', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('textToHtml', () => {
  it('makes paragraphs at blank lines and line breaks at single newlines', () => {
    const html = textToHtml('Dear rapporteur,\r\n\r\nContributions are due\non 1 March 2027.\n\n\n\nRegards');
    expect(html).toContain('<p>Dear rapporteur,</p>\n<p>Contributions are due<br>\non 1 March 2027.</p>\n<p>Regards</p>');
  });

  it('escapes the title and every character of the text', () => {
    const html = textToHtml('Hi <!channel>, <script>alert("x")</script> & more', 'Q1/20 <draft>');
    expect(html).toContain('<title>Q1/20 &lt;draft&gt;</title>');
    expect(html).toContain('Hi &lt;!channel&gt;, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toMatch(/<script|<!channel/);
  });

  it('links http(s) URLs, leaving sentence punctuation outside and escaping the href', () => {
    const html = textToHtml('See https://www.itu.int/md/T25-SG20-C-0001/en?a=1&b=2. Or (https://x.org/a).');
    expect(html).toContain('See <a href="https://www.itu.int/md/T25-SG20-C-0001/en?a=1&amp;b=2">https://www.itu.int/md/T25-SG20-C-0001/en?a=1&amp;b=2</a>. ');
    expect(html).toContain('(<a href="https://x.org/a">https://x.org/a</a>).');
  });

  it('cannot be broken out of an href by a quote in the URL', () => {
    const html = textToHtml('https://x.org/"onmouseover="alert(1)');
    expect(html).toContain('<a href="https://x.org/">https://x.org/</a>&quot;onmouseover=&quot;alert(1)');
  });

  it('never lets text become markup, and keeps all the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '\n', 'h', 't', 'p', 's', ':', '/', '.', '!', 'é') }), (text) => {
        const rest = bodyWithoutOwnTags(textToHtml(text));
        expect(rest).not.toMatch(/[<>"']/);
        expect(rest.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        const words = (s: string): string => s.replace(/\s+/g, '');
        // Linked URLs appear twice (href and text): compare with the links' text only.
        const visible = textToHtml(text).replace(/<a href="[^"]*">/g, '');
        expect(words(unescape(bodyWithoutOwnTags(visible)))).toBe(words(text));
      }),
    );
  });
});
