/**
 * A text file is read as it is, unless it is a page or mail body in HTML saved as .txt: then its markup is read as
 * HTML, so that tags become neither its title nor its words.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.ts';
import { looksLikeHtml, readDocument } from '../../src/ingest/reader.ts';
import { withTitle } from '../../src/store/titles.ts';

const LIMITS = { maxPdfPages: 10, maxDocxBytes: 1_000_000 } as never;

// Modelled on a working group chair's mail forwarding an SFCG liaison statement to the CCSDS RFM working group, as the
// list archive keeps its HTML body (mailman.ccsds.org pipermail attachment of 20 June 2016); text in our own words.
const FORWARD = `<font size=2 face="sans-serif">Dear RFM WG members,</font>
<br>
<br><font size=2 face="sans-serif">please find attached a liaison statement
from SFCG on turn-around ratios for the new earth exploration-satellite
allocation obtained at WRC-15.</font>
<br>
<br><font size=2 face="sans-serif">Unless someone objects, it goes into the
charter next to the ranging work.</font>
<br>
<br><font size=2 face="sans-serif">Regards, Ada</font>
<br>
`;

describe('text files that are HTML', () => {
  it('reads the markup of an HTML body saved as .txt, and titles it by the statement it forwards', async () => {
    expect(looksLikeHtml(FORWARD)).toBe(true);
    const { text } = await readDocument(Buffer.from(FORWARD), 'txt', 'attachment.txt', LIMITS);
    expect(text).not.toMatch(/<font|<br/);
    expect(text).toMatch(/please find attached a liaison statement\s+from SFCG/);
    const parsed = withTitle(parseDocument(text), { name: 'attachment.txt', sentAt: null }, text);
    expect(parsed.kind).toBe('liaison-statement');
    expect(parsed.title).toBe('Liaison statement from SFCG on turn-around ratios for the new earth exploration-satellite allocation obtained at WRC-15');
  });

  it('leaves a plain text that quotes an address or a tag as it is', async () => {
    const plain = 'From: "TSB SG17" <tsbsg17@itu.int>\nSubject: Meeting of Study Group 17\n\nUse <br> for a line break in the form.\n';
    expect(looksLikeHtml(plain)).toBe(false);
    expect((await readDocument(Buffer.from(plain), 'txt', 'mail.txt', LIMITS)).text).toBe(plain);
  });
});
