/**
 * The words people use for a kind of deadline ("fellowship requests", "pre-registration", "TAP consultation"), and the
 * kinds they mean: read by the `deadlines` command and by the router's follow-ups ("and captioning?").
 */
import type { DeadlineCategory } from './types.ts';

/** Words that ask about one kind of deadline, and the kinds they mean. */
const CATEGORY_WORDS: ReadonlyArray<[RegExp, DeadlineCategory[]]> = [
  [/\b(?:contributions?|documents?)\b(?:\s+(?:needing|requiring|for)\s+translation)?/gi, ['contributions', 'translated-contributions']],
  [/\btranslat(?:ion|ed|e)\b/gi, ['translated-contributions']],
  [/\b(?:pre-?)?regist(?:ration|ering|er)\b/gi, ['registration']],
  [/\bvisas?(?:\s+(?:support|letters?|requests?))*\b/gi, ['visa']],
  [/\b(?:fellowships?|bursar(?:y|ies))(?:\s+(?:requests?|applications?|forms?))?\b/gi, ['fellowship']],
  [/\bcaptioning(?:\s+requests?)?\b/gi, ['captioning']],
  [/\binterpretation(?:\s+requests?)?\b/gi, ['interpretation']],
  [/\b(?:consultations?|TAP|AAP|objections?|object(?:ing)?(?=\s+to\b|\s*[?!.]*$)|opposition)\b/gi, ['consultation-reply']],
  // "which recommendations did SG11 propose to delete": a deletion is consulted on.
  [/\b(?:propos(?:e|ed|ing|als?)\s+(?:to\s+|for\s+)?)?(?:delet(?:e|ed|ion)|suppress(?:ed|ion)?)\b/gi, ['consultation-reply']],
  [/\b(?:liaison\s+)?repl(?:y|ies)\b/gi, ['liaison-reply']],
];

/** The kinds of deadline `text` asks about, and the text without their words. */
export function splitCategories(text: string): { categories: DeadlineCategory[] | null; rest: string } {
  const found = new Set<DeadlineCategory>();
  let rest = text;
  for (const [re, cats] of CATEGORY_WORDS) {
    if (rest.search(re) < 0) continue;
    // Contributions "needing translation" are one kind: the words for translation alone do not add to it.
    if (!(cats[0] === 'translated-contributions' && found.has('translated-contributions'))) for (const c of cats) found.add(c);
    rest = rest.replace(re, ' ');
  }
  if (found.has('translated-contributions') && !found.has('contributions') && /\bcontributions?\b/i.test(text)) found.add('contributions');
  // "reply to the TAP consultation": the reply is the consultation's, not a liaison's.
  if (found.has('consultation-reply') && found.has('liaison-reply') && !/\b(?:liaisons?|LSs?)\b/i.test(text)) found.delete('liaison-reply');
  return { categories: found.size > 0 ? [...found] : null, rest };
}

/**
 * Whether `text` names kinds of deadline and nothing else ("captioning", "visa support letters").
 *
 * @example namesOnlyDeadlineKinds('fellowship requests') === true
 * @example namesOnlyDeadlineKinds('the venue') === false
 */
export function namesOnlyDeadlineKinds(text: string): boolean {
  const { categories, rest } = splitCategories(text);
  return categories !== null && rest.trim() === '';
}

/**
 * Whether a deadline is asked to still apply: "does the 3 March deadline still apply", "so it doesn't apply anymore?",
 * "is it still valid".
 */
export const STILL_APPLIES_ASKED = /\b(?:still\s+(?:apply|applies|valid|holds?|stands?|in\s+force|counts?)|(?:doesn['’]?t|does\s+not|don['’]?t|do\s+not|no\s+longer)\s+(?:apply|hold|count)|apply\s+any\s*more)\b/i;
