/**
 * Recommendations ("ITU-T Y.4241 (ex Y.dt-SComCam)"), Questions ("Q11/20" with its title) and e-mail addresses
 * (mailing lists `t22sg20q1@lists.itu.int`, secretariat `tsbsg20@itu.int`) named in a document.
 */
import { canonicalGroup, canonicalQuestion, QUESTION_LIST, questionsNamed } from '../core/groups.ts';
import type { AddressRef, QuestionRef, RecommendationRef } from '../core/types.ts';
import { squash } from './normalize.ts';

const SERIES = 'A-Z';
const REC = new RegExp(
  String.raw`(?<![\w./-])(?:(ITU-T|Recommendations?|Rec\.)\s+(?:Recommendations?\s+)?(?:ITU-T\s+)?)?` +
    String.raw`([${SERIES}]\.(?:\d{1,4}(?:\.\d{1,3})*(?:\/[A-Z]\.\d{1,4})?|[a-z][\w-]*(?:\.[\w-]+)*))` +
    String.raw`(?:\s*\((?:ex\.?|formerly|previously)\s+([${SERIES}]\.[\w.-]+)\))?`,
  'g',
);
const NOT_REC_BEFORE = /(?:Annex|Appendix|Table|Figure|Clause|Section|Part|Item|§|Supplement to|No|Res|Resolution)\s*$/i;

/**
 * Recommendations named in the text, final numbers with their provisional names when given (`ex`), and a title
 * when the text quotes one or lists it after the number (agenda rows).
 *
 * @example findRecommendations('ITU-T Y.4241 (ex Y.dt-SComCam) Common requirements of digital twin')
 *   // [{ id: 'Y.4241', ex: 'Y.dt-SComCam', title: 'Common requirements of digital twin' }]
 */
export function findRecommendations(text: string): RecommendationRef[] {
  const byId = new Map<string, RecommendationRef>();
  let listEnd = -1;
  for (const m of text.matchAll(REC)) {
    const id = m[2] ?? '';
    // The rest of a list the prefix governs: "Recommendations ITU-T A.1, A.7 and A.8", "ITU-T D.50 and D.261".
    const inList = listEnd >= 0 && /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+|\s*&\s*)(?:ITU-T\s+)?$/.test(text.slice(listEnd, m.index));
    const prefixed = Boolean(m[1]) || inList;
    const provisional = /^[A-Z]\.[a-z]/.test(id);
    // Unprefixed: only Y./G./H./X./E./Q./L./K./M./P./F. series with a number ("Y.4903"), never "A.5 qualifications" noise.
    if (!prefixed && (provisional || !/^[EFGHIJKLMPQTVXYZ]\.\d{2,4}/.test(id))) continue;
    if (provisional && !/[A-Z-]/.test(id.slice(2))) continue;
    if (NOT_REC_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    // "Q.14/12" is Question 14 of Study Group 12 written with a dot, not Recommendation Q.14.
    // ("Q.12-14/16", "Q.12, 13/16": Questions 12 to 14 of Study Group 16.)
    if (id.startsWith('Q.') && /^(?:\s*(?:-|–|,|and|to)\s*\d{1,2}){0,6}\s?\/\s?\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    listEnd = m.index + m[0].length;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 250);
    const quoted = /^\s*[:,-]?\s*"([^"\n]{5,200})"/.exec(after)?.[1] ?? null;
    // A table row: the title is the cell after the number, not the editors' cell after it ("Y.4245 (ex Y.DA-ref)\tReference
    // architecture …\tC. Okafor, H. Zhang").
    const listed = /^[ \t]+([A-Z][^\n"\t]{10,200}?)[ \t]*(?:\t|\s{3,}|$)/.exec(after.split('\n')[0] ?? '')?.[1] ?? null;
    // A list item: "ITU-T Y.3188 (ex Y.IMT2020-QoS-fw): Quality of service assurance framework …, under Question 6/13;".
    // Only in a list (the line starts with a bullet) or after a provisional name; never a sentence ("Y.4486: The text
    // was approved …", "G.9806.1: Consented at …").
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const listItem = /^[ \t]*(?:[-–•*·]|\(?[a-z0-9]{1,2}[.)])[ \t]+/i.test(text.slice(lineStart, m.index + 1)) || Boolean(m[3]);
    const colonText = listItem ? (/^[ \t]*:[ \t]+([A-Z][^\n:;"]{10,200}?)[ \t]*(?:,[ \t]+(?:under|in|of)[ \t]+Questions?\b|;|\.(?:\s|$)|$)/m.exec(after.split('\n')[0] ?? '')?.[1] ?? null) : null;
    const colon = colonText && !/^(?:The|This|These|That|It|See|Consented|Approved|Determined|Agreed|Adopted|Deleted|Published|Withdrawn|Under|Refer|Note)\b/.test(colonText) ? colonText : null;
    // A title has words; a status cell ("Consented", "AAP") is none.
    const title = quoted ?? (colon && colon.trim().split(/\s+/).length >= 3 ? colon : null) ?? (listed && !/^(?:and|or|is|are|was|were|which|ITU-T)\b/.test(listed) && listed.trim().split(/\s+/).length >= 3 ? listed : null);
    const existing = byId.get(id);
    const ex = m[3] ?? null;
    if (existing) {
      existing.ex ??= ex;
      existing.title ??= title ? squash(title) : null;
    } else {
      byId.set(id, { id, ex, title: title ? squash(title).replace(/[.,;]+$/, '') : null });
    }
  }
  // A provisional name recorded as `ex` of a final number is not a Recommendation of its own.
  const exNames = new Set([...byId.values()].map((r) => r.ex).filter(Boolean));
  return [...byId.values()].filter((r) => !exNames.has(r.id));
}

const QUESTION = /\b(?:Q|Question)\s?(\d{1,2})\s?\/\s?(\d{1,2})\b(?:\s*[:-]\s*|\s+)?("([^"\n]{5,200})"|(?<=:\s*)([A-Z][^\n]{5,200}))?/g;

/**
 * Questions named in the text (`Q11/20`, "Question 4/17"), with a title when quoted or given after a colon.
 */
export function findQuestions(text: string): QuestionRef[] {
  const byId = new Map<string, QuestionRef>();
  for (const m of text.matchAll(QUESTION)) {
    const id = canonicalQuestion(`${m[1]}/${m[2]}`);
    if (!id) continue;
    const raw = m[4] ?? m[5] ?? null;
    const title = raw ? squash(raw).replace(/[.,;]+$/, '') : null;
    const existing = byId.get(id);
    if (existing) existing.title ??= title;
    else byId.set(id, { id, title });
  }
  // A header field lists them without the "Q": "Question(s):  17/13", "Questions: 2/11, 15/11".
  for (const m of text.matchAll(/(?:^|\n|\t)[ \t]*Questions?(?:\(s\))?[ \t]*:[ \t]*((?:Q?\d{1,2}\s?\/\s?\d{1,2}(?:\s*(?:,|;|and|&)\s*)?)+)/gi)) {
    for (const q of (m[1] ?? '').matchAll(/(\d{1,2})\s?\/\s?(\d{1,2})/g)) {
      const id = canonicalQuestion(`${q[1]}/${q[2]}`);
      if (id && !byId.has(id)) byId.set(id, { id, title: null });
    }
  }
  // "Q.12/16", "Q12-14/16", "Qs 2, 4/11", "Questions 2/11 and 15/11", "Questions 1/5 to 5/5": the dotted form and
  // lists of Questions.
  for (const id of questionsNamed(text.slice(0, 100_000))) if (!byId.has(id)) byId.set(id, { id, title: null });
  return [...byId.values()];
}

// "Dear Q12-14/16 experts", "To Experts of ITU-T SG16 Q.12/16, Q.13/16 and Q.14/16", "To: Q6/17 rapporteur group".
const ADDRESSED = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:Dear\s+(?:all\s+)?(?<dear>${QUESTION_LIST.source})\s+(?:experts|participants|colleagues|delegates|members|rapporteurs?)|To:?\s+(?:the\s+)?(?:experts|participants|members)\s+(?:of|in)\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}\s+)?(?<to>${QUESTION_LIST.source}(?:\s*(?:,|and|&)\s*${QUESTION_LIST.source}){0,8}))`,
  'i',
);

/** The Questions whose experts a mail or notice is written to, in its first lines; `[]` for any other. */
export function addressedQuestions(text: string): string[] {
  const m = ADDRESSED.exec(text.slice(0, 3000));
  return m?.groups ? questionsNamed(m.groups['dear'] ?? m.groups['to'] ?? '') : [];
}

// Starts only where a run of address characters starts: a long run without "@" is then read once, not once per character.
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/iy;
const LOCAL_PART_CHAR = /[\w.+-]/;

/**
 * The addresses of `text` in order, as `text.matchAll` of the pattern would give them. Every address holds one "@" and
 * starts where the run of address characters before it starts: the pattern is tried there only, not at every letter.
 */
function emailsIn(text: string): string[] {
  const out: string[] = [];
  let end = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_PART_CHAR.test(text.charAt(start - 1))) start--;
    if (start < end) continue;
    EMAIL.lastIndex = start;
    const m = EMAIL.exec(text);
    if (!m) continue;
    out.push(m[0]);
    end = start + m[0].length;
  }
  return out;
}

/**
 * Classify one address: ITU mailing lists (`t22sg20q1@lists.itu.int` → SG20, Q1/20; `tsg20rgafr@lists.itu.int` →
 * SG20RG-AFR) and TSB secretariat addresses (`tsbsg20@itu.int` → SG20, `tsbtsag@itu.int` → TSAG).
 */
export function classifyAddress(address: string): AddressRef {
  const a = address.toLowerCase();
  const [local = '', domain = ''] = a.split('@');
  const list = /^t(?:\d{2})?(?:sg(\d{1,2})|(tsag))(?:q(\d{1,2})|rg([a-z]{2,5})|wp\d|all|gen|plen)?$/.exec(local);
  if (domain === 'lists.itu.int' && list) {
    const group = list[2] ? 'TSAG' : list[4] ? canonicalGroup(`SG${list[1]}RG-${list[4]}`) : canonicalGroup(`SG${list[1]}`);
    const question = list[3] && list[1] ? canonicalQuestion(`${list[3]}/${list[1]}`) : null;
    return { address: a, kind: 'list', group, question };
  }
  if (domain === 'lists.itu.int') return { address: a, kind: 'list', group: null, question: null };
  const sec = /^tsb(?:sg(\d{1,2})|(tsag))(?:rg[a-z]+)?$/.exec(local);
  if (domain === 'itu.int' && sec) {
    return { address: a, kind: 'secretariat', group: sec[2] ? 'TSAG' : canonicalGroup(`SG${sec[1]}`), question: null };
  }
  return { address: a, kind: 'other', group: null, question: null };
}

/** Every distinct e-mail address in the text, classified. */
export function findAddresses(text: string): AddressRef[] {
  const seen = new Set<string>();
  const out: AddressRef[] = [];
  for (const email of emailsIn(text)) {
    // A flattened letter runs its fax number and the next word into the address: "+41 22 730 5853tsbsg12@itu.intTo
    // Administrations …" is tsbsg12@itu.int.
    const a = email
      .replace(/(\.[a-z]{2,})[A-Z][A-Za-z]*$/, '$1')
      .replace(/^\d+(?=(?:tsb|t\d{2}sg|tsg)[a-z\d]*@(?:lists\.)?itu\.int$)/i, '')
      .toLowerCase()
      .replace(/\.$/, '');
    if (seen.has(a)) continue;
    seen.add(a);
    out.push(classifyAddress(a));
  }
  return out;
}
