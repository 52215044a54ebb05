/**
 * Text taken from documents, made inert for Adaptive Card markdown in Teams. TextBlocks render a subset of
 * markdown (`**bold**`, `_italic_`, `[label](url)`, lists, headings); Teams mentions need `<at>…</at>` plus an
 * entity. A liaison titled `<at>sgbot</at> [click](http://evil) **urgent**` must show exactly that text: no mention,
 * no disguised link, no formatting.
 */

/** Characters that start markdown constructs anywhere in a line: emphasis, code, links, autolinks and HTML. */
const INLINE = /[\\`*_~[\]<>]/g;

/**
 * Escape `text` for an Adaptive Card TextBlock with CommonMark backslash escapes: `\ ` * _ ~ [ ] < >` everywhere,
 * `&` where it would start an entity (`&lt;`), and at the start of a line what would make a heading, a list item,
 * a quote or a setext underline (`#`, `-`, `+`, `=`, `1.`). Apply it exactly once, to text from documents or users,
 * never to markup the bot builds itself.
 *
 * @example escapeTeams('<at>sgbot</at> **now**') === '\\<at\\>sgbot\\</at\\> \\*\\*now\\*\\*'
 * @example escapeTeams('Q.3645 (ex Q.EC-IMS), 12 May') === 'Q.3645 (ex Q.EC-IMS), 12 May'
 */
export function escapeTeams(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d{1,9})([.)])/gm, '$1\\$2');
}

/**
 * {@link escapeTeams} of `text`, shortened (with `…`) so that the escaped result has at most `max` characters; an
 * escape or a surrogate pair is never cut in half.
 *
 * @example escapeTeamsWithin('a*b*c*d', 6) === 'a\\*b…'
 */
export function escapeTeamsWithin(text: string, max: number): string {
  const full = escapeTeams(text);
  if (full.length <= max) return full;
  let cut = full.slice(0, Math.max(0, max - 1));
  // A trailing backslash that lost the character it escapes would escape the ellipsis instead.
  const slashes = /\\*$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
