/**
 * ITU-T groups and their canonical names: `SG20`, `TSAG`, regional groups `SG12RG-AFR`; a working party
 * (`WP2/5`) belongs to its study group (`SG5`).
 */

/** Study-group numbers that have existed in ITU-T since 1993 (SG21 since 2025; SG9 and SG16 until 2024). */
const SG_NUMBERS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 19, 20, 21]);

/** Regional-group suffixes and the words documents use for the region. */
export const REGIONS: ReadonlyArray<{ code: string; words: RegExp }> = [
  { code: 'AFR', words: /\bafric/i },
  { code: 'ARB', words: /\barab/i },
  { code: 'LAC', words: /latin america(?:n)? and (?:the )?caribbean/i },
  { code: 'LATAM', words: /\blatin america/i },
  { code: 'EECAT', words: /eastern europe|transcaucasia|central asia/i },
  { code: 'AO', words: /asia and oceania/i },
  { code: 'AP', words: /asia[- ](?:and the )?pacific/i },
];
const REGION_CODES = new Set(REGIONS.map((r) => r.code));

/**
 * A group's rapporteur group as people name it, "TSAG RG-WPR", "SG17 RG-SM": no regional group (SG12RG-AFR) and no
 * group of its own, so a meeting of it is looked for by its name. `null` when `text` names none.
 */
export function rapporteurGroupIn(text: string): string | null {
  const m = /\b(?:TSAG|SG\s?\d{1,2})\s+RG[- ]([A-Z][A-Za-z]{1,10})\b/i.exec(text);
  return m?.[1] && !REGION_CODES.has(m[1].toUpperCase()) ? m[0] : null;
}

/** Study groups of the current study period (2025-2028). */
export const CURRENT_STUDY_GROUPS: readonly string[] = ['SG2', 'SG3', 'SG5', 'SG11', 'SG12', 'SG13', 'SG15', 'SG17', 'SG20', 'SG21'];

/** An addressee that names every ITU-T group at once: "All ITU-T groups (SGs, FGs, JCAs, etc.)", "all study groups". */
export const ALL_GROUPS_PARTY = /^\s*(?:to\s+)?all\s+(?:(?:of\s+)?the\s+)?(?:ITU-T\s+)?(?:study\s+groups|SGs|groups)\b/i;

/**
 * The study groups and TSAG that existed on `isoDate` (the date of a document addressed to all ITU-T groups):
 * SG9 and SG16 until 2024, SG20 from June 2015, SG21 from 2025. Today's groups when the date is unknown.
 */
export function groupsOn(isoDate: string | null): string[] {
  if (!isoDate || isoDate >= '2025') return [...CURRENT_STUDY_GROUPS, 'TSAG'];
  const period = ['SG2', 'SG3', 'SG5', 'SG9', 'SG11', 'SG12', 'SG13', 'SG15', 'SG16', 'SG17'];
  if (isoDate >= '2015-06') period.push('SG20');
  return [...period, 'TSAG'];
}

/**
 * The last days of the World Telecommunication Standardization Assemblies that opened each study period (WTSA-2000 to
 * WTSA-24): documents are numbered afresh in each period (TSB Collective letter 3/13, SG15-LS103, TD 12).
 */
const PERIOD_STARTS = ['2000-10-06', '2004-10-14', '2008-10-30', '2012-11-29', '2016-11-03', '2022-03-09', '2024-10-24'];

/** The study period `isoDate` falls in, named by the year its assembly ended ("2016" for 2017-2020); `null` undated. */
export function studyPeriodOf(isoDate: string | null): string | null {
  if (!isoDate) return null;
  let period = 'before-2000';
  for (const start of PERIOD_STARTS) if (isoDate > start) period = start.slice(0, 4);
  return period;
}

/** Every study group {@link canonicalGroup} accepts, `SG1` to `SG21`, in number order. */
export function acceptedStudyGroups(): string[] {
  return [...SG_NUMBERS].sort((a, b) => a - b).map((n) => `SG${n}`);
}

/** `true` for a study-group number that exists or existed. */
export function isStudyGroupNumber(n: number): boolean {
  return SG_NUMBERS.has(n);
}

/**
 * Canonical name of a group written by a person or a document, or `null` when it is not a group.
 *
 * @example canonicalGroup('Study Group 20') === 'SG20'
 * @example canonicalGroup('sg12rg-afr') === 'SG12RG-AFR'
 * @example canonicalGroup('WP2/5') === 'SG5'
 * @example canonicalGroup('SG99') === null
 */
export function canonicalGroup(input: string): string | null {
  const s = input.trim().replace(/^ITU-T[\s-]+/i, '').replace(/\s+/g, ' ');
  if (/^(?:TSAG|Telecommunication Standardi[sz]ation Advisory Group)$/i.test(s)) return 'TSAG';
  let m = /^(?:SG|Study Group|Study Groups|COM|CE)[\s-]?0?(\d{1,2})(?:\s?RG[- ]?([A-Z]{2,5}))?$/i.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (!isStudyGroupNumber(n)) return null;
    if (m[2]) {
      const region = m[2].toUpperCase();
      return REGION_CODES.has(region) ? `SG${n}RG-${region}` : null;
    }
    return `SG${n}`;
  }
  m = /^(?:WP|Working Party)\s?\d{1,2}\s?\/\s?(\d{1,2}|TSAG)$/i.exec(s);
  if (m?.[1]) return m[1].toUpperCase() === 'TSAG' ? 'TSAG' : canonicalGroup(`SG${m[1]}`);
  m = /^Q(?:uestion)?\s?\d{1,2}\s?\/\s?(\d{1,2})$/i.exec(s);
  if (m?.[1]) return canonicalGroup(`SG${m[1]}`);
  return null;
}

/**
 * Canonical Question id (`Q11/20`) from `11/20`, `Q 11/20`, `Question 11/20`; `null` otherwise.
 */
export function canonicalQuestion(input: string): string | null {
  const m = /^(?:Q|Question)?\s?(\d{1,2})\s?\/\s?(\d{1,2})$/i.exec(input.trim());
  if (!m) return null;
  const sg = Number(m[2]);
  return isStudyGroupNumber(sg) ? `Q${Number(m[1])}/${sg}` : null;
}

// "Qs 2, 4/11", "Questions 2 and 4/11", "Questions 2/13 and 4/13", "Q6/17", "Question 6/17", "Q.12/16" (the older dotted
// form), "Q12-14/16", "Questions 1 to 3/5": a list of Questions, each number taking the group written after it.
export const QUESTION_LIST = /\b(?:Questions?|Qs?)\.?\s*(?:\d{1,2}(?:\s*\/\s*\d{1,2})?\s*(?:,|&|and|-|–|to)\s*){0,12}\d{1,2}\s*\/\s*\d{1,2}\b/gi;

/** Most Questions a range names: "Q1-99/16" is no range of Questions. */
const MAX_RANGE = 20;

/**
 * Questions named in `value`, canonical and in order: "Qs 2, 4/11" → Q2/11, Q4/11; "Q.12-14/16" → Q12/16, Q13/16,
 * Q14/16.
 */
export function questionsNamed(value: string): string[] {
  const out: string[] = [];
  const add = (n: number, sg: string) => {
    const id = canonicalQuestion(`${n}/${sg}`);
    if (id && !out.includes(id)) out.push(id);
  };
  for (const m of value.matchAll(QUESTION_LIST)) {
    let pending: Array<{ n: number; toNext: boolean }> = [];
    // "Questions 1/5 to 5/5": a range whose both ends name the group.
    const range: { from: { n: number; sg: string } | null } = { from: null };
    for (const item of m[0].matchAll(/(\d{1,2})(?:\s*\/\s*(\d{1,2}))?(\s*(?:-|–|to)\s*)?/g)) {
      const n = Number(item[1]);
      const sg = item[2];
      if (!sg) {
        pending.push({ n, toNext: Boolean(item[3]) });
        continue;
      }
      const numbers = [...pending.map((p) => p.n), n];
      pending.forEach((p, i) => {
        const next = numbers[i + 1] ?? p.n;
        if (p.toNext && next > p.n && next - p.n <= MAX_RANGE) for (let k = p.n; k < next; k++) add(k, sg);
        else add(p.n, sg);
      });
      const from = range.from;
      if (from && from.sg === sg && pending.length === 0 && n > from.n && n - from.n <= MAX_RANGE) for (let k = from.n + 1; k < n; k++) add(k, sg);
      add(n, sg);
      range.from = item[3] ? { n, sg } : null;
      pending = [];
    }
  }
  return out;
}

/**
 * `text` with each list of Questions written as its first Question: "when is the q12-14/16 rapporteur meeting" → "when
 * is the Q12/16 rapporteur meeting" (a joint meeting is filed under each of its Questions); "Q.12/16" → "Q12/16".
 */
export function withQuestionLists(text: string): string {
  return text.replace(QUESTION_LIST, (m: string) => (/^Q(?:uestion)?\s?\d{1,2}\s?\/\s?\d{1,2}$/i.test(m) ? m : (questionsNamed(m)[0] ?? m)));
}

/** The study group a Question belongs to: `Q11/20` → `SG20`. */
export function groupOfQuestion(question: string): string | null {
  const m = /^Q\d+\/(\d+)$/.exec(question);
  return m ? `SG${m[1]}` : null;
}

/** The parent study group of a regional group (`SG12RG-AFR` → `SG12`), or the group itself. */
export function parentGroup(group: string): string {
  return group.replace(/RG-[A-Z]+$/, '');
}

/**
 * A group, working party or Question as people write it in a sentence: `SG20`, `SG 20`, `sg20`, `study group 20`,
 * `ITU-T SG20`, `COM 20`, `TSAG`, `SG12RG-AFR`, `WP1/20`, `Working Party 1/20`, `Q4/20`, `Question 4/20`. Matches the
 * spelling, whether or not the group exists (`SG99` is found, and {@link canonicalGroup} then says it is none).
 */
export const GROUP_MENTION =
  /(?<![\w/])(?:ITU-T[\s-]+)?(?:(?:study\s+groups?|SG|COM)[\s-]?0?\d{1,3}(?:\s?RG[- ]?[A-Z]{2,5}\b)?|TSAG|(?:WP|working\s+party)\s?\d{1,2}\s?\/\s?(?:\d{1,3}|TSAG)|Q(?:uestion)?\s?\d{1,2}\s?\/\s?\d{1,3})(?![\w/])/gi;

/** A working party as written (`wp 1/20`, `Working Party 1/20`) in canonical form (`WP1/20`), or `null`. */
export function canonicalWorkingParty(input: string): string | null {
  const m = /^(?:ITU-T\s+)?(?:WP|Working\s+Party)\s?(\d{1,2})\s?\/\s?(\d{1,2}|TSAG)$/i.exec(input.trim());
  if (!m?.[1] || !m[2]) return null;
  const group = canonicalGroup(m[2].toUpperCase() === 'TSAG' ? 'TSAG' : `SG${m[2]}`);
  return group ? `WP${Number(m[1])}/${group === 'TSAG' ? 'TSAG' : group.slice(2)}` : null;
}

/** Sort groups SG2 < SG13 < SG20 < TSAG. */
export function byGroup(a: string, b: string): number {
  const na = Number(/^SG(\d+)/.exec(a)?.[1] ?? 999);
  const nb = Number(/^SG(\d+)/.exec(b)?.[1] ?? 999);
  return na - nb || a.localeCompare(b);
}

/** A regional group in words: "the SG13 Arab regional group", "study group 3 regional group for Africa". */
const REGION_WORD_CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^arab/i, 'ARB'],
  [/^afric/i, 'AFR'],
  [/^asia/i, 'AO'],
  [/^latin/i, 'LATAM'],
];
const REGION = String.raw`(arab|africa|african|asia[- ]oceania|asia[- ]pacific|latin american?)`;
const GROUP_WORDS = String.raw`(SG\s?\d{1,2}|study\s+group\s+\d{1,2})`;
// ("the sg3 africa group": a study group's group named by its region is its regional group.)
const REGIONAL_GROUP = new RegExp(String.raw`\b${GROUP_WORDS}(?:['’]s)?\s+(?:the\s+)?${REGION}\s+(?:regional\s+)?group\b`, 'gi');
const REGIONAL_GROUP_OF = new RegExp(String.raw`\b(?:the\s+)?${REGION}\s+regional\s+group\s+(?:of|for)\s+(?:ITU-T\s+)?${GROUP_WORDS}`, 'gi');
// "sg3 regional group for africa", "SG13 regional group for the Arab region"
const GROUP_REGIONAL_FOR = new RegExp(String.raw`\b${GROUP_WORDS}(?:['’]s)?\s+regional\s+group\s+(?:of|for|in)\s+(?:the\s+)?${REGION}(?:\s+region)?\b`, 'gi');

/** "SG13RG-ARB" for the study group and region words of a regional group. */
function regionalGroup(group: string, region: string): string {
  return `${group.replace(/^study\s+group\s*/i, 'SG').replace(/\s+/g, '').toUpperCase()}RG-${REGION_WORD_CODES.find(([re]) => re.test(region))?.[1] ?? ''}`;
}

/**
 * `text` with its regional groups in words written as their names: "the SG13 Arab regional group" → "the SG13RG-ARB",
 * "study group 3 regional group for Africa" → "SG3RG-AFR".
 */
// "the africa regional group", "the regional group for the Arab region": a regional group of no study group named.
const BARE_REGIONAL = new RegExp(String.raw`(?<!(?:SG\s?\d{1,2}|study\s+group\s+\d{1,2})(?:['’]s)?\s+(?:the\s+)?)\b(?:the\s+)?(?:${REGION}\s+regional\s+group|regional\s+group\s+(?:of|for|in)\s+(?:the\s+)?${REGION}(?:\s+region)?)\b(?!\s+(?:of|for)\s+(?:ITU-T\s+)?(?:SG|study\s+group))`, 'i');

/**
 * `text` with a regional group named without its study group ("I meant for the africa regional group") made that
 * of `studyGroup` (`SG12RG-AFR`); `null` when it names none.
 */
export function regionalGroupOf(text: string, studyGroup: string): string | null {
  const m = BARE_REGIONAL.exec(text);
  const region = m?.[1] ?? m?.[2];
  if (!m || !region || !/^SG\d{1,2}$/.test(studyGroup)) return null;
  return `${text.slice(0, m.index)}${regionalGroup(studyGroup, region)}${text.slice(m.index + m[0].length)}`;
}

export function withRegionalGroups(text: string): string {
  return text
    .replace(REGIONAL_GROUP, (_, group: string, region: string) => regionalGroup(group, region))
    .replace(REGIONAL_GROUP_OF, (_, region: string, group: string) => regionalGroup(group, region))
    .replace(GROUP_REGIONAL_FOR, (_, group: string, region: string) => regionalGroup(group, region));
}
