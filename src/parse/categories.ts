/**
 * Deadline categories from the words of an action ("Submit requests for visa support letters" → `visa`). The order
 * of the rules matters: a visa request "via the online registration form" is about the visa, not registration.
 *
 * Rules are strong (the word names the service: visa, fellowship, captioning…) or weak (words that often come
 * along with another subject: "the form in Annex 2" of a fellowship request, "registration" of a visa request).
 * A strong category from a paragraph heading beats a weak one from the sentence.
 */
import type { DeadlineCategory } from '../core/types.ts';

const RULES: ReadonlyArray<[DeadlineCategory, RegExp, boolean]> = [
  ['captioning', /\bcaption/i, true],
  ['interpretation', /\binterpret(?:ation|ing)\b/i, true],
  ['visa', /\bvisas?(?:\b|(?=support))/i, true],
  ['translated-contributions', /\btranslat/i, true],
  // "Remember to submit your written contribution by 10 February and mention it when you return the form": the
  // contribution is what is due, the form only mentioned.
  ['contributions', /\bsubmi\w*\s+(?:your\s+|a\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,2}contributions?\b/i, true],
  ['fellowship', /\bfellowships?\b|\bbursar(?:y|ies)\b/i, true],
  ['liaison-reply', /\b(?:liaison|LS)\b.*\b(?:repl|respon|answer|comment)|\b(?:repl|respon)\w*\b.*\b(?:liaison|LS)\b/i, true],
  ['consultation-reply', /\bconsultation|\b(?:TAP|AAP)\b|\bquestionnaire|\bsurvey\b|\bvote\b|\bvoting\b|\bobjection/i, true],
  ['consultation-reply', /\breplies\b|\breply\b.*\bcircular|\bform in Annex|\bform\b.*\bcircular|\breturn the form/i, false],
  ['contributions', /\bcontribution|\btdocs?\b|\bcomments? on the draft|\binputs? to\b|\bproposals?\b[^\n]{0,200}?\bsubmi|\bdocuments? posting|\b(?:registration|distribution|submission) of (?:the |a |your )?(?:documents?|papers?|input documents?)\b/i, false],
  ['registration', /\bregist/i, false],
];

/** A category and whether a word naming it outright decided it. */
export interface CategoryHit {
  category: DeadlineCategory;
  strong: boolean;
}

/** Category of a deadline from the text of its action, with the strength of the rule that decided it. */
export function categorizeHit(action: string): CategoryHit {
  // A service the action says it is without ("Pre-registration without fellowship requests") names no category.
  const said = action.replace(/\b(?:without|other than|except(?: for)?|excluding|not including)\s+(?:an?\s+|any\s+)?[\w-]+(?:\s+(?:requests?|applications?|support))?/gi, ' ');
  for (const [category, re, strong] of RULES) if (re.test(said)) return { category, strong };
  return { category: 'other', strong: false };
}

/**
 * Category of a deadline from the text of its action.
 *
 * @example categorize('Submit ITU-T Member contributions for which translation is requested') === 'translated-contributions'
 * @example categorize('Pre-registration (via the online registration form)') === 'registration'
 */
export function categorize(action: string): DeadlineCategory {
  return categorizeHit(action).category;
}
