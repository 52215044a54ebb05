/**
 * The console's templates (eta), read once when the console starts from `templates/*.eta` beside this file. Every
 * `<%= %>` is escaped (eta's autoEscape, with the escaping of the mail renderer, the same as {@link escapeHtml}), so
 * text from a document, a mail or a person cannot become markup; only `<%~ %>` writes HTML as it is, and is used for
 * HTML built by another template or by the escaping helpers. A template is named by its file name without `.eta`
 * (`layout`, `document`); it reads its data as `it` and includes others as `include('@name', data)`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { escapeHtml } from '../../mail/html.ts';

/** The console's templates, compiled. */
export interface Views {
  /** The HTML of template `name` (a file of templates/ without `.eta`) with `data` as `it`. */
  render(name: string, data: object): string;
  /** Names of the templates read. */
  readonly names: readonly string[];
}

/** The directory of the console's templates. */
export const TEMPLATES_DIR = fileURLToPath(new URL('./templates/', import.meta.url));

/** `null` and `undefined` print nothing; everything else as text, escaped. */
function escapeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return escapeHtml(`${value}`);
  return escapeHtml(JSON.stringify(value) ?? '');
}

/**
 * Read and compile every template of `dir` (at start: a missing or broken template stops the console from
 * starting rather than failing one page later). Whitespace is kept as written, except the newline that ends a file.
 */
export function loadViews(dir: string = TEMPLATES_DIR): Views {
  const eta = new Eta({ autoEscape: true, escapeFunction: escapeValue, autoTrim: false, cache: true, useWith: false, varName: 'it' });
  const names: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eta')).sort()) {
    const name = file.slice(0, -'.eta'.length);
    // Compiled here: a syntax error stops the start.
    eta.loadTemplate(`@${name}`, readFileSync(`${dir}/${file}`, 'utf8').replace(/\r?\n$/, ''));
    names.push(name);
  }
  return {
    names,
    render: (name, data) => eta.render(`@${name}`, data),
  };
}
