/**
 * PDF to text with unpdf (pdf.js).
 */

import { extractText, getDocumentProxy } from 'unpdf';
import { SgbotError } from '../core/errors.ts';
import { normaliseLineEnds } from './text.ts';

/**
 * The text layer of a PDF, pages separated by a line break.
 *
 * @throws SgbotError E_BAD_DOCUMENT for a damaged or password-protected PDF, or one without text (a scan).
 * @example await extractPdfText(await readFile('circular.pdf'), 'circular.pdf')
 */
export async function extractPdfText(buf: Uint8Array, name: string): Promise<string> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take over the buffer it is given. verbosity 0 keeps pdf.js warnings off stdout.
    pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    throw openError(name, err);
  }
  let text: string;
  try {
    ({ text } = await extractText(pdf, { mergePages: true }));
  } catch (err) {
    throw damaged(name, err);
  } finally {
    await pdf.destroy();
  }
  if (text.trim() === '') {
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} has no text layer: it is probably a scanned image. Ask for the original document (Word or text), ` +
        'or run text recognition (OCR) on the PDF and try again.',
    );
  }
  return normaliseLineEnds(text);
}

function openError(name: string, err: unknown): SgbotError {
  if (err instanceof Error && err.name === 'PasswordException') {
    return new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} is protected by a password, so its text cannot be read. Ask the sender for an unprotected copy, ` +
        'or open it and print it to a new PDF without a password.',
      { cause: err },
    );
  }
  return damaged(name, err);
}

function damaged(name: string, err: unknown): SgbotError {
  return new SgbotError(
    'E_BAD_DOCUMENT',
    `${name} is not a valid PDF (it may be damaged, cut short, or a different format saved with a .pdf name). ` +
      'Download or export it again and retry.',
    { cause: err },
  );
}
