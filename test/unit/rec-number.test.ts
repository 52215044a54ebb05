import { describe, expect, it } from 'vitest';
import { recommendationNumber } from '../../commands/rec.ts';

describe('the Recommendation a status question names', () => {
  it('reads the number in any case, and not a Question written with a dot', () => {
    expect(recommendationNumber('status of q.3057')).toBe('Q.3057');
    expect(recommendationNumber('what is happening with G.9806.1?')).toBe('G.9806.1');
    // Collective letter 4/12 (2010) writes its Question as "(Q.14/12)".
    expect(recommendationNumber('the work of (Q.14/12) on video quality')).toBeNull();
    expect(recommendationNumber('Q.14 / 12')).toBeNull();
  });
});
