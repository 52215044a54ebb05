/** Search snippets: the passage where the matched words stand together, cut on word boundaries. */
import { describe, expect, it } from 'vitest';
import { snippet } from '../../src/store/snippet.ts';

const TEXT = [
  'INTERNATIONAL TELECOMMUNICATION UNION',
  'Subject: Meeting of Study Group 20',
  'The digital health work of Question 6/20 goes on.',
  'Annex 2 lists the draft Recommendations on digital twin terminology for smart cities, which Q4/20 will examine.',
  'Twin cities are not discussed.',
].join('\n');

describe('snippet', () => {
  it('shows the place where all the words stand together, not the first lone word', () => {
    const s = snippet(TEXT, ['digital', 'twin'], 80);
    expect(s).toContain('digital twin terminology');
    expect(s?.startsWith('… ')).toBe(true);
    expect(s?.length).toBeLessThanOrEqual(90);
  });

  it('matches whole words and their starts, case aside, and says nothing when none is found', () => {
    expect(snippet(TEXT, ['TERMINOLOGY'])).toContain('terminology');
    expect(snippet(TEXT, ['quantum'])).toBeNull();
    expect(snippet(TEXT, [])).toBeNull();
  });

  it('reads a huge text in linear time', () => {
    const big = `${'lorem ipsum '.repeat(100_000)}digital twin`;
    const t = performance.now();
    snippet(big, ['digital', 'twin']);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
