/**
 * Compiles the MJML layout (layout.ts) into the HTML files the mailer reads at start (`compiled/<variant>.html`).
 * A development tool: `mjml` is a devDependency and is never loaded while the bot runs.
 *
 *   npx tsx src/mail/templates/build.ts          # write the compiled files
 *   npx tsx src/mail/templates/build.ts --check  # exit 1 when they are out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mjml2html from 'mjml';
import { LAYOUT_VARIANTS, layoutMjml, type LayoutVariant } from './layout.ts';

/** Where the compiled HTML of `variant` is kept. */
export function compiledPath(variant: LayoutVariant): string {
  return fileURLToPath(new URL(`./compiled/${variant}.html`, import.meta.url));
}

/** The HTML of `variant`, compiled now (strict validation: an MJML mistake is an error, not a warning). */
export async function compileLayout(variant: LayoutVariant): Promise<string> {
  const result = await mjml2html(layoutMjml(variant), { validationLevel: 'strict', keepComments: true });
  if (result.errors.length > 0) throw new Error(`MJML layout "${variant}": ${result.errors.map((e) => e.formattedMessage).join('; ')}`);
  return lean(result.html);
}

/**
 * `html` without the whitespace MJML lays its output out with, which only makes every message bigger: each line's
 * indentation and trailing spaces, blank lines, and the line breaks inside a tag spread over lines (`<div\n  class=…\n>`
 * becomes `<div class=…>`). A line break stays wherever one was between tags or text, so the page has whitespace in the
 * same places and renders the same (the layout has no preformatted text).
 */
export function lean(html: string): string {
  const lines = html
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return `${lines.replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/\s*\n\s*(?=>)/g, '').replace(/\s*\n\s*/g, ' ').replace(/^(<[a-zA-Z0-9]+) {2,}/, '$1 '))}\n`;
}

async function main(check: boolean): Promise<number> {
  let stale = 0;
  for (const variant of LAYOUT_VARIANTS) {
    const html = await compileLayout(variant);
    const path = compiledPath(variant);
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = null;
    }
    if (current === html) continue;
    stale++;
    if (check) console.error(`${path} is out of date: run npx tsx src/mail/templates/build.ts`);
    else writeFileSync(path, html);
  }
  if (!check) console.log(stale === 0 ? 'Mail templates are up to date.' : `Wrote ${stale} compiled mail template(s).`);
  return check && stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.includes('--check'));
}
