/**
 * The HTML part of a message, built from its plain text. Pure: no I/O.
 *
 * Reminders and announcements quote text taken from documents and chat (`<!channel>`, `Q1/20 <draft>`,
 * `AT&T`), so every character of it is escaped; nothing in the text can become markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and in quoted attributes.
 *
 * @example escapeHtml('<script>alert("x")</script>') // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** http(s) URLs in running text; a trailing full stop, comma or closing bracket belongs to the sentence. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** One line of text as HTML: escaped, with http(s) URLs turned into links. */
function lineToHtml(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_IN_TEXT)) {
    const url = m[0];
    out += escapeHtml(line.slice(last, m.index));
    out += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = m.index + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

/**
 * A complete HTML document for the plain text `text`: paragraphs at blank lines, `<br>` at single line breaks,
 * http(s) URLs as links, everything else escaped. `title` (the subject) goes into `<title>`, escaped too.
 *
 * @example textToHtml('Dear rapporteur,\n\nSee https://www.itu.int/md/T25-SG20.') // '…<p>Dear rapporteur,</p>\n<p>See <a href=…'
 */
export function textToHtml(text: string, title = ''): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim().length > 0)
    .map((p) => `<p>${p.split('\n').map(lineToHtml).join('<br>\n')}</p>`);
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title></head>',
    '<body>',
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
