/**
 * Deadline categories from the words of an action ("Submit requests for visa support letters" → `visa`). The order
 * of the rules matters: a visa request "via the online registration form" is about the visa, not registration.
 */
import type { DeadlineCategory } from '../core/types.ts';

const RULES: ReadonlyArray<[DeadlineCategory, RegExp]> = [
  ['captioning', /\bcaption/i],
  ['interpretation', /\binterpretation\b/i],
  ['visa', /\bvisa\b/i],
  ['fellowship', /\bfellowship/i],
  ['translated-contributions', /\btranslat/i],
  ['liaison-reply', /\b(?:liaison|LS)\b.*\b(?:repl|respon|answer|comment)|\b(?:repl|respon)\w*\b.*\b(?:liaison|LS)\b/i],
  ['consultation-reply', /\bconsultation|\b(?:TAP|AAP)\b|\bquestionnaire|\bsurvey\b|\breplies\b|\breply\b.*\bcircular|\bform in Annex|\bform\b.*\bcircular|\breturn the form|\bvote\b|\bvoting\b|\bobjection/i],
  ['contributions', /\bcontribution|\bcomments? on the draft|\binputs? to\b|\bproposals?\b.*\bsubmi|\bdocuments? posting/i],
  ['registration', /\bregist/i],
];

/**
 * Category of a deadline from the text of its action.
 *
 * @example categorize('Submit ITU-T Member contributions for which translation is requested') === 'translated-contributions'
 * @example categorize('Pre-registration (via the online registration form)') === 'registration'
 */
export function categorize(action: string): DeadlineCategory {
  for (const [category, re] of RULES) if (re.test(action)) return category;
  return 'other';
}
