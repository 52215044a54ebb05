import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/ingest/extract.ts';
import { failure, makeBlankPdf, makePasswordPdf, makePdf, useTmpDir } from './ingest-builders.ts';

describe('extractFile on .pdf', () => {
  const tmp = useTmpDir();

  it('extracts the text of every page, one line per text line', async () => {
    const pdf = await makePdf(['TSB Circular 106', 'Replies are due by 30 April 2026.'], 'Annex: list of Questions');
    const path = await tmp.write('circular-106.pdf', pdf);
    const { parts, problems } = await extractFile(path);
    expect(problems).toEqual([]);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.name).toBe('circular-106.pdf');
    expect(parts[0]?.origin.format).toBe('pdf');
    expect(parts[0]?.text.split('\n')).toEqual([
      'TSB Circular 106',
      'Replies are due by 30 April 2026.',
      'Annex: list of Questions',
    ]);
  });

  it('refuses a damaged PDF with E_BAD_DOCUMENT', async () => {
    const whole = await makePdf(['TSB Circular 106']);
    const err = await failure(extractFile(await tmp.write('cut.pdf', whole.subarray(0, 400))));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/^cut\.pdf is not a valid PDF .*Download or export it again and retry\.$/);
  });

  it('refuses text that is not a PDF at all with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('fake.pdf', 'This is a plain text note.')));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/fake\.pdf is not a valid PDF/);
  });

  it('refuses a password-protected PDF with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('locked.pdf', await makePasswordPdf())));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/locked\.pdf is protected by a password/);
  });

  it('refuses a PDF without a text layer (a scan) with E_BAD_DOCUMENT', async () => {
    const err = await failure(extractFile(await tmp.write('scan.pdf', await makeBlankPdf())));
    expect(err.code).toBe('E_BAD_DOCUMENT');
    expect(err.message).toMatch(/scan\.pdf has no text layer: it is probably a scanned image/);
  });
});
