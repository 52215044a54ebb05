/**
 * Liaison-statement fields: source, addressees with their purpose and Questions, reply deadline, contacts, and the
 * statements it answers, in the layouts liaison statements reach a study group in:
 * - the ITU-T template ("For action to:", "For comment to:", "For information to:", "Deadline:", "Contact:" blocks),
 *   and its older form ("From:", "To:", "Cc:", "For: Action", "Deadline for reply:");
 * - IETF Datatracker notifications and page copies ("From: … (ITU-T-SG-15)", "From Group:", "Purpose: For action",
 *   "Please reply by", "Deadline: 2016-06-01 Action Taken", "In response to");
 * - 3GPP/ETSI ("Response to:", "To:", "Cc:", "2. Actions: To ITU-T SG2 … ACTION: …");
 * - ISO/IEC JTC 1 and other bodies ("Document type: Liaison Organization Contribution", "Purpose: For action");
 * and, when no header survived, what the abstract says ("the response of ITU-T Study Group 20 to TSAG").
 */
import { canonicalGroup, canonicalQuestion, groupOfQuestion, parentGroup, QUESTION_LIST, questionsNamed } from '../core/groups.ts';
import type { Addressee, AddresseePurpose, Contact, LiaisonInfo, LiaisonPurpose } from '../core/types.ts';
import { findDates } from './dates.ts';
import { fieldValue, isLabelLine } from './fields.ts';
import { isDatatracker, isFlatMemo, plainHeader } from './layout.ts';
import { findGroups } from './groups.ts';
import { MONTH_PATTERN, squash } from './normalize.ts';
import { findQuestions } from './refs.ts';

/**
 * ITU-T group names as other bodies write them, in the form the rest of the parser reads: "ITU-T-SG-15" and
 * "ITU-T SG 15" (Datatracker) become "ITU-T SG15".
 */
export function normalizeGroupSpelling(text: string): string {
  return text
    .replace(/\bITU[- ]?T[- ]+SG[- ]?(\d{1,2})\b/gi, 'ITU-T SG$1')
    .replace(/\bITU[- ]?T[- ]+TSAG\b/gi, 'TSAG')
    // Older Datatracker pages: "To ITU-T/Study Group 11 (Tian Xu)".
    .replace(/\bITU-T\s*\/\s*(?=Study Group|SG\s?\d)/gi, 'ITU-T ');
}

// The secretariat mailbox of an ITU-T group stands for the group: "tsbsg12@itu.int" is SG12's, "tsbtsag@itu.int" TSAG's.
const ROLE_ADDRESS = /\btsb(sg\s?\d{1,2}|tsag)@itu\.int\b/i;

/** The ITU-T group whose secretariat address `text` gives, or `null`. */
export function groupOfAddress(text: string): string | null {
  const m = ROLE_ADDRESS.exec(text);
  return m?.[1] ? canonicalGroup(m[1].toUpperCase()) : null;
}

/** The IETF working group whose list an address is: "mpls@ietf.org" is the IETF MPLS WG's list. */
function listOfAddress(address: string): string | null {
  const slug = /^([a-z][a-z0-9-]{1,15})@ietf\.org$/i.exec(address)?.[1]?.toLowerCase();
  if (!slug || /^(?:statements|liaison|liaisons|iesg|iab|chair|ietf|secretariat|ietf-announce|noreply|rfc-editor)$/.test(slug) || slug.includes('-chairs') || slug.endsWith('-ads')) return null;
  return `IETF ${slug.toUpperCase()}`;
}

// A mail address standing alone in a list: "itu-t-liaison@iab.org Sean Mansour <…>".
const BARE_ADDRESS = /(?<![\w.+<-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w>])/g;
// Who runs a group, before the group: "Secretariat of ITU-T SG12", "Chairman of SG2".
const OFFICE_OF = /^(?:the\s+)?(?:secretariat|secretary|chair(?:man|woman|person)?|counsellor|convenor|TSB secretariat)\s+(?:of|for)\s+(?=(?:the\s+)?(?:ITU|SG|Study Group|TSAG|WP|Working Party))/i;

const OFFICE_COMMA = /^(?:(?:Vice[- ]?|Co-?)?Chair(?:man|woman|person)?|Convenor|Secretary|Liaison (?:officer|manager|rapporteur))\s*,\s*(?=\S)/i;

/**
 * Canonical name of an addressee or source: an ITU-T group becomes `SG17`/`TSAG`, other bodies stay as written,
 * without the people and addresses Datatracker puts beside them.
 *
 * @example canonicalParty('ITU-T Study Group 17') === 'SG17'
 * @example canonicalParty('Tom Starr <tom@example.com> (ITU-T-SG-15)') === 'SG15'
 * @example canonicalParty('ISO/IEC JTC 1/SC 41') === 'ISO/IEC JTC 1/SC 41'
 */
export function canonicalParty(text: string): string {
  const t = squash(normalizeGroupSpelling(text).replace(/\s*<\s*>/g, ' '))
    // "ISO/IEC JTC1/SC22/WG15" as JTC 1 writes itself: "ISO/IEC JTC 1/SC 22/WG 15".
    // (Not a Datatracker slug's "3GPP-TSG-SA-WG5": its words are joined by hyphens and stay as written.)
    .replace(/(?<![-\w])(JTC|SC|WG)\s?(?=\d)/g, '$1 ')
    .replace(/^(?:the|to)\s+/i, '')
    .replace(OFFICE_OF, '')
    // "Tony Jeffree (Chair, IEEE 802.1)": the office before its body is not part of the body's name.
    .replace(OFFICE_COMMA, '')
    .replace(/[.;,:]+$/, '');
  // A group of the other sectors keeps its name: "ITU-R WP 1/4" is no ITU-T study group.
  if (/^ITU-[RD]\b/i.test(t)) return t;
  const stripped = t.replace(/\s*\((?:SG\s?\d+|TSAG)\)$/i, '').replace(/^ITU-T\s+/i, '');
  const direct = canonicalGroup(stripped) ?? canonicalGroup(t);
  if (direct) return direct;
  const hits = findGroups(t);
  // A group's office after its name: "TSB SG12 secretariat", "ITU-T SG15 Chairman".
  if (hits.length === 1 && hits[0] && /^(?:TSB\s+)?(?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)\s+(?:secretariat|chair(?:man|woman|person)?|management(?: team)?|counsellor)$/i.test(t)) return hits[0].group;
  // "ITU-T SG17 Working Party 2" or "Rapporteur for Q6/17": the group, when the whole name is about one ITU-T group.
  if (hits.length === 1 && hits[0] && /^(?:ITU-T\s+)?(?:SG|Study Group|TSAG|WP|Working Party)/i.test(t) && t.length < 60) return hits[0].group;
  // Datatracker: "Tom Starr <tom@example.com> (ITU-T SG15)" or "ccamp (Deborah Brungard <db@example.com>)".
  const withoutPeople = squash(
    t
      .replace(/<[^>]*>/g, ' ')
      .replace(/\([^()]*@[^()]*\)/g, ' ')
      .replace(/"[^"]*"/g, ' ')
      // "Pseudowire Emulation Edge to Edge (," : a bracket the converter left open.
      .replace(/\s*\([^()]*$/, ''),
  ).replace(/[.;,:]+$/, '');
  const paren = /^(.*?)\s*\(([^()]{2,80})\)$/.exec(withoutPeople);
  if (paren) {
    const outer = (paren[1] ?? '').trim();
    const inner = (paren[2] ?? '').trim();
    const group = canonicalGroup(inner.replace(/^ITU-T\s+/i, '')) ?? (findGroups(inner).length === 1 ? (findGroups(inner)[0]?.group ?? null) : null);
    if (group) return group;
    // A person's name before a body in brackets: the body is the party.
    if (PERSON.test(outer) && /[A-Z]{2,}/.test(inner)) return inner.replace(OFFICE_COMMA, '');
    // A body, then the people or the expansion of its acronym: "IETF CCAMP WG (Colin Ward)", "IMTC (International …)".
    if (outer && (PERSON.test(inner) || ROLE.test(inner) || /^[A-Z][A-Z0-9-]{1,9}$/.test(outer))) return outer;
  }
  return withoutPeople || t;
}

// IETF working groups that exchange liaisons with ITU-T, by the full names Datatracker gives them.
const IETF_WG_NAMES: Readonly<Record<string, string>> = {
  'multiprotocol label switching': 'MPLS',
  'pseudowire emulation edge to edge': 'PWE3',
  'common control and measurement plane': 'CCAMP',
  'path computation element': 'PCE',
  'bidirectional forwarding detection': 'BFD',
  'deterministic networking': 'DETNET',
  'traffic engineering architecture and signaling': 'TEAS',
  'ip performance metrics': 'IPPM',
  'ip performance measurement': 'IPPM',
  'network modeling': 'NETMOD',
  'network configuration': 'NETCONF',
  'benchmarking methodology': 'BMWG',
  'telephone number mapping': 'ENUM',
  'operations and management area working group': 'OPSAWG',
  'routing area working group': 'RTGWG',
  'inter-domain routing': 'IDR',
  'link state routing': 'LSR',
  'source packet routing in networking': 'SPRING',
  'layer 2 virtual private networks': 'L2VPN',
  'layer 3 virtual private networks': 'L3VPN',
  'congestion and pre-congestion notification': 'PCN',
  'session initiation protocol core': 'SIPCORE',
};

// Words that make a name a body's: "Broadband Forum", "Metro Ethernet Forum", "Open Mobile Alliance".
const BODY_WORD = /\b(?:Forum|Alliance|Consortium|Group|Association|Institute|Committee|Council|Union|Organi[sz]ation|Project|Partnership|Society|Board|Agency|Bureau|Secretariat|Task Force|Initiative|Federation)\b/;

// "Hill, Richard", "'Scott Bradner'": how a mail header writes a person (surname first, or quoted).
const MAIL_PERSON = /^(?:\p{Lu}[\p{Ll}'-]+,\s*\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}\.?)?|['"‘“][^'"’”@<>,;]{3,60}['"’”])$/u;

/** Whether a header's party is a person as a mail header writes one, and names no body. */
function mailPerson(party: string): boolean {
  const p = party.trim();
  if (BODY_WORD.test(p) || /\b(?:ITU|IETF|IEEE|ETSI|3GPP|ISO|IEC|JTC|SG\s?\d|TSAG)\b/.test(p)) return false;
  return MAIL_PERSON.test(p) || (/^['"‘“]/.test(p) && PERSON.test(p.replace(/^['"‘“]\s*|\s*['"’”]$/g, '').replace(/\s+/g, ' ')));
}

// "Colin Ward", "Jan de Vries", "János Farkas": a person's name, not a body.
const PERSON = /^(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?\p{Lu}[\p{Ll}'-]+(?:\s+(?:de|del|della|den|di|du|dos|das|van|von|der|da|le|la|ten|ter|\p{Lu}[\p{L}\p{N}_'-]*\.?)){1,3}$/u;
const ROLE = /\b(?:chairs?|chairman|secretary|secretariat|rapporteurs?|liaison (?:manager|officer|coordinator)|director|editor)\b/i;

/**
 * An addressee of a Datatracker page or mail in people's words: an IETF group's slug ("ccamp") as "IETF CCAMP".
 * Names of people and mailing lists copied are not addressees: `null`.
 */
/** The IETF's areas, which Datatracker names by acronym as senders and addressees. */
const IETF_AREAS = new Set(['APP', 'ART', 'GEN', 'INT', 'OPS', 'RAI', 'RTG', 'SEC', 'TSV', 'WIT']);

function trackerParty(party: string): string | null {
  if (canonicalGroup(party)) return party;
  // Older pages name an IETF working group by its full name: "To: Multiprotocol Label Switching (,,".
  const acronym = IETF_WG_NAMES[party.toLowerCase().replace(/\s+(?:working group|wg)$/, '')];
  if (acronym) return `IETF ${acronym} WG`;
  if (/^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{1,11}$/.test(party)) return `IETF ${party.toUpperCase()}`;
  // People, mailing lists and mailboxes copied ("IP Performance Measurement Discussion List", "Liaisons at BBF").
  if (PERSON.test(party) || ROLE.test(party) || /\b(?:mailing|discussion) list$/i.test(party) || /^(?:Liaisons|Statements)\s+at\s/i.test(party)) return null;
  // A mailbox's display name in lower case: "itu-t liaison <itu-t-liaison@iab.org>".
  if (/^[a-z][a-z0-9 -]*\bliaisons?$/.test(party)) return null;
  // Several IETF groups sending together ("From Groups 6man, bmwg, INT, OPS, opsawg, RTG"): the IETF.
  const slugs = party.split(/\s*,\s*/);
  if (slugs.length > 1 && slugs.every((x) => /^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]{1,11}$/.test(x) || IETF_AREAS.has(x))) return 'IETF';
  // An IETF working group copied by its list's name: "MPLS Working Group <mpls@ietf.org>".
  const wg = /^([A-Z][A-Za-z0-9-]{1,11}) Working Group$/.exec(party);
  if (wg?.[1]) return `IETF ${wg[1]} WG`;
  // A Datatracker group slug of another body: "BROADBAND-FORUM" is the Broadband Forum, "IEEE-802-1" IEEE 802.1.
  const numbered = /^([A-Z]{2,})-(\d+)-(\d+)$/.exec(party);
  if (numbered) return `${numbered[1]} ${numbered[2]}.${numbered[3]}`;
  if (/^[A-Z]{2,}(?:-[A-Z]{2,})+$/.test(party)) return party.split('-').map((w) => (w.length >= 5 ? `${w[0]}${w.slice(1).toLowerCase()}` : w)).join(' ');
  // An IETF area by its acronym: "RTG" is the IETF's Routing Area. Any other short name is another body's (MEF, BBF).
  if (IETF_AREAS.has(party)) return `IETF ${party}`;
  return party.replace(/^The\s+(?=IETF|IAB|IESG)/, '');
}

/** Questions of a "Question(s):" field, where the "Q" is often left out: "6/17", "2, 4/11", "Q1/20, Q4/20". */
function fieldQuestions(value: string | null): string[] {
  if (!value) return [];
  const out = questionsNamed(value);
  for (const m of value.matchAll(/\b(?:Q\s?)?(\d{1,2})\s?\/\s?(\d{1,2})\b/g)) {
    const id = canonicalQuestion(`${m[1]}/${m[2]}`);
    if (id && !out.includes(id)) out.push(id);
  }
  // "2, 4/11": the numbers before the last "n/g" share its group.
  const shared = /^\s*((?:\d{1,2}\s*(?:,|&|and)\s*)+)\d{1,2}\s*\/\s*(\d{1,2})\s*$/.exec(value);
  for (const n of shared?.[1]?.match(/\d{1,2}/g) ?? []) {
    const id = canonicalQuestion(`${n}/${shared?.[2]}`);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Split `value` at `separator` where it is not inside brackets. */
function splitOutsideBrackets(value: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(value);
      if (m && m.index === i) {
        out.push(value.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(value.slice(start));
  return out;
}

const PARTY_SEPARATOR = /\s*[,;\n]\s*|\s+(?:and|AND|&)\s+(?=(?:ITU|SG|ISO|IEC|IETF|ETSI|3GPP|IEEE|TSAG|Study|WP|Working|Q|[A-Z]{2,}|[A-Z][\w-]*\s+(?:Organi[sz]ations?|Bodies|Groups?)\b))/y;
const EMPTY_VALUE = /^(?:-|—|N\/?A|none|nil|tbd|\s*)$/i;
const ROLE_WORDS = /^(?:the\s+)?(?:(?:Associate\s+)?Rapporteurs?|Chair(?:man|men|s)?|Convenors?|Editors?|Vice-chairs?)\s*(?:of|for)?\s*/i;

/**
 * The addressees of one purpose ("ITU-T SG13 (Q2/13, Q4/13), SG17 and ISO/IEC JTC 1/SC 41"), each with the
 * Questions named beside it. A Question alone ("Q6/17") stands for its group.
 */
export function parseAddressees(value: string | null, purpose: AddresseePurpose): Addressee[] {
  if (!value || EMPTY_VALUE.test(value.trim())) return [];
  // Datatracker lists people with their addresses and no commas: "The IAB Chair <a@x> Neil Barker <b@x>".
  const v = normalizeGroupSpelling(value)
    // An address in brackets with no name before it ("…, <rai@ietf.org>") is read as a bare one.
    .replace(/(^|,)\s*<([^<>\s]+@[^<>\s]+)>/g, '$1 $2')
    .replace(/\s*<[^<>]*@[^<>]*>\s*(?=\S)/g, ', ')
    .replace(/\s*<[^<>]*@[^<>]*>\s*$/, '')
    // A Datatracker address emptied to "<>" ends an entry too: "ITU-T Study Group 15 <> Yuki Matsuda <>".
    .replace(/\s*<\s*>\s*(?=\S)/g, ', ')
    .replace(/\s*<\s*>\s*$/, '')
    // A bare address is no party, except a group's secretariat mailbox.
    .replace(BARE_ADDRESS, (a) => `, ${groupOfAddress(a) ?? listOfAddress(a) ?? ''}, `)
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
  // "ITU-T Study Groups 13 and 17" -> SG13, SG17.
  const plural = /^(?:ITU-T\s+)?Study Groups\s+([\d,\sand]+)$/i.exec(v);
  // Such a list among other parties: "Relevant External Organizations AND ITU-T Study Groups 13 AND 19".
  if (!plural && /\b(?:Study Groups|SGs)\s+\d/i.test(v)) {
    const spelled = v.replace(/(?<!ITU-[DR]\s+)(?:ITU-T\s+)?(?:Study Groups|SGs)\s+(\d{1,2}(?:\s*(?:,|\band\b|&)\s*\d{1,2}\b)+)/gi, (_m, list: string) => (list.match(/\d+/g) ?? []).map((n) => `SG${n}`).join(', '));
    if (spelled !== v) return parseAddressees(spelled, purpose);
  }
  if (plural?.[1]) {
    return (plural[1].match(/\d+/g) ?? []).flatMap((n) => {
      const g = canonicalGroup(`SG${n}`);
      return g ? [{ party: g, group: g, questions: [], purpose }] : [];
    });
  }
  // "ITU-T SG9, 11 and 12": the last number of the list too (an ITU-D or ITU-R list is another Sector's, left whole).
  if (/\bSG\s?\d{1,2}\s*,\s*\d/.test(v) && !/\bITU-[DR]\b/.test(v)) {
    const listed = v.replace(/\bSG\s?(\d{1,2}(?:\s*,\s*\d{1,2}\b(?!\s*\/))+)(?:\s*,?\s*(?:and|&)\s*(\d{1,2})\b(?!\s*\/))?/g, (_m, list: string, last?: string) => [...(list.match(/\d+/g) ?? []), ...(last ? [last] : [])].map((n) => `SG${n}`).join(', '));
    if (listed !== v) return parseAddressees(listed, purpose);
  }
  // A Question list's own commas ("Qs 2, 4/11") must not split it: write each Question out first.
  const expanded = v.replace(QUESTION_LIST, (m) => ` ${questionsNamed(m).join(' ')} `);
  const out: Addressee[] = [];
  let lastPrefix = '';
  let lastSector = '';
  let sectorSpace = '';
  for (const raw of splitOutsideBrackets(expanded, PARTY_SEPARATOR)) {
    const piece = squash(raw);
    if (piece.length < 2 || EMPTY_VALUE.test(piece)) continue;
    const questions = questionsNamed(piece);
    const rest = squash(piece.replace(QUESTION_LIST, ' ').replace(/\(\s*[,;\s]*\)/g, ' ').replace(ROLE_WORDS, ''))
      .replace(/^[,;:\s-]+|[,;:\s-]+$/g, '')
      .replace(/^ITU-T$/i, '');
    // "ITU-D SG1, SG2": a bare study group after another Sector's study group is of that Sector too (until "ITU-T" is
    // written), spelled as that one is.
    const sector = /^(ITU-[DR])\s+SG(\s?)\d/i.exec(rest);
    if (sector?.[1]) [lastSector, sectorSpace] = [sector[1].toUpperCase(), sector[2] ?? ''];
    // (Only a group that Sector has and that the list has not named yet: ITU-D has study groups 1 and 2, ITU-R 1 and 3
    // to 7; "ITU-D SG 2, ITU-D SG 1, SG 2, SG 9" goes back to ITU-T.)
    const bareSg = /^(?:SG|Study Group)\s?(\d{1,2})$/i.exec(rest)?.[1];
    const has = (n: number) => (lastSector === 'ITU-D' ? n === 1 || n === 2 : n === 1 || (n >= 3 && n <= 7));
    const inSector = !sector && lastSector && bareSg && has(Number(bareSg)) && !out.some((a) => a.party.replace(/\s+/g, '').toUpperCase() === `${lastSector}SG${bareSg}`) ? `${lastSector} SG${sectorSpace}${bareSg}` : null;
    if (!inSector && !sector) lastSector = '';
    let party: string | null = null;
    if (inSector) party = canonicalParty(inSector);
    // "SG13, 17": a bare number continues the previous prefix.
    else if (/^\d{1,2}$/.test(rest) && lastPrefix) party = canonicalParty(`${lastPrefix}${rest}`);
    else if (rest.length > 1) party = canonicalParty(rest);
    else if (questions[0]) party = groupOfQuestion(questions[0]);
    if (!party) continue;
    // "SG9, 11, 12": every bare number after it continues the prefix.
    if (!/^\d{1,2}$/.test(rest)) lastPrefix = /^(?:ITU-T\s+)?SG\s?\d/i.test(rest) ? 'SG' : '';
    const group = canonicalGroup(party);
    const studyGroup = group ? parentGroup(group) : null;
    // Questions of another group than the party's stand for their own group ("SG13 and Q6/17" split badly).
    // "ITU-T SG15 Question 6": the number alone belongs to the group named with it.
    const bare = studyGroup ? /\bQuestions?\s+(\d{1,2})\b(?!\s*\/)/i.exec(piece)?.[1] : undefined;
    const withBare = bare && studyGroup ? [...questions, canonicalQuestion(`${bare}/${studyGroup.replace(/^SG/, '')}`)].filter((q): q is string => q !== null) : questions;
    const own = withBare.filter((q) => studyGroup === null || groupOfQuestion(q) === studyGroup);
    for (const q of withBare.filter((x) => !own.includes(x))) addAddressee(out, { party: groupOfQuestion(q) ?? q, group: groupOfQuestion(q), questions: [q], purpose });
    addAddressee(out, { party, group, questions: studyGroup ? own : [], purpose });
  }
  // A person named beside a body is its contact, not another addressee: "To: Oscar Hadid, Chair Q9/15".
  if (out.some((a) => a.group !== null)) return out.filter((a) => a.group !== null || !PERSON.test(a.party) || /\b[A-Z]{2,}/.test(a.party));
  return out;
}

function addAddressee(list: Addressee[], a: Addressee): void {
  const same = list.find((x) => x.party === a.party && x.purpose === a.purpose);
  if (!same) {
    list.push({ ...a, questions: [...a.questions] });
    return;
  }
  for (const q of a.questions) if (!same.questions.includes(q)) same.questions.push(q);
}

/** A party's words for comparing two spellings: "ITU-R WP 1/4" and "WP 1/4" end alike. */
function partyWords(party: string): string {
  return party.toLowerCase().replace(/\s+/g, '');
}

/** Split an addressee list ("ITU-T SG13, SG17 and ISO/IEC JTC 1/SC 41") into canonical parties. */
export function splitParties(value: string | null): string[] {
  return parseAddressees(value, 'information').map((a) => a.party);
}

// Datatracker's contact fields (page and notification mail), which list people and mailboxes rather than one person's
// block: "Response Contact Colin Ward <>, Diane Mercer <>", "Technical Contact pierre.duval@example.org", "Action
// Holder Contacts Neil Barker <neil.barker@example.org>" ("Reponse Contact:" in older notification mails).
const TRACKER_CONTACT = /^(?:Res?ponse|Technical|Action Holder)\b/i;
// One entry of such a list: a name with its (often emptied) address, a bare address, or a name alone.
const LISTED_NAMED = /^([^<>@]{1,80}?)\s*<([^<>]{0,120})>$/;
const LISTED_ADDRESS = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

/**
 * The people and mailboxes a Datatracker contact field lists, one or several a line, separated by commas or
 * semicolons ("pierre.duval@example.org;\nli.wen@example.org"). A mailbox named by its address alone
 * ("tsbsg11@itu.int", "opsawg-chairs@ietf.org") is named by that address. The list ends at a line that is no entry.
 */
function listedContacts(block: string): Contact[] {
  const out: Contact[] = [];
  for (const line of block.split('\n')) {
    const entries = line.replace(/^[\s|]+|[\s|]+$/g, '').split(/\s*[;,]\s*/).filter((e) => e !== '');
    const read = entries.map((entry): Contact | null => {
      const named = LISTED_NAMED.exec(entry);
      const email = named ? (/^\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$/.exec(named[2] ?? '')?.[1] ?? null) : LISTED_ADDRESS.test(entry) ? entry : null;
      const name = named?.[1]?.trim() ?? (email ?? entry);
      // A sentence is no entry: the body may follow the field.
      if (name.length > 80 || name.split(' ').length > 8 || /[.:!?]$/.test(name) || (!email && /@/.test(name))) return null;
      return { name: name.replace(/^(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?)\s+/, ''), organization: null, country: null, email, phone: null };
    });
    if (read.some((c) => c === null)) break;
    for (const c of read) if (c) out.push(c);
  }
  return out;
}

/** Contact blocks: "Contact:\tName\nOrganization\nCountry\tTel: …\nE-mail: …", and Datatracker's contact lists. */
export function parseContacts(text: string): Contact[] {
  const contacts: Contact[] = [];
  const fromContacts: Contact[] = [];
  const re = /(?:^|\n)[ \t|]*(Contacts?|Contact Persons?|Res?ponse Contacts?|Technical Contacts?|Action Holder Contacts?|From Contacts?)[ \t]*:[ \t|]*/gi;
  const found = [...text.matchAll(re)].map((m) => ({ at: m.index, start: m.index + m[0].length, label: m[1] ?? '' }));
  for (const [i, { start, label }] of found.entries()) {
    const limit = Math.min(found[i + 1]?.at ?? text.length, start + 600);
    let block = text.slice(start, limit);
    const stop = /\n[ \t]*(?:Abstract|Keywords|Summary|Attachments?|Purpose|Title|Source|Question|Send any reply|Deadline|Body|For (?:action|comment|information))\b|\n\s*\n\s*\n/i.exec(block);
    if (stop) block = block.slice(0, stop.index);
    // Datatracker's "From Contact", who submitted the statement: its contact when it names no other.
    if (/^From\b/i.test(label)) {
      fromContacts.push(...listedContacts(block.split('\n')[0] ?? ''));
      continue;
    }
    if (TRACKER_CONTACT.test(label)) {
      // The same person may be both response and technical contact: one contact.
      for (const c of listedContacts(block)) if (!contacts.some((k) => k.name === c.name || (c.email !== null && k.email === c.email))) contacts.push(c);
      continue;
    }
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(block)?.[0] ?? null;
    const phone = /\b(?:Tel|Phone(?: number)?)\.?\s*:?\s*(\+?[\d ()./-]{6,})/i.exec(block)?.[1]?.trim() ?? null;
    const lines = block
      // A second column of phone and e-mail fields beside the name: "Lena Fischer   Tel: +49 30 0000 0000".
      .split(/\n|\t|\s+(?=(?:Tel|Fax|E-?mail|Mob(?:ile)?|Phone)\.?\s*:)/i)
      // Table copies keep cell pipes: "|Contact: |Hideo Mori |Email: |", "| |RevCom Chair | |"; or slashes: "/ Ghani Abbas", "UK /".
      .map((l) => squash(l.replace(/<[^>]*@[^>]*>|<\s*>/g, ' ').replace(/\|?\s*(?:Tel|Fax|E-?mail|Mob(?:ile)?|Phone)\.?\s*:\s*\|?\s*$/i, '').replace(/^[\s|]+|[\s|]+$/g, '').replace(/^\/\s+|\s+\/$/g, '')))
      // The template's own sub-labels ("Name/Organization/Entity:", "Phone number:") name nobody.
      .filter((l) => l && !isLabelLine(l) && !/^(?:Tel|Fax|E-?mail|Mob|Mobile|Phone)\b/i.test(l) && !/@/.test(l) && !/^\+?[\d ()./-]{6,}$/.test(l) && !/^[\p{L} /()-]{2,40}:$/u.test(l))
      // A line that starts in lower case continues the one above ("TSAG Rapporteur group on working\nmethods").
      .reduce<string[]>((acc, l) => (acc.length > 0 && /^[a-z(]/.test(l) ? [...acc.slice(0, -1), `${acc.at(-1)} ${l}`] : [...acc, l]), []);
    // The statement's body can follow the block after one blank line: a sentence is nobody's organization or country.
    const prose = lines.findIndex((l, k) => k > 0 && (l.length > 100 || (l.split(' ').length >= 9 && /[.:;]$/.test(l))));
    if (prose > 0) lines.length = prose;
    const name = lines[0]?.replace(/^(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?)\s+/, '').replace(/[,;]+$/, '') ?? null;
    if (!name || name.length > 80) continue;
    // Datatracker lists several people on one line: "Colin Ward, Diane Mercer".
    const people = name.split(/\s*,\s*/);
    // ("Roxanne Webber, Chairman TDAG" is one person and her office.)
    if (people.length > 1 && people.every((p) => /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}$/u.test(p) && !/^(?:Vice[- ]?)?(?:Chair\w*|Rapporteur|Director|Convenor|Counsellor|Secretary|Editor|President)\b/i.test(p))) {
      for (const person of people) if (!contacts.some((c) => c.name === person)) contacts.push({ name: person, organization: null, country: null, email: null, phone: null });
      continue;
    }
    // A contact block copied twice (a TD's cover and the statement it carries) is one contact.
    if (contacts.some((c) => c.name === name && (c.email === email || !email))) continue;
    contacts.push({ name, organization: lines[1] ?? null, country: lines[2] ?? null, email, phone });
  }
  return contacts.length > 0 ? contacts : fromContacts;
}

// "The Ministry of … presents its compliments to the TSB and …": the note verbale of a body outside ITU-T.
const COMPLIMENTS = /\b(?:The )?(.{2,90}?) presents its compliments to (.{2,60}?)(?:,| and (?:takes|wishes|would|has|is)\b)/i;
const COMPLIMENTS_PHRASE = / presents its compliments to /i;

// "Liaison response to ITU-T Q9/15 from IEEE 802.1", "Liaison statement from SG13 to IETF", "Liaison to IETF/ISOC on ENUM".
const LIAISON_PHRASE =
  /\bLiaison(?:\s+(?:[Ss]tatement|[Rr]esponse|[Rr]eply))?\s+(?:to\s+(?:the\s+)?(?<to>(?:[A-Z]|external\s+organi[sz]ations?\b)[\w/ .-]{0,80}?)(?:\s+from\s+(?:the\s+)?(?<from>[A-Z][\w/ .-]{1,40}?))?|from\s+(?:the\s+)?(?<from2>[A-Z][\w/ .-]{1,40}?)\s+to\s+(?:the\s+)?(?<to2>[A-Z][\w/ .-]{1,50}?))(?=\s+(?:[Oo]n|[Aa]bout|[Rr]egarding|[Cc]oncerning)\b|\s+\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\s*[,;(\n]|\.\s|\s*$)/;

/**
 * An ITU-R heading in capitals, which is the statement's title: "LIAISON STATEMENT FROM ITU-R STUDY GROUPS 10 AND 11 TO
 * RAG" (then the text, in mixed case); its parties when it names both.
 */
export const CAPITAL_HEADING = /\bLIAISON STATEMENT (?:FROM (?<from2>[A-Z0-9][A-Z0-9 ./-]{1,60}?)|TO (?:THE )?[A-Z0-9][A-Z0-9 ./-]{1,60}?)(?: TO (?:THE )?(?<to2>[A-Z0-9][A-Z0-9 ./-]{1,40}?))?(?=\s+(?:ITU-[RTD]\s+)?[A-Z][a-z]|\s*\n|\s*$)/;

// A mail that forwards a statement: "Please find attached a liaison statement from ITU-T SG15 to the IETF MPLS WG",
// "I am forwarding the liaison from SG2 to IETF ENUM", "Please find attached a liaison from ITU-R WP 8A regarding …".
const FORWARD_PHRASE =
  /\b(?:attached|enclosed|find|forward(?:ed|ing)?|send(?:ing)?(?: you)?|transmit(?:ting)?|following|incoming)\b[^.\n]{0,40}?\b(?:reply\s+)?(?:liaison(?:\s+statement)?|LS)\s+(?:from|of|by)\s+(?:the\s+)?(?<from2>(?:3GPP\b|[A-Z])[\w/ .-]{1,40}?)(?:\s*\([^()\n]{1,40}\))?(?:,?\s+(?:addressed\s+|sent\s+)?to\s+(?:the\s+)?(?<to2>[A-Z][\w/ .-]{1,50}?))?(?=\s+(?:on|about|regarding|concerning)\b|\s+for\s+(?:your\s+)?(?:action|comment|information|review)\b|\s*[,;(\n]|\.\s|\s*$)/i;

/**
 * The ITU template's header copied without its left column ("Source:", "Title:"), as a page or a re-set document
 * leaves it: the source and the title are the two lines before "For action to:" (or "For comment to:"). `null` when
 * the labels are there or the lines do not read so.
 */
export function unlabelledTemplate(header: string): { source: string; title: string } | null {
  if (/^[ \t]*(?:Source|Title)[ \t]*:/im.test(header)) return null;
  const lines = header.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const at = lines.findIndex((l) => /^For (?:action|comment|information) to\s*:/i.test(l));
  if (at < 2) return null;
  const [source, title] = [lines[at - 2] ?? '', lines[at - 1] ?? ''];
  const plain = (l: string) => l.length >= 4 && l.length <= 200 && !/:\s*$|^\d|^(?:English|French|Spanish|Original)\b/i.test(l);
  // The source names a body or an officer of one: "Chairman, Telecommunication Development Advisory Group (TDAG)".
  if (!plain(source) || !plain(title) || !/\b(?:Group|Sector|Study Group|Working Party|Chair\w*|Rapporteur|Committee|Board|Council|TSB|BDT|BR|SG\s?\d|TSAG|TDAG|RAG|WP\s?\d)\b/.test(source)) return null;
  return { source, title };
}

// A mail that sends a statement says what for, anywhere in its first lines: "… to IETF CCAMP, sent for information."
const SENT_FOR = /\b(?:sent|forwarded|transmitted|submitted)\s+(?:to you\s+)?for\s+(?:your\s+)?(action|comment|information)\b/i;

// Who had a secretariat send the statement: "Q.1 of SG2 has asked me to send you the following liaison".
const ASKED_BY =
  /\b((?:(?:Q(?:uestion)?\.?\s?\d{1,2}(?:\s?\/\s?\d{1,2})?|WP\s?\d{1,2}(?:\/\d{1,2})?|Working Party \d{1,2})(?:\s*\([^()\n]{1,12}\))?\s+(?:of\s+)?)?(?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG))(?:\s*\([^()\n]{1,12}\))?\s+(?:has|have)\s+asked\s+me\s+to\s+(?:send|forward|transmit|pass on|circulate)\b/i;

// Whose statement a list post passes on: "The ITU-T SG15 reply is attached", "SG2's liaison statement is enclosed".
const SENT_BY =
  /\b((?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG))(?:'s)?\s+(?:reply|response|liaison(?:\s+statement)?|LS)\s+(?:is|was|has been)\s+(?:attached|enclosed|forwarded|below)\b/i;

// A statement passed on as issued: "the subject liaison statement from TSAG has now been issued as TD 342/Gen".
const ISSUED_BY =
  /\bliaison(?:\s+statement)?\s+from\s+((?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG))\s+(?:has\s+(?:now\s+)?been|was|is)\s+(?:issued|attached|posted|published|enclosed|forwarded|circulated)\b/i;

// Its "Action requested" section asking every study group: "Study group management teams are requested to …".
const ALL_GROUPS_ASKED =
  /^[ \t]*Actions?\s+requested[ \t]*:?[ \t]*\n\s*(?:All\s+)?(?:ITU-T\s+)?(?:study\s+groups?|SGs)(?:\s+(?:management\s+teams?|chairs?|chairmen|leadership))?\s+(?:are|is)\s+(?:kindly\s+)?(?:requested|invited|asked|encouraged)\b/im;

// References a reply names: ITU-T LS and TD numbers, 3GPP/ETSI tdoc numbers, ISO/IEC document numbers.
const LS_REFERENCE =
  /\b(?:(?:TSAG|SG\s?\d{1,2}(?:RG-[A-Z]{2,5})?)\s?-\s?LS\s?\d{1,4}(?:\s*Rev\.?\s*\d+)?|COM\s?\d{1,2}\s?[-\u2013]\s?LS\s?\d{1,4}(?:\s?[-\u2013]\s?[EFSACR]\b)?|(?:TSAG|SG\s?\d{1,2})-TD\s?\d{1,4}(?:R\d{1,2})?(?:\/(?:PLEN|GEN|WP\s?\d))?|LS-\d{1,4}|(?:(?:TSAG|SG\s?\d{1,2})\s+)?TD\s+(?:GEN|PLEN|WP\s?\d)\s*\/?\s*\d{1,4}|TD\s?\d{1,4}(?:\s*Rev\.?\s*\d+|R\d{1,2})?\s*\((?:WP\s?\d{1,2}|PLEN|GEN)\s?\/\s?(?:\d{1,2}|TSAG)\)|(?:IETF|3GPP|ETSI|IEEE|BBF)(?:\s+[A-Z0-9][\w.-]*){0,3}\s+[-\u2013]\s+LS\s?\d{1,4}\b|(?<![\w-])(?!SG\d|TSAG|COM\d)[A-Z][A-Za-z]{2,20}-LS\d{1,4}\b|[SRCGN]P?\d{0,2}-\d{5,7}(?:r\d+)?|(?:ISO\/IEC\s+)?JTC\s?1(?:\/SC\s?\d+)?\s+N\s?\d{3,6}|https?:\/\/datatracker\.ietf\.org\/liaison\/\d+\/?)/gi;
// The sentence of a reply: "This liaison statement answers TSAG-LS4", "in reply to SG11-LS30", "Response to: LS (S5-xxx)".
const REPLY_PHRASE =
  /\bLS\/r\b|\b(?:answers|repl(?:y|ies)\s+to|respon(?:ds|se|ses)\s+to|in\s+(?:reply|response)\s+to|follow(?:s|ing)?[- ]up\s+(?:to|on)|your\s+liaisons?\b|(?:thanks?|thank\s+you|grateful|appreciates?)\b[^.]{0,80}\bfor\s+(?:its|your|the(?:ir)?)\s+(?:\w+\s+){0,3}liaison)/i;

/**
 * A Datatracker page's "Attachments" and "Liaisons referring to this one" lists: the label line and the file names
 * under it (a line of a few words with no stop, "S2-2207432 was 6103r09"); the body may follow with no blank line.
 */
const DATATRACKER_LISTS = /^[ \t]*(?:Attachments|Liaisons referring to this one)\b[^\n]*(?:\n[ \t]*[\w.()[\]-]+(?:[ \t]+[\w.()[\]-]+){0,4}[ \t]*(?=\n))*/gim;

/** The statements a reply answers: references in its "Response to:"/"In response to:" fields or in its reply sentences. */
export function findRepliesTo(text: string, header: string): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    const ref = squash(s).replace(/[.,;)]+$/, '');
    if (ref && !out.some((o) => o.toLowerCase() === ref.toLowerCase())) out.push(ref);
  };
  const v = fieldValue(header, 'Response to|In response to|Reply to|Ref(?:erence)? LS') ?? (/\bLIAISON STATEMENT\b/.test(header) ? fieldValue(header, 'Reference') : null);
  if (v && !EMPTY_VALUE.test(v)) {
    const refs = [...v.matchAll(LS_REFERENCE)];
    for (const m of refs) add(m[0]);
    if (refs.length === 0) add(v);
  }
  // Datatracker names the statements it answers by title.
  const referred = fieldValue(header, 'Liaisons referred by this one', 2);
  if (referred) add(referred);
  const inResponse = /^[ \t]*In Response to\s+(.{8,200})$/im.exec(header.slice(0, 400));
  if (inResponse?.[1]) add(inResponse[1]);
  // Reply sentences come early: the header, the abstract, the first paragraphs (a reference may wrap a line).
  // Lines are joined except before a blank line or a labelled one ("Body: …"), which start a new sentence.
  // A Datatracker page's attachment list (its own tdocs, "SP-211633_was_SP-211596") and its list of the liaisons that
  // answer it ("Liaisons referring to this one: Response to …") name other statements, not one this one answers.
  const own = text.slice(0, 6000).replace(DATATRACKER_LISTS, ' ');
  const head = own.replace(/[ \t]*\n(?![ \t]*\n|[ \t]*[A-Z][\w ()-]{0,30}:)[ \t]*/g, ' ');
  for (const whole of head.split(/(?<=[.!?])\s+|\n/)) {
    // A page's header lines run into its first sentence when none ends with a stop: there, the words after the
    // reply phrase are read.
    const at = whole.length > 600 ? whole.search(REPLY_PHRASE) : 0;
    if (at < 0) continue;
    // "(see also our liaison response to the ITU-T TSAG at <…/liaison/1677/>)": another statement, pointed to.
    // A Datatracker page's "Attachments SP-170579" run into the title is the statement's own tdoc, not one it answers.
    const sentence = (whole.length > 600 ? whole.slice(at, at + 400) : whole).replace(/\((?:see(?: also)?|cf\.?)\s[^()]*\)/gi, ' ').replace(/\bAttachments?\s*:?\s+[A-Z]{1,3}\d?-\d{5,7}\b/g, ' ');
    if (!REPLY_PHRASE.test(sentence)) continue;
    for (const m of sentence.matchAll(LS_REFERENCE)) add(m[0]);
    // "… for the liaison response titled “Cooperative Relationship between ITU-T SG15 and CCAMP”": by its title.
    // (Not when the sentence gives its number too: "your liaison COM15-LS204-E … titled "SG15 OTNT …"" is one statement.)
    const titled = /\b(?:titled|entitled|on)\s+["“]([^"”\n]{8,160})["”]/.exec(sentence);
    if (titled?.[1] && ![...sentence.matchAll(LS_REFERENCE)].length) add(titled[1]);
    // "Reply to liaison statement from ITU-R/ITU-T WP 1/4" with no number: the statement by its sender.
    const fromWhom = /\b(?:reply|response)\s+to\s+(?:the\s+|a\s+)?(liaison statement (?:from|of)\s+[A-Z][^\n,;()]{1,60}?)\s*(?:$|[,;(]|\s+(?:on|about|concerning|regarding|dated)\b)/i.exec(sentence);
    if (fromWhom?.[1] && ![...sentence.matchAll(LS_REFERENCE)].length) add(fromWhom[1]);
  }
  return out;
}

/** Whether two names are one body: "SA5" and "3GPP SA5", "TSG RAN WG2" and "RAN WG2". */
function sameBody(a: string, b: string): boolean {
  const bare = (p: string) => p.toLowerCase().replace(/^(?:(?:3gpp|etsi|tsg)\s*)+/, '').replace(/[\s-]+/g, '');
  return bare(a) === bare(b);
}

// 3GPP puts per-addressee actions in its body: "2. Actions:\nTo ITU-T SG2 group.\nACTION: SA5 asks …", "To CT4: none".
function actionsSection(text: string): Map<string, boolean> | null {
  const start = /^[ \t]*(?:\d\.[ \t]*)?Actions?[ \t]*:?[ \t]*$/im.exec(text);
  if (!start) return null;
  const body = text.slice(start.index + start[0].length, start.index + start[0].length + 4000);
  const end = /^[ \t]*(?:\d\.[ \t]*)?(?:Date of Next|Next Meetings?)/im.exec(body);
  const section = end ? body.slice(0, end.index) : body;
  const out = new Map<string, boolean>();
  const blocks = section.split(/^[ \t]*To[ \t]+/im).slice(1);
  for (const block of blocks) {
    const firstLine = block.split('\n')[0] ?? '';
    const partyText = firstLine.replace(/[:.][^:.]*$/, '').replace(/\bgroups?\b/i, '');
    // "To SA4:\nRAN2 would like to ask SA4 to …" asks as much as "ACTION: …"; "To CT4: none" asks nothing.
    const said = block.slice(firstLine.length).trim();
    const asked = /\bACTION\s*:/i.test(block) ? !/\bACTION\s*:\s*(?:none|no action|-)(?:\W|$)/i.test(block) : said !== '' && !/^(?:none|no action|n\/a|-)\.?$/i.test(said) && !/:\s*(?:none|no action|-)\.?\s*$/i.test(firstLine);
    for (const p of splitParties(partyText)) out.set(p, (out.get(p) ?? false) || asked);
  }
  return out.size > 0 ? out : null;
}

const PART_OF_MONTH = new RegExp(String.raw`\b(mid|middle of|end of|the end of|late)[- ]?(${MONTH_PATTERN})\.?,?\s+((?:19|20)\d{2})\b`, 'i');
const BARE_MONTH = new RegExp(String.raw`^\W*(?:by\s+|(before)\s+)?(${MONTH_PATTERN})\.?,?\s+((?:19|20)\d{2})\b`, 'i');

function deadlineOf(header: string): string | null {
  const labels = ['Deadline(?:\\s+for\\s+(?:replies|reply|responses?|comments|answers?))?', 'Please reply by', 'Reply by'];
  for (const label of labels) {
    const v = fieldValue(header, label);
    if (!v || EMPTY_VALUE.test(v)) continue;
    const d = findDates(v)[0];
    if (d) return d.start;
    // "Reply by mid-May 2007", "end of June 2026": the middle or the last day of that month; a bare "July 2006", its
    // last day; "before July 2006", the last day of the month before.
    const part = PART_OF_MONTH.exec(v);
    const bare = part ? null : BARE_MONTH.exec(v);
    const [which, monthName, year] = part ? [part[1] ?? '', part[2], part[3]] : bare ? [bare[1] ? 'before' : '', bare[2], bare[3]] : ['', undefined, undefined];
    const month = monthName && year ? findDates(`1 ${monthName} ${year}`)[0]?.start : undefined;
    if (month) {
      const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
      if (/mid/i.test(which)) return `${month.slice(0, 8)}15`;
      return new Date(Date.UTC(y, which === 'before' ? m - 1 : m, 0)).toISOString().slice(0, 10);
    }
  }
  // Datatracker's notification without a colon: "Please reply by 2016-06-01".
  const m = /^[ \t]*Please reply by[ \t]+([^\n]{6,40})/im.exec(header);
  return m?.[1] ? (findDates(m[1])[0]?.start ?? null) : null;
}

function statedPurposeOf(header: string): string {
  // ITU-R's "Status: For action", the value on the label's line or the next.
  const status = /^[ \t]*Status[ \t]*:[ \t]*\n?[ \t]*(For (?:action|comment|information))\b/im.exec(header)?.[1];
  return (fieldValue(header, 'Purpose') ?? fieldValue(header, 'For') ?? status)?.toLowerCase() ?? '';
}

/**
 * Liaison fields of a liaison statement; `docGroup` is used as the source when no header names one.
 */
// The template's labels, when a converter ran the header's cells into one line: "For action to: WFD For comment to:
// - For information to: JCA-AHF Approval: … Deadline: 15 October 2013".
const RUN_TOGETHER = / (?=(?:For (?:action|comment|information) to|Approval|Deadline|Contact|Source|Title|Purpose|Question\(s\))\s*:)/g;
// A page that lost even the spaces between the cells: "(TO RAG)For comment to:RAGFor information to:n/aDeadline:n/a".
const GLUED = /(?<=\S)(?=(?:For (?:action|comment|information) to|Deadline|Contact|Approval)\s*:)|(?<=\b(?:For (?:action|comment|information) to|Deadline|Contact|Approval)\s*:)(?=\S)/g;

/** "To: Action: …" on a line: where the field starts (its line is cut at the next field's label). */
const TO_BY_PURPOSE = /(?:^|[ \t])To[ \t]*:[ \t]*(?=(?:Action|Comment|Information)[ \t]*:)/im;
/** The labels after such a field on its line: "Approval:", "For:", "Deadline:" … */
const AFTER_TO = /[ \t](?:Approval|For|Deadline|Contact|Purpose|Source|Title|Keywords|Abstract)[ \t]*:/i;
/** Where one purpose of the field starts: "Action:", "; Information:". */
const PURPOSE_LABEL = /(?:^|[;\s])(Action|Comment|Information)[ \t]*:/gi;

/** The parties of "Action: FG IPTV; Information: ITU-T SG9, 11, 12 …", each with its purpose (split, not backtracked). */
function purposeParts(field: string): Array<{ purpose: AddresseePurpose; value: string }> {
  const labels = [...field.matchAll(PURPOSE_LABEL)];
  return labels.map((m, i) => ({
    purpose: (m[1] ?? 'information').toLowerCase() as AddresseePurpose,
    value: field.slice(m.index + m[0].length, labels[i + 1]?.index ?? field.length).trim().replace(/[;,]+$/, ''),
  }));
}

export function parseLiaison(text: string, docGroup: string | null): LiaisonInfo {
  const header = normalizeGroupSpelling(plainHeader(text, 80))
    .split('\n')
    .map((line) => (line.length > 120 && /For (?:action|comment|information) to\s*:/.test(line) ? line.replace(RUN_TOGETHER, '\n').replace(GLUED, (_m, offset: number, whole: string) => (whole[offset - 1] === ':' ? ' ' : '\n')) : line))
    .join('\n');
  const addressees: Addressee[] = [];
  const push = (list: Addressee[]) => {
    for (const a of list) addAddressee(addressees, a);
  };
  // The parties a "Cc:" or "(COPY To …)" names: still copied, not addressed, when nobody is asked to act.
  const copied = new Set<string>();
  push(parseAddressees(fieldValue(header, 'For action to|For action', 12, true) ?? fieldValue(header, 'Action to'), 'action'));
  push(parseAddressees(fieldValue(header, 'For comment to|For comment'), 'comment'));
  push(parseAddressees(fieldValue(header, 'For information to|For information'), 'information'));
  // An older ITU-T form: "To: Action: FG IPTV; Information: ITU-T SG9, 11, 12, 13, 15, 17, 19, TSAG Approval: …".
  if (addressees.length === 0) {
    const at = TO_BY_PURPOSE.exec(header);
    if (at) {
      const line = header.slice(at.index + at[0].length).split('\n')[0] ?? '';
      const end = AFTER_TO.exec(line)?.index ?? line.length;
      for (const part of purposeParts(line.slice(0, end))) push(parseAddressees(part.value, part.purpose));
    }
  }
  // "Liaison response to ITU-T Q9/15 from IEEE 802.1", "Liaison to IETF/ISOC on ENUM": the title says who and whom.
  const capital = CAPITAL_HEADING.exec(header.slice(0, 3000));
  const phrase = LIAISON_PHRASE.exec(header.slice(0, 3000)) ?? FORWARD_PHRASE.exec(header.slice(0, 3000)) ?? (capital?.groups?.['from2'] && capital.groups['to2'] ? capital : null);
  const phraseTo = phrase?.groups?.['to'] ?? phrase?.groups?.['to2'];
  // A forwarding mail's Subject may name the statement without its sender ("Liaison Statement to IETF CCAMP on …"):
  // the body's "a liaison statement from ITU-T SG15 to IETF CCAMP" still says whose it is.
  const phraseFrom = phrase?.groups?.['from'] ?? phrase?.groups?.['from2'] ?? FORWARD_PHRASE.exec(header.slice(0, 3000))?.groups?.['from2'] ?? null;
  // A mail that forwards a statement says what it is sent for: "a liaison statement from SG15 to CCAMP, sent for action".
  const proseFor =
    phrase && !statedPurposeOf(header)
      ? (/^[^.\n]{0,120}?\bfor\s+(?:your\s+)?(action|comment|information)\b/i.exec(header.slice(phrase.index + phrase[0].length, phrase.index + phrase[0].length + 200))?.[1]?.toLowerCase() ?? '')
      : '';
  const statedPurpose = statedPurposeOf(header) || proseFor;

  // "FOR : ITU-R WP 1/4 for action; others for information": the addressees and their purposes in one field.
  const forField = fieldValue(header, 'For');
  if (addressees.length === 0 && forField && /\bfor (?:action|comment|information)\b/i.test(forField)) {
    let others: AddresseePurpose | null = null;
    for (const part of forField.split(/\s*;\s*/)) {
      const m = /^(.+?)\s+for\s+(action|comment|information)\b/i.exec(part);
      const purpose = (m?.[2] ?? 'information').toLowerCase() as AddresseePurpose;
      if (m?.[1] && /^(?:(?:all\s+)?others?|the rest)$/i.test(m[1].trim())) others = purpose;
      else if (m?.[1]) push(parseAddressees(m[1], purpose));
    }
    // "others": the parties of the "TO" field not named for a purpose of their own ("TO : ITU-T, ITU-R, WP 1/4, etc.").
    if (others && addressees.length > 0) {
      const named = addressees.map((a) => partyWords(a.party));
      for (const item of (fieldValue(header, 'To') ?? '').split(/\s*[,;]\s*|\s+and\s+/)) {
        const words = partyWords(item);
        if (!words || /^etc\.?$/.test(words) || named.some((n) => n.endsWith(words))) continue;
        // A Sector named alone ("ITU-T") is a party here, though a group list would read it as a prefix.
        push(/^ITU-[TRD]$/i.test(item.trim()) ? [{ party: item.trim().toUpperCase(), group: null, questions: [], purpose: others }] : parseAddressees(item, others));
      }
    }
  }

  // The older ITU-T form, Datatracker and 3GPP: "To:" with one stated purpose, "Cc:" for information.
  let unstated = false;
  if (addressees.length === 0) {
    const stated: AddresseePurpose = /action/.test(statedPurpose) ? 'action' : /comment/.test(statedPurpose) ? 'comment' : 'information';
    const to = parseAddressees(fieldValue(header, 'To Groups?') ?? fieldValue(header, 'To'), stated);
    // (A Datatracker page that states the statement is for information or comment is not overruled by the 3GPP body's
    // "ACTION: … kindly requests IETF to take the above information into account".)
    const actions = isDatatracker(text) && /information|comment/.test(statedPurpose) ? null : actionsSection(text);
    unstated = statedPurpose === '' && !actions && to.length > 0;
    for (const a of to) {
      // 3GPP's "Actions" section says which addressee is asked to act ("To SA5:" for the "To: 3GPP SA5" party).
      const asked = actions ? [...actions].find(([party]) => sameBody(party, a.party)) : undefined;
      if (asked) a.purpose = asked[1] ? 'action' : 'information';
      else if (actions) a.purpose = 'information';
    }
    push(to);
    // The role mailboxes Datatracker copies on its own ("The IETF Chair <>", "The IESG <>") are no addressees.
    const cc = fieldValue(header, 'Cc|Copy(?: to)?');
    const ccd = parseAddressees(cc && isDatatracker(text) ? cc.replace(/(?:^|,\s*)The\s+(?:IETF Chair|IESG|IAB|IETF)\s*<[^<>]*>/g, '') : cc, 'information');
    for (const a of ccd) copied.add(a.party);
    push(ccd);
  }

  // Datatracker copies its contacts and lists: bodies are addressees, people and mailing lists are not.
  if (isDatatracker(text)) {
    for (let i = addressees.length - 1; i >= 0; i--) {
      const party = trackerParty((addressees[i] as Addressee).party);
      if (party === null) addressees.splice(i, 1);
      else {
        if (copied.has((addressees[i] as Addressee).party)) copied.add(party);
        (addressees[i] as Addressee).party = party;
      }
    }
  }
  // An old liaison memo ("To: … Cc: … For: Action", see `plainHeader`) lists people and bodies in one run.
  const memo = isFlatMemo(text);
  if (memo) tidyMemoAddressees(addressees, fieldValue(header, 'To') ?? '', text.slice(0, 3000));
  // A liaison written as a letter to a group: "Dear ITU-T SG 16, We are writing in response to the liaison …".
  const letter = LETTER_TO.exec(text.slice(0, 1500));
  if (addressees.length === 0 && letter?.[1]) push(parseAddressees(letter[1], 'information'));
  const phrasePurpose: AddresseePurpose = /action/.test(statedPurpose) ? 'action' : /comment/.test(statedPurpose) ? 'comment' : 'information';
  // Addressees only the heading names ("Liaison Statement to … Study Groups 13 AND 19"), with no purpose stated: the
  // statement's purpose stays unsaid.
  const headingOnly = addressees.length === 0 && phraseTo !== undefined && !statedPurpose;
  if (addressees.length === 0 && phraseTo) push(parseAddressees(phraseTo, phrasePurpose));
  // A mail that forwards a statement and says whom it is for: "It is for action to Q6/17 and for information to SG13".
  if (addressees.length === 0 && phrase) for (const m of header.slice(0, 6000).matchAll(PROSE_ADDRESSED)) push(parseAddressees(m[2] ?? '', (m[1]?.toLowerCase() ?? 'information') as AddresseePurpose));
  // … unless the statement asks them something ("The guidance of the external organisations is sought on the
  // following issues"): they are asked to act.
  if (headingOnly) {
    const asks = text.slice(0, 8000).split(/(?<=[.:;])\s+|\n\s*\n/).filter((x) => REQUEST.test(x)).map((x) => x.toLowerCase().replace(/\s+/g, ' '));
    for (const a of addressees) if (asks.some((x) => x.includes(a.party.toLowerCase()))) a.purpose = 'action';
  }
  const copyTo = addressees.length > 0 ? /\(COPY\s+To\s+([^)]{2,80})\)/i.exec(header.slice(0, 3000)) : null;
  if (copyTo?.[1]) {
    const list = parseAddressees(copyTo[1], 'information');
    for (const a of list) copied.add(a.party);
    push(list);
  }

  // An officer of a body named by its abbreviation ("Chairman, Telecommunication Development Advisory Board (TDAG)"): the body.
  const unlabelled = unlabelledTemplate(header)?.source.replace(/^(?:the\s+)?(?:Vice[- ]?)?(?:Chair(?:man|woman|person)?|Convenor|Rapporteur|Secretariat|Counsellor)s?,?\s+(?:of\s+)?(?:the\s+)?[^()]{3,120}\(([A-Z][A-Za-z0-9-]{1,12})\)\s*$/, '$1');
  let from = fieldValue(header, 'Source|From Groups?|From') ?? phraseFrom ?? unlabelled ?? null;
  // A liaison forwarded in a plain mail: "From: Hiro Oda <tsbsg15@itu.int>" names who sent the mail, not the body
  // whose statement it is; the prose says that ("Please find attached a liaison statement from ITU-T SG15 to IETF
  // CCAMP"), else the sender's secretariat address does.
  const askedBy = () => {
    const asked = ASKED_BY.exec(text.slice(0, 6000))?.[1] ?? SENT_BY.exec(text.slice(0, 6000))?.[1] ?? ISSUED_BY.exec(text.slice(0, 6000))?.[1];
    return asked ? (findGroups(asked)[0]?.group ?? null) : null;
  };
  if (from && /@/.test(from) && !/^[^<@]*\b(?:ITU|SG\s?\d|Study Group|TSAG|IETF|IEEE|ETSI|3GPP|ISO|Forum)\b/i.test(from)) from = phraseFrom ?? askedBy() ?? groupOfAddress(from);
  // An Outlook header copied into the text ("From: Hill, Richard"): the person who sent the mail, not the body.
  if (from && mailPerson(from)) from = phraseFrom ?? askedBy();
  // A JTC 1 cover whose "SOURCE:" is a person, titled "SC34 Liaison Report to SWG Directives": the body in the title.
  const titled = /^[ \t]*TITLE[ \t]*:[ \t|]*([A-Z][\w/ .-]{1,30}?)\s+Liaison\s+(?:Report|Statement|Response)\s+to\s+(?:the\s+)?([A-Z][\w/ .-]{1,40}?)[ \t|]*$/im.exec(header.slice(0, 1500));
  if (titled?.[1] && (!from || PERSON.test(from.replace(/[\s|]+$/, '')))) from = titled[1];
  if (titled?.[2] && addressees.length === 0) push(parseAddressees(titled[2], /action/.test(statedPurpose) ? 'action' : 'information'));
  // The body of such a mail alone (its headers kept apart): "Q.1 of SG2 has asked me to send you the following liaison".
  from ??= askedBy();
  // A statement titled by who writes to whom, with no sender field: "MEF to multiple SDOs on Subscriber L1CS
  // Attributes draft" (a line of its own near the top).
  from ??= header
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, 5)
    .map((l) => /^([A-Z]{2,}[A-Za-z0-9.&-]*(?:\s+(?:[A-Z]{2,}|\d)[\w.&/-]{0,10}){0,3})\s+to\s+\S[^\n]{1,80}?\s+on\s+\S[^\n]{2,}$/.exec(l)?.[1])
    .find((x) => x !== undefined) ?? null;
  // A Datatracker page without "From Group": the "From Contact" when it is a body ("Liaisons at BBF", "Broadband
  // Forum"), else the sending body's liaison mailbox copied ("Liaisons at Broadband Forum <>").
  // A body named in words ("Liaisons at BBF") is no Datatracker slug to spell out ("RTG" is the IETF's Routing Area).
  let bodyNamed = false;
  if (!from && isDatatracker(text)) {
    const contact = fieldValue(header, 'From Contacts?')?.replace(/\s*<[^>]*>\s*/g, ' ').trim() ?? '';
    const mailbox = (s: string) => /\bLiaisons\s+at\s+(.{2,60}?)\s*$/i.exec(s)?.[1] ?? null;
    const person = (s: string) => PERSON.test(s) && !BODY_WORD.test(s);
    const atBody = mailbox(contact) ?? (contact && !person(contact) && !/@/.test(contact) && !ROLE.test(contact) ? contact : null);
    // The title may name the sender: "LS/r to ITU-T SG11 on … [from ITU-T SG12]".
    const titled = /\[from\s+([^\]\n]{2,60})\]/i.exec(header.slice(0, 1500))?.[1] ?? null;
    const copiedBox = [...header.matchAll(/\bLiaisons\s+at\s+([A-Z][\w &.-]{1,60}?)\s*(?:<|,|\n|$)/gm)].map((m) => m[1] ?? '').find((b) => !/^(?:the\s+)?IETF\b/i.test(b));
    from = atBody ?? titled ?? copiedBox ?? null;
    bodyNamed = from !== null;
  }
  // A memo's "From:" that names only people: the body they sign for ("Hal Ortiz (Co-chair IETF MPLS WG)").
  if (memo && (!from || !/\b[A-Z]{2,}/.test(from))) from = SIGNED_FOR.exec(text)?.[1] ?? (from && /\b[A-Z]{2,}/.test(from) ? from : null);
  // A memo with no sender that copies the IETF's liaison archive (statements@ietf.org) is the IETF's.
  if (memo && !from && /\bstatements@ietf\.org\b/i.test(header)) from = 'IETF';
  // A letter signed "on behalf of the IESG".
  if (!from && letter) from = ON_BEHALF.exec(text.slice(-3000))?.[1] ?? null;
  // "Source: Revision 1 to Document 5D/TEMP/413" names a document, not a body: the group line under the header does.
  if (from && /^\(?(?:(?:Revision|Addendum|Corrigendum) \d+ to |Attachment [\d.]+ to )?Documents?\s/i.test(from)) from = ituRGroup(header) ?? /^\s*(Working Party \w+|Study Group \w+)\s*$/im.exec(header)?.[1] ?? null;
  from ??= ituRGroup(header);
  // A list archive's page of the Datatracker's notice sent on by a group's secretariat: the subject over the sender's
  // line ("\"TSB SG17 Secretariat, ITU\" <tsbsg17@itu.int> Mon, 04 May 2026 13:06 UTC").
  if (!from && /\bNew Liaison Statement,/i.test(header.slice(0, 400))) from = groupOfAddress(header.split('\n', 4).join('\n'));
  if (addressees.length === 0 && ALL_GROUPS_ASKED.test(text.slice(0, 20_000))) push([{ party: 'All ITU-T Study Groups', group: null, questions: [], purpose: 'action' }]);
  // ITU-R's heading names the addressees: "LIAISON STATEMENT TO MGWS EXTERNAL ORGANIZATIONS1" (a footnote lists them).
  const headed = addressees.length === 0 ? /^[ \t]*(?:REPLY\s+)?LIAISON STATEMENT TO\s+([A-Z][A-Z0-9 ,&/-]{2,80}?)\d?[ \t]*$/m.exec(header.slice(0, 3000)) : null;
  if (headed?.[1]) push(parseAddressees(headed[1], /action/.test(statedPurpose) ? 'action' : /comment/.test(statedPurpose) ? 'comment' : 'information'));
  // "This liaison statement informs RIT/SRIT Proponents and Independent Evaluation Groups regarding …".
  const informs = addressees.length === 0 ? INFORMS.exec(text.slice(0, 4000)) : null;
  if (informs?.[1]) for (const party of informs[1].split(/\s*,\s*|\s+and\s+/)) push(parseAddressees(party, 'information'));
  const abstractFrom = /\b(?:response|reply|answer|communication) (?:of|from) ((?:ITU-T )?(?:Study Group \d{1,2}|SG\s?\d{1,2}|TSAG)|[A-Z][\w/ -]{2,40}?) to ((?:ITU-T )?(?:Study Group \d{1,2}|SG\s?\d{1,2})|TSAG|[A-Z][\w/ -]{2,40}?)\b/i.exec(text);
  // The phrase is looked for first: the pattern itself would try every offset of the text.
  const compliments = COMPLIMENTS_PHRASE.test(text) ? COMPLIMENTS.exec(text) : null;
  if (!from && abstractFrom?.[1]) from = abstractFrom[1];
  if (!from && compliments?.[1]) from = /\(([A-Z]{3,6})\)/.exec(compliments[1])?.[1] ?? compliments[1];
  if (addressees.length === 0 && abstractFrom?.[2]) push(parseAddressees(abstractFrom[2], 'information'));
  if (addressees.length === 0 && compliments?.[2]) push(parseAddressees(compliments[2], 'information'));
  // Still no addressee: the body of an older statement whose header was lost or never had a "To" line may name it.
  // The body it thanks for its liaison ("ITU-T Q14/15 is grateful to the IETF CCAMP working group for its liaison
  // response"), with the purpose stated; the body it asks something of ("We would welcome suggestions from IAB on the
  // best ways to deal with these issues"), asked to act, though the statement's purpose stays unsaid.
  const body = text.slice(0, 8000);
  const thanked = addressees.length === 0 ? THANKED_FOR_LIAISON.exec(body) : null;
  if (thanked?.[1]) push(parseAddressees(thanked[1].replace(/\s+working group$/i, ' WG'), phrasePurpose));
  const askedOf = addressees.length === 0 ? ASKED_OF.exec(body) : null;
  if (askedOf?.[1]) push(parseAddressees(askedOf[1], 'action'));

  let fromParty = from ? canonicalParty(from) : null;
  // "From Group ITU-T" with "Attachments SG15-LS103": the statement's own number names the group.
  if (fromParty && /^ITU-T$/i.test(fromParty)) fromParty = canonicalGroup(/\b(SG\s?\d{1,2}|TSAG)-LS\d{1,4}\b/.exec(header.slice(0, 6000))?.[1] ?? '') ?? fromParty;
  const source = fromParty ? (isDatatracker(text) && !bodyNamed ? (trackerParty(fromParty) ?? fromParty) : fromParty) : docGroup;
  // The ITU-T template's "Question(s):" field names the source's Questions, not the addressees'.
  const questions = fieldQuestions(fieldValue(header, 'Question\\(s\\)|Questions?'));
  const sourceGroup = source ? canonicalGroup(source) : null;
  // An addressed ITU-T group whose header names no Question: the Questions of that group the text asks or mentions.
  const mentioned = findQuestions(text.slice(0, 20_000)).map((q) => q.id);
  for (const a of addressees) {
    if (a.group && a.questions.length === 0 && a.purpose !== 'information' && parentGroup(a.group) !== sourceGroup) {
      a.questions = mentioned.filter((q) => groupOfQuestion(q) === parentGroup(a.group ?? ''));
    }
  }

  // The people an Outlook header copied into the text addresses ("To: 'Scott Bradner'", "Cc: Klensin, John").
  if (!memo) for (let i = addressees.length - 1; i >= 0; i--) if (mailPerson((addressees[i] as Addressee).party)) addressees.splice(i, 1);
  // An addressee asked to act is not also one informed ("To: IAB, IESG" and "Cc: IESG").
  for (let i = addressees.length - 1; i >= 0; i--) {
    const a = addressees[i] as Addressee;
    if (a.purpose === 'information' && addressees.some((b) => b.party === a.party && b.purpose !== 'information')) addressees.splice(i, 1);
  }
  // A source that copies itself ("Cc: The IAB" on the IAB's own statement) is not an addressee.
  for (let i = addressees.length - 1; i >= 0; i--) if (source && (addressees[i] as Addressee).party === source && (addressees[i] as Addressee).purpose === 'information') addressees.splice(i, 1);
  const acting = addressees.filter((a) => a.purpose !== 'information');
  const informed = addressees.filter((a) => a.purpose === 'information');
  let to = acting.map((a) => a.party);
  let cc = informed.map((a) => a.party);
  // A statement sent for information only: those it is addressed to are its "to", those copied its "cc".
  if (to.length === 0) {
    to = cc.filter((p) => !copied.has(p));
    cc = to.length > 0 ? cc.filter((p) => copied.has(p)) : [];
    if (to.length === 0) to = informed.map((a) => a.party);
  }

  let purpose: LiaisonPurpose | null = null;
  if (askedOf?.[1] && !statedPurpose) purpose = null;
  else if (addressees.some((a) => a.purpose === 'action')) purpose = 'action';
  else if (addressees.some((a) => a.purpose === 'comment')) purpose = 'comment';
  else if (/respon|reply/.test(statedPurpose) || (phrase && /respon|repl/i.test(phrase[0]) && !statedPurpose) || (letter?.[0] && !statedPurpose)) purpose = 'response';
  else if (/information/.test(statedPurpose) || (addressees.length > 0 && !headingOnly) || (headingOnly && SENT_FOR.exec(text.slice(0, 3000))?.[1]?.toLowerCase() === 'information')) purpose = 'information';
  // No purpose fields survived, but the statement says it answers another ("contains the response of SG20 to TSAG").
  else if (abstractFrom?.[0] && /respon|repl|answer/i.test(abstractFrom[0])) purpose = 'response';

  const info: LiaisonInfo = {
    from: source,
    to: uniq(to),
    cc: uniq(cc).filter((c) => !to.includes(c)),
    purpose,
    deadline: deadlineOf(header),
    questions,
    contacts: parseContacts(header),
    addressees,
    repliesTo: findRepliesTo(text, header),
  };
  // (A mail passing a statement on, naming no addressee and no purpose, is as unstated: its reply date asks an answer.)
  if (unstated || (purpose === null && statedPurpose === '' && addressees.length === 0)) UNSTATED.add(info);
  return info;
}

// Statements whose "To:" parties were read as informed only because no purpose was stated (a mail-like "From:/To:").
const UNSTATED = new WeakSet<LiaisonInfo>();

/**
 * `li` with its "To:" parties asked to act, when it states no purpose and yet asks for a reply by a date (`deadline`,
 * from its header or its text): a statement that wants an answer by a day is not sent for information. Otherwise `li`.
 * `read` is the statement as parseLiaison returned it, when `li` is a copy of it.
 */
export function withUnstatedAction(li: LiaisonInfo, deadline: string | null, read: LiaisonInfo = li): LiaisonInfo {
  if (!deadline || !UNSTATED.has(read) || li.purpose === 'action' || li.purpose === 'comment') return li;
  const addressees = (li.addressees ?? []).map((a) => (li.to.includes(a.party) ? { ...a, purpose: 'action' as const } : a));
  return { ...li, addressees, purpose: li.purpose === 'response' ? li.purpose : 'action' };
}

// An ITU-R document's header: "Radiocommunication Study Groups", its meeting, "Source: Document 5D/TEMP/413", its
// date, "English only", then the group that sends it on a line of its own ("Working Party 5D") over the title.
const ITU_R_MASTHEAD = /^\s*Radiocommunication Study Groups\b/im;
const ITU_R_GROUP_LINE = /^\s*(Working Party|Study Group|Task Group)\s+(\d{1,2}[A-Z]?(?:\/\d{1,2})?)\s*$/im;

/** The ITU-R group an ITU-R document's header names on a line of its own ("ITU-R WP 5D"), or `null`. */
function ituRGroup(header: string): string | null {
  if (!ITU_R_MASTHEAD.test(header)) return null;
  const m = ITU_R_GROUP_LINE.exec(header.slice(0, 1500));
  if (!m?.[1] || !m[2]) return null;
  const kind = m[1] === 'Working Party' ? 'WP' : m[1] === 'Study Group' ? 'SG' : 'TG';
  return `ITU-R ${kind} ${m[2]}`;
}

const ITU_PARTY = String.raw`(?:ITU-T\s+)?(?:Q(?:uestions?)?\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|Study Group \d{1,2}|WP\s?\d\/\d{1,2}|TSAG)`;
// Said of the statement itself ("It is for action to Q6/17", "This LS was sent for information to SG13"), or a second
// purpose joined to that ("… and for information to SG13"); a party followed by a purpose of its own ends the list
// ("Q6/17 and SG13 for information").
const PROSE_ADDRESSED = new RegExp(
  String.raw`(?:\b(?:it|this\s+(?:LS|liaison(?:\s+statement)?)|the\s+(?:LS|liaison(?:\s+statement)?))\s+(?:is|was|has\s+been)\s+(?:(?:sent|addressed)\s+)?|\band\s+)for\s+(action|comment|information)\s+to\s+(${ITU_PARTY}\b(?!\s+for\b)(?:\s*(?:,|and|&)\s*${ITU_PARTY}\b(?!\s+for\b))*)`,
  'gi',
);

// "Q14/15 is grateful to the IETF CCAMP working group for its liaison response", "SG11 thanks ITU-T SG12 for its LS".
const THANKED_FOR_LIAISON = /\b(?:(?:is|are)\s+grateful\s+to|thanks?)\s+(?:the\s+)?([A-Z][\w/.' -]{1,60}?)\s+for\s+(?:its|their|the)\s+(?:recent\s+)?(?:reply\s+|response\s+)?(?:liaison|LS)\b/;
// "We would welcome suggestions from IAB on the best ways to …", "would appreciate any views from ISO/IEC JTC 1/SC 6.".
const ASKED_OF = /\bwould\s+(?:welcome|appreciate)\s+(?:any\s+)?(?:suggestions|comments|views|input|feedback|guidance|advice)\s+from\s+(?:the\s+)?([A-Z][\w/ -]{1,40}?)(?:\s+(?:on|about|regarding|concerning|as\s+to)\b|\s*[.,;])/;
const INFORMS = /\bThis liaison statement (?:informs|is (?:sent|addressed) to)\s+([A-Z][^.;:]{2,150}?)\s+(?:regarding|about|of|on|that)\b/;

// "Dear ITU-T SG 16, We are writing in response to the liaison statement …": the group the letter answers.
const LETTER_TO =
  /^\s*Dear ((?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)|[A-Z][A-Za-z0-9-]{1,12}(?: WG| Working Group)?)\s*,\s*(?:\n\s*)*(?:We|I)\b[^.]{0,80}\b(?:in (?:response|reply) to|respond(?:ing)? to|reply(?:ing)? to)\s+(?:the|your)\s+liaison\b/im;
// A signature for a body: "Hal Ortiz (Co-chair IETF MPLS WG)", "(Chair of the IETF PWE3 WG)".
const SIGNED_FOR = /\((?:Co-?)?chair(?:man|person)?,?\s+(?:of\s+)?(?:the\s+)?([A-Z][\w/ -]{1,40}?)\)/i;
const ON_BEHALF = /\bon behalf of (?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})/;
const MEMO_GROUP = /(?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG)(?:\s+Questions?\s+\d{1,2}(?:\/\d{1,2})?)?/g;

/**
 * A flattened memo's addressees: a run of people with a group among them ("Georges Sebek ITU-T SG13 Question 5 Huub
 * van Helvoort") stands for that group, the bodies in a run of people ("Russ Housley IESG IAB Mark Townsley") for
 * themselves, and a run of people alone for no one. With no party left, people at itu.int, or people sent a memo
 * about ITU-T's work ("Our review of ITU-T Recommendation Y.1372"), stand for ITU-T.
 */
function tidyMemoAddressees(addressees: Addressee[], to: string, body: string): void {
  const kept: Addressee[] = [];
  for (const a of addressees) {
    if (canonicalGroup(a.party) || (a.party.split(/\s+/).length <= 2 && !PERSON.test(a.party))) {
      addAddressee(kept, a);
      continue;
    }
    const groups = [...a.party.matchAll(MEMO_GROUP)].flatMap((m) => parseAddressees(m[0], a.purpose));
    if (groups.length > 0) for (const g of groups) addAddressee(kept, g);
    else for (const body of a.party.match(/\b[A-Z]{2,}[A-Z0-9]*\b/g) ?? []) addAddressee(kept, { party: canonicalParty(body), group: canonicalGroup(body), questions: [], purpose: a.purpose });
  }
  if (!kept.some((a) => a.purpose !== 'information') && (/@itu\.int\b/i.test(to) || /\bITU-T\b/.test(body))) kept.unshift({ party: 'ITU-T', group: null, questions: [], purpose: addressees.find((a) => a.purpose !== 'information')?.purpose ?? 'action' });
  addressees.splice(0, addressees.length, ...kept);
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * Who must act on a liaison statement: its action addressees or, when it has none, its comment addressees (old
 * records without addressees: the `to` parties, for action or comment).
 */
export function actingAddressees(l: LiaisonInfo): Addressee[] {
  if (l.addressees) {
    const action = l.addressees.filter((a) => a.purpose === 'action');
    return action.length > 0 ? action : l.addressees.filter((a) => a.purpose === 'comment');
  }
  if (l.purpose !== 'action' && l.purpose !== 'comment') return [];
  return l.to.map((party) => ({ party, group: canonicalGroup(party), questions: [], purpose: l.purpose === 'comment' ? 'comment' : 'action' }));
}

// A sentence asking the addressees for something: "SG13 is invited to …", "SG11 would appreciate SG13's reply",
// "kindly asks SA5 to take …", "two points on which SG13's view is needed:".
const REQUEST =
  /\b(?:(?:is|are)\s+(?:kindly\s+)?(?:invited|requested|asked|encouraged)\s+to|(?<!\b(?:the|a|this|that|your|our|its)\s)(?:kindly\s+)?(?:asks?|requests?|invites?)\s+(?:(?:each|all|every)\s+)?(?:(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|you|your|the|that|[A-Z][\w-]{1,12}))\b(?:[^.]|\.(?=\d)){0,80}?\bto\b|(?<!\b(?:the|a|this|that|your|our|its)\s)(?:kindly\s+)?(?:asks?|requests?|invites?)\s+(?:(?:each|all|every)\s+)?(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|you|[A-Z][\w-]{1,12})(?:\s+(?:study\s+groups?|to))?\s*:\s*$|(?:suggests?|proposes?|recommends?)\s+that\s+(?:ITU-T\s+)?(?:SG\s?\d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|you|[A-Z][\w-]{1,12})\b|would\s+(?:like\s+to\s+ask|appreciate|welcome|be\s+grateful)|(?:views?|comments?|input|feedback|guidance|advice)(?:\s+of\s+[^.]{1,60}?)?\s+(?:is|are)\s+(?:needed|requested|sought|welcome)|please\s+(?:provide|consider|send|review|comment|inform|advise)|ACTION\s*:)/i;

/**
 * What a liaison statement asks of those it addresses, in its own words: the sentences that request something (at
 * most `max`), each with the list items that follow it when it ends with a colon. Wrapped lines are joined into their
 * paragraph first; header fields and a flattened page's run-on text are not read. Pure.
 */
export function requestsOf(text: string, max = 4): string[] {
  const out: string[] = [];
  // Lines of a paragraph, joined; a list item ("1) …", "a) …", "- …") starts a line of its own.
  const lines: string[] = [];
  for (const raw of text.slice(0, 30_000).split('\n')) {
    const line = raw.trim();
    const last = lines.length - 1;
    if (line === '' || last < 0 || lines[last] === '' || LIST_ITEM.test(line) || /^[A-Z][\w ()/-]{1,30}:\s/.test(line)) lines.push(line);
    else lines[last] = `${lines[last] ?? ''} ${line}`;
  }
  for (let i = 0; i < lines.length && out.length < max; i++) {
    const line = lines[i] ?? '';
    // Header fields and the abstract's label are not the statement's words; "ACTION: none" asks nothing.
    if (line === '' || (/^[A-Z][\w ()/-]{1,30}:\s/.test(line) && !/^ACTION\s*:/i.test(line)) || /^ACTION\s*:\s*(?:none|no action|for information|-)\b/i.test(line)) continue;
    for (const sentence of line.split(/(?<=[.!?])\s+(?=[A-Z0-9])/)) {
      if (out.length >= max || sentence.length < 20 || sentence.length > 600 || !REQUEST.test(sentence)) continue;
      let said = sentence.replace(/^(?:\d\.\s*)?Actions?\s*:\s*(?:To\s[^:]{1,40}:\s*)?/i, '').replace(/^ACTION\s*:\s*/i, '').replace(/^\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?=[A-Z])/, '');
      // "… two points on which SG13's view is needed:" followed by "1) …", "2) …".
      if (/:\s*$/.test(sentence)) {
        const points: string[] = [];
        for (let j = i + 1; j < lines.length && points.length < 4; j++) {
          const next = lines[j] ?? '';
          if (next === '') continue;
          if (!LIST_ITEM.test(next)) break;
          points.push(next);
        }
        if (points.length > 0) said = `${said} ${points.join(' ')}`;
      }
      said = said.replace(/\s+/g, ' ').trim();
      if (!out.includes(said)) out.push(said.length > 400 ? `${said.slice(0, 397)}…` : said);
    }
  }
  return out;
}

const LIST_ITEM = /^(?:\d{1,2}[.)]|[a-z][.)]|[-\u2022*])\s*\S/;
