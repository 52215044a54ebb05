/**
 * HTML to plain text, for .html files and HTML-only mail bodies.
 */

import { compile } from 'html-to-text';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

const OPTIONS = {
  // Lines are not wrapped: a table row or a sentence stays on one line for the parser.
  wordwrap: false as const,
  selectors: [
    ...HEADINGS,
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Cells are separated by spaces on one line per row; the default "table" format glues cells together
    // ("2 March 2026Submission of contributions").
    { selector: 'table', format: 'dataTable', options: { maxColumnWidth: 10_000, uppercaseHeaderCells: false } },
  ],
};

// Compiled once: html-to-text's `convert(html, options)` compiles its options (selectors and all) on every call,
// which took longer than converting a whole mail body.
const convert = compile(OPTIONS);

/**
 * The text of an HTML document: one line per paragraph or table row, headings kept as written, links and images
 * reduced to their text.
 *
 * @example
 * htmlToPlainText('<p>Dear colleagues,</p><table><tr><td>2 March 2026</td><td>Contributions</td></tr></table>')
 * // 'Dear colleagues,\n\n2 March 2026   Contributions'
 */
export function htmlToPlainText(html: string): string {
  return convert(html);
}
