/**
 * HTML to plain text, for .html files and HTML-only mail bodies, in time and memory linear in the HTML.
 *
 * html-to-text lays a table out on a grid: a cell spanning a million columns or rows makes a grid that size, squared
 * to transpose it, and a recursion as deep as the grid is wide; a column of one very long line pads every line of the
 * column beside it to that length; and it walks the tree by recursion, which overflows the stack a few thousand
 * elements deep. So spans are clamped before a table is laid out ({@link MAX_SPAN}), a table whose layout would cost
 * more than {@link MAX_TABLE_SIDE}² steps or {@link MAX_TABLE_OUTPUT} characters is written row by row without
 * alignment, and tags nested deeper than {@link MAX_DEPTH} are dropped before parsing, their text kept (and this
 * said). htmlparser2 (html-to-text's parser) keeps its open elements in an array it shifts and unshifts, which is
 * itself quadratic in the depth: 100,000 nested elements cost it seconds.
 */

import { compile } from 'html-to-text';
import { Tokenizer } from 'htmlparser2';

/** Columns or rows one table cell may span; a real letter's table spans a handful. */
export const MAX_SPAN = 50;
/** Element nesting kept; deeper tags are dropped (their text kept) and reported. Real mail nests a few dozen levels. */
export const MAX_DEPTH = 200;
/** Rows or columns of a table laid out as a grid; a larger table is written one line per row, unaligned. */
export const MAX_TABLE_SIDE = 2000;
/** Characters a laid-out table may produce (its cells' lines padded to their columns). */
export const MAX_TABLE_OUTPUT = 8_000_000;

// A character no mail uses: html-to-text puts it where it stopped reading because the tree went too deep.
const CUT = '\uE0CC';

// How htmlparser2 nests elements in HTML, as far as depth goes: elements that never have content, and those whose
// start closes open elements of the kinds listed ("<p>a<p>b" is two paragraphs side by side, not one in the other).
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t): [string, ReadonlySet<string>] => [t, FORM]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t): [string, ReadonlySet<string>] => [t, P]),
]);
const FOREIGN = new Set(['svg', 'math']);

/** Whether `html` holds more than `max` tag starts: "<" and an ASCII letter, as htmlparser2's tokenizer starts a tag. */
function moreTagStarts(html: string, max: number): boolean {
  let n = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const c = html.charCodeAt(at + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a && ++n > max) return true;
  }
  return false;
}

/**
 * `html` with every start tag that would open an element more than `maxDepth` deep left out (its text and end tag
 * stay: an end tag matching no open element is ignored by the parser), in one pass of htmlparser2's tokenizer.
 * The open elements are followed as htmlparser2's parser follows them, on a stack that never grows past `maxDepth`.
 *
 * @example limitNesting('<div><div><div>x</div></div></div>', 2) // { html: '<div><div>x</div></div></div>', cut: true }
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): { html: string; cut: boolean } {
  // A tag is left out only when `maxDepth` elements are open before it: HTML with no more tag starts than that (most
  // mail) is returned as it is, without the tokenizer's pass.
  if (!moreTagStarts(html, maxDepth)) return { html, cut: false };
  const stack: string[] = [];
  let foreign = 0;
  const out: string[] = [];
  let copied = 0;
  let tagStart = -1;
  let drop = false;
  let cut = false;
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const pop = () => {
    if (FOREIGN.has(stack.pop() ?? '')) foreign--;
  };
  const endTag = (end: number) => {
    if (!drop) return;
    out.push(html.slice(copied, tagStart));
    copied = end + 1;
    drop = false;
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname(start, end) {
        const tag = name(start, end);
        tagStart = start - 1;
        const closes = IMPLIES_CLOSE.get(tag);
        if (closes) while (stack.length > 0 && closes.has(stack.at(-1) ?? '')) pop();
        if (VOID.has(tag)) return;
        if (stack.length >= maxDepth) {
          drop = cut = true;
          return;
        }
        stack.push(tag);
        if (FOREIGN.has(tag)) foreign++;
      },
      onopentagend: endTag,
      onselfclosingtag(end) {
        // Inside SVG or MathML "<path/>" has no content; in HTML the slash means nothing.
        if (!drop && foreign > 0) pop();
        endTag(end);
      },
      onclosetag(start, end) {
        const tag = name(start, end);
        const at = stack.lastIndexOf(tag);
        if (at >= 0) while (stack.length > at) pop();
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (!cut) return { html, cut };
  out.push(html.slice(copied));
  return { html: out.join(''), cut };
}

/** One table cell as html-to-text hands it to a table printer. */
interface TableCell {
  colspan: number;
  rowspan: number;
  text: string;
}
type TablePrinter = (rows: TableCell[][]) => string;
interface CloseTableOptions {
  tableToString: TablePrinter;
  leadingLineBreaks?: number;
  trailingLineBreaks?: number;
}
/** The part of html-to-text's BlockTextBuilder used here. */
interface Builder {
  options: { formatters: Record<string, Formatter> };
  closeTable(options: CloseTableOptions): void;
}
interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}
type Formatter = (elem: DomNode, walk: unknown, builder: Builder, formatOptions: Record<string, unknown>) => void;

/** Clamps the colspan and rowspan of every cell of `table` (not of nested tables) to 1…{@link MAX_SPAN}. */
function clampSpans(table: DomNode): void {
  const pending: DomNode[] = [...(table.children ?? [])];
  // The elements html-to-text's dataTable reads rows from: thead, tbody, tfoot, center, then tr, then td and th.
  while (pending.length > 0) {
    const node = pending.pop();
    if (node?.type !== 'tag') continue;
    if (node.name === 'thead' || node.name === 'tbody' || node.name === 'tfoot' || node.name === 'center' || node.name === 'tr') {
      pending.push(...(node.children ?? []));
    } else if ((node.name === 'td' || node.name === 'th') && node.attribs) {
      for (const key of ['colspan', 'rowspan']) {
        const raw = node.attribs[key];
        if (raw === undefined) continue;
        const n = Math.trunc(Number(raw));
        if (!(n > 1)) delete node.attribs[key];
        else if (n > MAX_SPAN) node.attribs[key] = String(MAX_SPAN);
      }
    }
  }
}

/**
 * `true` when html-to-text can lay `rows` out in bounded time and memory: the grid (made square to transpose it) is
 * at most {@link MAX_TABLE_SIDE} on a side, and the padded lines add up to at most {@link MAX_TABLE_OUTPUT}
 * characters (each line of a cell padded to the widest cells of the columns before it, an upper bound).
 */
function layoutFits(rows: TableCell[][]): boolean {
  let width = 0;
  const columnWidth: number[] = [];
  for (const row of rows) {
    let x = 0;
    for (const cell of row) {
      let widest = 0;
      for (const line of cell.text.split('\n')) widest = Math.max(widest, line.length);
      columnWidth[x] = Math.max(columnWidth[x] ?? 0, widest);
      x += cell.colspan;
    }
    width = Math.max(width, x);
  }
  if (Math.max(width, rows.length + MAX_SPAN) > MAX_TABLE_SIDE) return false;
  const offset: number[] = [0];
  for (let x = 0; x < width; x++) offset[x + 1] = (offset[x] ?? 0) + (columnWidth[x] ?? 0) + 3;
  let output = 0;
  for (const row of rows) {
    let x = 0;
    for (const cell of row) {
      let lines = 1;
      for (let at = cell.text.indexOf('\n'); at >= 0; at = cell.text.indexOf('\n', at + 1)) lines++;
      output += lines * (offset[x] ?? 0) + cell.text.length;
      if (output > MAX_TABLE_OUTPUT) return false;
      x += cell.colspan;
    }
  }
  return true;
}

/** A table too large to lay out: one line per row, cells separated by three spaces, spans ignored. */
function rowByRow(rows: TableCell[][]): string {
  return rows.map((row) => row.map((cell) => cell.text).join('   ')).join('\n');
}

/**
 * html-to-text's `dataTable` format, with the spans of the table's cells clamped first and a table too large to lay
 * out written {@link rowByRow}. The layout is html-to-text's own: the builder's closeTable is given a printer that
 * decides between the two, for this table only (nested tables close first, and restore what they replaced).
 */
const boundedDataTable: Formatter = (elem, walk, builder, formatOptions) => {
  clampSpans(elem);
  const dataTable = builder.options.formatters.dataTable;
  if (!dataTable) throw new Error('html-to-text has no dataTable format');
  const outer = Object.getOwnPropertyDescriptor(builder, 'closeTable');
  const proto = Object.getPrototypeOf(builder) as Builder;
  builder.closeTable = (options: CloseTableOptions) => {
    if (outer) Object.defineProperty(builder, 'closeTable', outer);
    else delete (builder as Partial<Builder>).closeTable;
    proto.closeTable.call(builder, { ...options, tableToString: (rows) => (layoutFits(rows) ? options.tableToString(rows) : rowByRow(rows)) });
  };
  dataTable(elem, walk, builder, formatOptions);
};

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

const OPTIONS = {
  // Lines are not wrapped: a table row or a sentence stays on one line for the parser.
  wordwrap: false as const,
  formatters: { boundedDataTable },
  // A backstop: limitNesting leaves nothing this deep.
  limits: { maxDepth: 2 * MAX_DEPTH + 50, ellipsis: CUT },
  selectors: [
    ...HEADINGS,
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    // Cells are separated by spaces on one line per row; the default "table" format glues cells together
    // ("2 March 2026Submission of contributions").
    { selector: 'table', format: 'boundedDataTable', options: { maxColumnWidth: 10_000, uppercaseHeaderCells: false } },
  ],
};

// Compiled once: html-to-text's `convert(html, options)` compiles its options (selectors and all) on every call,
// which took longer than converting a whole mail body.
const convert = compile(OPTIONS);

/** The text of an HTML document, and whether part of it was left out for being nested too deep. */
export interface HtmlText {
  text: string;
  /** `true` when tags nested more than {@link MAX_DEPTH} deep were left out (their text is kept). */
  cut: boolean;
}

/**
 * The text of an HTML document: one line per paragraph or table row, headings kept as written, links and images
 * reduced to their text; tags nested more than {@link MAX_DEPTH} deep are left out, their text kept (`cut`).
 *
 * @example
 * htmlToText('<p>Dear colleagues,</p><table><tr><td>2 March 2026</td><td>Contributions</td></tr></table>')
 * // { text: 'Dear colleagues,\n\n2 March 2026   Contributions', cut: false }
 */
export function htmlToText(html: string): HtmlText {
  const limited = limitNesting(html);
  const out = convert(limited.html);
  if (!out.includes(CUT)) return { text: out, cut: limited.cut };
  return { text: out.replaceAll(CUT, ''), cut: true };
}

/** {@link htmlToText}, the text only. */
export function htmlToPlainText(html: string): string {
  return htmlToText(html).text;
}
