/**
 * PDF to text with unpdf (pdf.js).
 */

import { getDocumentProxy } from 'unpdf';
import { SgbotError } from '../core/errors.ts';
import { normaliseLineEnds } from './text.ts';
import { DEFAULT_PDF_MAX_MS, DEFAULT_PDF_MAX_PAGES, type ExtractLimits } from './types.ts';

/** The text of a PDF, and why reading stopped early (`null` when every page was read). */
export interface PdfText {
  text: string;
  /** E_TOO_LARGE when the page or time budget ran out: `text` holds the pages read until then. */
  stopped: SgbotError | null;
}

/**
 * The text layer of a PDF, pages separated by a line break, read page by page within a budget: at most
 * `limits.maxPdfPages` pages and `limits.maxPdfMs` ms. A PDF is cheap to make endless — a 120 KB file whose page
 * tree lists the same page 20,000 times takes over a minute, a 400 KB content stream inflates to 400 MB — so what is
 * beyond the budget is left unread and said so in `stopped`.
 *
 * @throws SgbotError E_BAD_DOCUMENT for a damaged or password-protected PDF, or one without text (a scan).
 * @example const { text, stopped } = await extractPdfText(await readFile('circular.pdf'), 'circular.pdf')
 */
export async function extractPdfText(buf: Uint8Array, name: string, limits: Pick<ExtractLimits, 'maxPdfPages' | 'maxPdfMs'> = {}): Promise<PdfText> {
  const maxPages = limits.maxPdfPages ?? DEFAULT_PDF_MAX_PAGES;
  const maxMs = limits.maxPdfMs ?? DEFAULT_PDF_MAX_MS;
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take over the buffer it is given. verbosity 0 keeps pdf.js warnings off stdout.
    pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    throw openError(name, err);
  }
  const pages: string[] = [];
  let stopped: SgbotError | null = null;
  const started = performance.now();
  try {
    // One page at a time (unpdf's extractText asks for all pages at once), so that the budget can stop it.
    for (let n = 1; n <= pdf.numPages; n += 1) {
      if (n > maxPages || performance.now() - started > maxMs) {
        stopped = tooLong(name, pdf.numPages, n - 1, n > maxPages ? `more than the ${maxPages} pages read per PDF` : `reading it took more than ${maxMs / 1000} s`);
        break;
      }
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
  } catch (err) {
    throw damaged(name, err);
  } finally {
    await pdf.destroy();
  }
  // As unpdf's mergePages: spaces collapsed, no space around line breaks, at most one blank line.
  const text = pages.join('\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
  if (text.trim() === '') {
    if (stopped) throw stopped;
    throw new SgbotError(
      'E_BAD_DOCUMENT',
      `${name} has no text layer: it is probably a scanned image. Ask for the original document (Word or text), ` +
        'or run text recognition (OCR) on the PDF and try again.',
    );
  }
  return { text: normaliseLineEnds(text), stopped };
}

function tooLong(name: string, total: number, read: number, why: string): SgbotError {
  return new SgbotError(
    'E_TOO_LARGE',
    `${name} has ${total} pages; only the first ${read} were read (${why}). Split it into smaller PDFs to have the rest read.`,
  );
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
