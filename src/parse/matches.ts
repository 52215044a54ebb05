/**
 * `allMatches`: the matches of a global pattern, as `String.prototype.matchAll` gives them. `matchAll` copies the
 * pattern on every call (about a microsecond), which the parser's small, frequent searches (group names in a subject,
 * weekdays in a date snippet) would pay thousands of times per document batch.
 */

/**
 * Every match of the global pattern `re` in `text`, in order, as an array. The pattern's `lastIndex` is reset before
 * and after, so a shared module-level pattern can be used; the matches are all collected before the caller sees one,
 * so the caller may use the same pattern again while going through them.
 *
 * @example allMatches(/\d+/g, 'Q3/20').map((m) => m[0])  // ['3', '20']
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global pattern: ${String(re)}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over it as matchAll does.
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
