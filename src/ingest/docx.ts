/**
 * Word (.docx) to text with mammoth, after the zip bomb guard.
 */

import mammoth from 'mammoth';
import { assertSafeDocx, invalidDocx } from './zip-guard.ts';
import { normaliseLineEnds } from './text.ts';
import type { ExtractLimits } from './types.ts';

/**
 * The raw text of a .docx: paragraphs separated by blank lines; table cells each in their own paragraph, as
 * mammoth gives them (a two-column row "2 March 2026 | Contributions" becomes two paragraphs).
 *
 * @throws SgbotError E_TOO_LARGE for a zip bomb, E_BAD_DOCUMENT for a damaged file or one that is not a .docx.
 * @example await extractDocxText(await readFile('letter.docx'), 'letter.docx', DEFAULT_LIMITS)
 */
export async function extractDocxText(buf: Buffer, name: string, limits: ExtractLimits): Promise<string> {
  assertSafeDocx(buf, name, limits);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: buf }));
  } catch (err) {
    throw invalidDocx(name, describeMammothError(err), err);
  }
  return normaliseLineEnds(value);
}

function describeMammothError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/main document part/i.test(message)) return 'it has no main document part';
  if (/xml|parse|unexpected|tag/i.test(message)) return 'its XML is malformed';
  return 'it cannot be unpacked';
}
