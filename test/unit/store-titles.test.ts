import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { humanTitle } from '../../src/store/titles.ts';

const real = (name: string) => readFileSync(new URL(`../fixtures/real/${name}.txt`, import.meta.url), 'utf8');

describe('titles of documents that name themselves badly', () => {
  it('a statement with no title of its own is described by its sender and addressee, not as its addressee\'s', () => {
    // The IETF's answer to SG16 on the video codec work, as posted to a list without a subject line (SOURCES.md).
    const text = real('ietf-list-video-codec-iesg-letter-response-to-sg16');
    const parsed = parseDocument(text);
    expect(parsed.title).toBeNull();
    const title = humanTitle(parsed, { name: 'letter.txt', sentAt: null }, text);
    expect(title).toMatch(/^Liaison statement from \S.* to SG16\b/);
    expect(title).not.toMatch(/of SG16/);
  });

  it('an old table form whose only heading is "LIAISON STATEMENT" between cell pipes', () => {
    // IMTC's 2004 statement to SG16 on A.5 status (SOURCES.md): the form's heading is no title.
    const parsed = parseDocument(real('older-imtc-ls-to-sg16-a5-status'));
    expect(parsed.title).toBe('Liaison statement from IMTC to SG16');
  });
});
