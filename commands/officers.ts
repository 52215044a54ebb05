/**
 * `officers <group|WP|Question> [role]`: who is the rapporteur, associate rapporteur, chair or secretariat of a
 * Question, working party or study group. Answers come from the roster (people the secretariat listed, with their
 * roles) and from stored documents that state a role beside a name ("Contact: Chidi Okafor … Rapporteur, Q11/20"),
 * and say which.
 */
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandContext, type Reply, type ReplyItem, type SourceRef } from '../src/core/command.ts';
import { canonicalGroup, canonicalQuestion, canonicalWorkingParty, groupOfQuestion, studyPeriodOf } from '../src/core/groups.ts';
import type { Person, RoleKind } from '../src/people/roster.ts';
import { groupOfAddress } from '../src/parse/liaison.ts';
import { MONTH_PATTERN } from '../src/parse/normalize.ts';
import { citeOf, type StoredDocument } from '../src/store/facts.ts';
import { dateIn } from '../src/core/time.ts';
import { topicReply } from './topic.ts';
import { findScope, leftover, parseScope, sourceLabel, sourceOf, uniqueSources, unknownGroupReply, type Scope } from './scope.ts';

/** The role asked about; `null` for every role of the scope. */
export type AskedRole = 'rapporteur' | 'associate-rapporteur' | 'chair' | 'vice-chair' | 'secretariat' | 'director' | null;

/** Arguments of `officers`. */
export interface OfficerArgs {
  role: AskedRole;
  scope: Scope;
  /** The year asked about ("who chaired SG17 in 2017"): the documents of that year name who held the role then. */
  year?: number | null;
  /** Asked which Questions a working party has. */
  partyQuestions?: boolean;
}

const officerArgs = z.object({
  role: z.enum(['rapporteur', 'associate-rapporteur', 'chair', 'vice-chair', 'secretariat', 'director']).nullable(),
  /** Asked which Questions a working party has ("which Questions are in WP2/5"). */
  partyQuestions: z.boolean().optional(),
  scope: z.custom<Scope>(),
  year: z.number().nullable().optional(),
});

/** The role named in a question, most specific first. */
const ROLE_WORDS: ReadonlyArray<readonly [RegExp, Exclude<AskedRole, null>]> = [
  [/\b(?:TSB|bureau)(?:'s)?\s+director\b|\bdirector\s+of\s+(?:the\s+)?(?:TSB|Telecommunication\s+Standardi[sz]ation\s+Bureau)\b/i, 'director'],
  [/\bassociate\s+rapporteurs?\b/i, 'associate-rapporteur'],
  [/\brapporteurs?\b/i, 'rapporteur'],
  [/\bvice[- ]?chair(?:s|man|men|person|persons|woman)?\b/i, 'vice-chair'],
  [/\b(?:co-?)?chair(?:s|ed|man|men|person|persons|woman|ing)?\b|\bconven[oe]rs?\b/i, 'chair'],
  [/\b(?:secretariat|secretary|counsellors?|TSB)\b/i, 'secretariat'],
];

/** Words of a question about people that are neither a role nor a group. */
const QUESTION_WORDS =
  /(?:^|\s)(?:who(?:'s|’s)?|whos|is|are|was|the|our|current|new|of|for|at|associate|vice[- ]?|co-?|rapporteurs?|chair(?:s|ed|man|men|person|persons|woman|ing)?|conven[oe]rs?|convenes|convened|runs|were|back|then|secretariat|secretary|counsellors?|TSB|in|charge|now|currently|please|and|its|it|question|contacts?|person|people|responsible|names?|e-?mail|address|about|regarding|ITU|bureau|joining|join|attend|attending|participate|participating|meetings?|talk|to|do|I|should|can|shall|could|ask|how|reach|get|touch|with|details|write|we|right|today|these|days|moment|presently)(?=\s|$)/gi;

/** A month named beside a meeting ("the SG12 meeting in May 2027", "the May meeting"): it names the meeting. */
const MEETING_MONTH = new RegExp(String.raw`\b(?:(?:in|of|during|for)\s+)?(?:${MONTH_PATTERN})\.?(?:\s+(?:19|20)\d{2})?\b`, 'gi');

/** Read "who is the rapporteur of Q4/20" (or, after /officers, "Q4/20 rapporteur") into a role and a scope. */
export function parseOfficerText(rest: string): OfficerArgs {
  const asked = (rest.length > 2000 ? rest.slice(0, 2000) : rest).replace(/[?!.]+\s*$/, '');
  // "in 2017": who held the role then.
  const yearWritten = /\b(?:in|during)\s+((?:19|20)\d{2})\b/i.exec(asked);
  const year = yearWritten ? Number(yearWritten[1]) : null;
  // "the SG12 2027 meeting": the year names the meeting, not when the role was held.
  // "the SG12 meeting in May 2027", "the May meeting": the month names the meeting too.
  const unyeared = (yearWritten ? asked.replace(yearWritten[0], ' ') : asked).replace(/\b(?:19|20)\d{2}\s+(?=(?:plenary\s+)?meetings?\b)/gi, ' ');
  const text = /\bmeetings?\b/i.test(asked) ? unyeared.replace(MEETING_MONTH, ' ') : unyeared;
  // "which Questions are in WP2/5", "what Questions does WP2/5 cover": the working party's Questions.
  const party = /^\s*(?:which|what)\s+questions\b/i.test(text) ? /\b(?:WP|working party)\s?\d\/\d{1,2}\b/i.exec(text)?.[0] : undefined;
  const partyScope = party ? parseScope(party) : null;
  if (partyScope?.kind === 'group' && partyScope.workingParty) return { role: null, scope: partyScope, partyQuestions: true };
  const parsed = parseRoleAndScope(text);
  // "who should I email about the SG12 meeting": its secretariat, whose contact the letter gives.
  // … or about a side event: whom its letter names.
  if (parsed.role === null && /\b(?:e-?mail|write to|contact|ask)\b/i.test(text) && /\b(?:meetings?|workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?|side events?)\b/i.test(text)) parsed.role = 'secretariat';
  // "who is the contact for WP3/17": the group's contact is its secretariat.
  if (parsed.role === null && /^\s*(?:who(?:'s|’s| is| are)?|whos)\s+(?:the\s+|our\s+)?(?:main\s+|TSB\s+)?contacts?\b/i.test(text)) parsed.role = 'secretariat';
  return year === null ? parsed : { ...parsed, year };
}

function parseRoleAndScope(text: string): OfficerArgs {
  const role = ROLE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
  const { scope, rest: words } = findScope(text);
  const withoutRoles = ROLE_WORDS.reduce((t, [re]) => t.replace(new RegExp(re.source, 'gi'), ' '), words);
  const left = leftover(withoutRoles.replace(QUESTION_WORDS, ' ').replace(QUESTION_WORDS, ' '));
  if (scope === null) return { role, scope: left === '' ? { kind: 'all' } : { kind: 'unknown', text: left } };
  // "the Muscat SG13RG-ARB meeting": a town's name (capitalised, one word) beside the meeting names the meeting.
  const town = scope.kind !== 'unknown' && /^\p{L}+$/u.test(left) && new RegExp(String.raw`(?<!\p{L})\p{Lu}${RegExp.escape(left.slice(1))}(?!\p{L})[^?!.]{0,40}\b[Mm]eetings?\b`, 'u').test(text);
  if (scope.kind !== 'unknown' && left !== '' && !town) return { role, scope: { kind: 'unknown', text: leftover(text.replace(QUESTION_WORDS, ' ').replace(QUESTION_WORDS, ' ')) } };
  return { role, scope };
}

/** Where a role applies, canonical: `Q4/20`, `WP1/20`, `SG20`. */
function scopeKey(scope: Scope): string | null {
  if (scope.kind === 'question') return scope.question;
  if (scope.kind === 'group') return scope.workingParty ?? scope.group;
  return null;
}

/** The study group a canonical scope belongs to: `Q4/20` and `WP1/20` → `SG20`. */
function groupOf(scope: string): string {
  const m = /^(?:Q|WP)\d+\/(\d+|TSAG)$/.exec(scope);
  if (!m?.[1]) return scope;
  return m[1] === 'TSAG' ? 'TSAG' : `SG${m[1]}`;
}

/** The role kinds an asked role stands for at a scope: a study group's chair is `sg-chair`, a WP's `wp-chair`. */
function kindsFor(role: AskedRole, scope: string): RoleKind[] {
  const chair: RoleKind = /^WP/.test(scope) ? 'wp-chair' : /^Q/.test(scope) ? 'rapporteur' : 'sg-chair';
  switch (role) {
    case 'rapporteur':
      return ['rapporteur', 'associate-rapporteur'];
    case 'associate-rapporteur':
      return ['associate-rapporteur'];
    case 'chair':
      return [chair];
    case 'vice-chair':
      return [];
    case 'secretariat':
      return ['secretariat'];
    default:
      return ['rapporteur', 'associate-rapporteur', 'wp-chair', 'sg-chair', 'secretariat'];
  }
}

/** Whether a held role's scope answers a question about `asked`: a Question's own, or any under an asked group. */
function covers(held: string | null, asked: string, kind: RoleKind): boolean {
  if (held === null) return kind === 'secretariat';
  if (held === asked) return true;
  // Asked about a study group: its Questions' rapporteurs and its working parties' chairs belong to it.
  return /^(?:SG|TSAG)/.test(asked) && groupOf(held) === asked && held !== asked;
}

const KIND_LABELS: Record<string, string> = {
  rapporteur: 'Rapporteur',
  'associate-rapporteur': 'Associate rapporteur',
  'wp-chair': 'Chair',
  'sg-chair': 'Chair',
  'vice-chair': 'Vice-chair',
  secretariat: 'Secretariat',
};

/** A role held by someone, as an answer lists it. */
interface Holder {
  name: string;
  email: string | null;
  kind: RoleKind | 'vice-chair';
  scope: string | null;
  origin: 'roster' | 'document';
  source: SourceRef;
  /** Date of the document stating it (a role stated years ago may have changed hands). */
  date: string | null;
  /** How a later letter points to them when it does not name them: "its reference line's initials SG13/HA". */
  via?: string;
}

/**
 * Asked who holds a role now, when the newest document naming anyone is of an earlier study period (officers are
 * appointed at each assembly): say so, rather than let a name of 2016 pass for today's.
 */
function staleNote(holders: readonly Holder[], year: number | null, now: number): string[] {
  if (year !== null || holders.some((h) => h.origin === 'roster')) return [];
  const newest = holders.map((h) => h.date ?? '').sort().at(-1) ?? '';
  const asOf = new Date(now).toISOString().slice(0, 10);
  if (!newest || studyPeriodOf(newest) === studyPeriodOf(asOf)) return [];
  return [`The newest document naming them is of ${newest}, a study period before today's; officers are appointed anew each study period, so they may have changed. The roster or the study group's page has the current ones.`];
}

function holderItem(h: Holder): ReplyItem {
  return {
    text: `${KIND_LABELS[h.kind] ?? h.kind} of ${h.scope ?? 'all groups'}: ${h.name}${h.email ? ` <${h.email}>` : ''}`,
    detail: h.origin === 'roster' ? 'from the roster' : `${h.via ? `${h.via} ` : 'stated in '}${sourceLabel(h.source)}${h.date ? ` of ${h.date}` : ''}${h.source.title && h.source.title !== sourceLabel(h.source) ? ` (${h.source.title})` : ''}`,
    source: h.source,
  };
}

const ROSTER_SOURCE: SourceRef = { docId: null, reference: null, title: 'sgbot roster', kind: 'roster' };

function fromRoster(people: Person[], kinds: RoleKind[], asked: string): Holder[] {
  const out: Holder[] = [];
  for (const p of people)
    for (const r of p.roles)
      if (kinds.includes(r.kind) && covers(r.scope, asked, r.kind)) out.push({ name: p.name, email: p.email, kind: r.kind, scope: r.scope, origin: 'roster', source: ROSTER_SOURCE, date: null });
  return out;
}

/** A role and where it applies, as documents write them: "Rapporteur, Q11/20", "Chair, Working Party 1/20". */
const ROLE_TEXT = String.raw`(Associate\s+Rapporteur|Rapporteur|Vice[- ]?Chair(?:man|person)?|Chair(?:man|person)?)`;
const SCOPE_TEXT = String.raw`(Q(?:uestion)?\s?\d{1,2}\s?\/\s?\d{1,2}|(?:WP|Working\s+Party)\s?\d{1,2}\s?\/\s?\d{1,2}|(?:ITU-T\s+)?(?:SG|Study\s+Group)\s?\d{1,2}|TSAG)`;
const NAME = String.raw`(\p{Lu}[\p{L}'’.-]+(?: (?!E-?mail|Tel|Phone|Fax)\p{Lu}[\p{L}'’.-]+){0,3})`;
/** "Contact: Name<tab>E-mail: x" and, on the next line, "Rapporteur, Q11/20". */
const CONTACT = new RegExp(String.raw`Contact:[ \t]*${NAME}(?:[^\n]*?E-?mail:[ \t]*([^\s@]+@[^\s,;]+))?[^\n]*\n[ \t]*${ROLE_TEXT}[ \t]*(?:,|of|for)[ \t]*${SCOPE_TEXT}`, 'gu');
/** "the Rapporteur for Question 6/5, Mr Laurent Girard". */
const TITLED = new RegExp(String.raw`\b${ROLE_TEXT}[ \t]+(?:of|for)[ \t]+${SCOPE_TEXT},?[ \t]+(?:Mr|Ms|Mrs|Dr|Prof)\.?[ \t]+${NAME}`, 'gu');
const HONORIFIC = String.raw`(?:Mr|Ms|Mrs|Dr|Prof)\.?`;
/** A name that starts with its honorific ("Mr X"), or the honorific alone. */
const HONORIFIC_FIRST = new RegExp(String.raw`^${HONORIFIC}(?:\s+|$)`);
/** "Mr Hyoung Jun Kim (Republic of Korea), Chair, SG20", "Mr Lukas Brenner, Chairman of Study Group 13", "Oscar Hadid, Chair Q9/15". */
const FOLLOWED = new RegExp(
  String.raw`(?:${HONORIFIC}[ \t]*)?${NAME}[ \t]*(?:\([^()\n]{2,40}\))?,[ \t]*${ROLE_TEXT}(?:[ \t]*,|[ \t]+(?:of|for))?[ \t]+(?:the[ \t]+)?${SCOPE_TEXT}\b`,
  'gu',
);
/** "Mr Hyoung Jun Kim (Chair, ITU-T SG20)". */
const BRACKETED = new RegExp(String.raw`${HONORIFIC}[ \t]*${NAME}[ \t]*\([ \t]*${ROLE_TEXT}(?:[ \t]*,|[ \t]+of)?[ \t]+(?:the[ \t]+)?${SCOPE_TEXT}[ \t]*\)`, 'gu');
/**
 * "the Chairman of the Study Group 15, Dr Walter Brandt", "the Chairman of the Study Group (Mr Arnold Weber, USA)",
 * "the Chairman of the study group, Mr Jin-Ho Kang": the group named, else the document's.
 */
const OWN_GROUP = new RegExp(
  String.raw`\b(Vice[- ]?Chair(?:man|person)?|Chair(?:man|person)?)[ \t]+of[ \t]+the[ \t]+study[ \t]+group(?:[ \t]+(\d{1,2}))?,?[ \t]*\(?[ \t]*${HONORIFIC}[ \t]*${NAME}`,
  'giu',
);
/** A slide's "SG20RG-LATAM Chairman: Juan Pablo Martín", "WP1/20 Chair: Ana Silva". */
const LABELLED = new RegExp(String.raw`(?:^|\n)[ \t]*((?:ITU-T\s+)?(?:SG\s?\d{1,2}(?:RG-[A-Z]{2,5})?|WP\s?\d{1,2}\/\d{1,2}|Q\d{1,2}\/\d{1,2}|TSAG))[ \t]+${ROLE_TEXT}[ \t]*:[ \t]*${NAME}`, 'gu');
/**
 * A TSB letter's contact block: "Contact: Kenji Watanabe / Tel: … / E-mail: tsbsg17@itu.int" names the counsellor of
 * the study group whose mailbox it gives.
 */
const SECRETARIAT_CONTACT = new RegExp(String.raw`(?:^|\n)[ \t]*Contact[ \t]*:[ \t]*${NAME}[^\n]*(?:\n[^\n]*){0,3}?\bE-?mail[ \t]*:[ \t]*(tsb(?:sg\d{1,2}|tsag)@itu\.int)\b`, 'giu');
/** A signature: "Hiro Oda" over "Counsellor, ITU-T SG15". */
const SIGNED_COUNSELLOR = new RegExp(String.raw`(?:^|\n)[ \t]*${NAME}[ \t]*\n[ \t]*Counsellor,?[ \t]+(?:of[ \t]+)?(?:ITU-T[ \t]+)?(SG\s?\d{1,2}|Study\s+Group\s+\d{1,2}|TSAG)\b`, 'gu');
/** "chaired by the Rapporteur, Mr Laurent Girard": the Question is the document's only one. */
const BARE = new RegExp(String.raw`\bthe[ \t]+(Associate[ \t]+Rapporteur|Rapporteur),[ \t]+(?:Mr|Ms|Mrs|Dr|Prof)\.?[ \t]+${NAME}`, 'gu');

function canonicalRoleScope(text: string): string | null {
  return canonicalQuestion(text.replace(/^Question\s*/i, '')) ?? canonicalWorkingParty(text) ?? canonicalGroup(text);
}

function kindOf(role: string, scope: string): RoleKind | 'vice-chair' {
  if (/^associate/i.test(role)) return 'associate-rapporteur';
  if (/^rapporteur/i.test(role)) return 'rapporteur';
  if (/^vice/i.test(role)) return 'vice-chair';
  return /^WP/.test(scope) ? 'wp-chair' : /^Q/.test(scope) ? 'rapporteur' : 'sg-chair';
}

/**
 * A name whose spaces a flattened page lost ("Jin-HoKang"), with them again ("Jin-Ho Kang"): a name of one word only,
 * split where a capital follows a small letter, except after a prefix written so ("McDonald", "DeMarco", "LeBlanc").
 */
export function unglued(name: string): string {
  if (/\s/.test(name)) return name;
  return name.replace(/(?<=(\p{Lu}[\p{Ll}'’.-]*))(?<=\p{Ll})(?=\p{Lu})/gu, (_m, before: string) => (/^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O')$/.test(before) ? '' : ' '));
}

/** Names with roles stated in a document's text. */
export function statedOfficers(
  text: string,
  onlyQuestion: string | null,
  ownGroup: string | null = null,
): Array<{ name: string; email: string | null; kind: RoleKind | 'vice-chair'; scope: string }> {
  const out: Array<{ name: string; email: string | null; kind: RoleKind | 'vice-chair'; scope: string }> = [];
  const add = (name: string | undefined, email: string | null, role: string | undefined, scopeText: string | null) => {
    const scope = scopeText ? canonicalRoleScope(scopeText.replace(/\s+/g, ' ')) : null;
    if (!name || !role || !scope) return;
    const kind = kindOf(role, scope);
    // A flattened mail header runs its label into the first name: "Cc Mr. P-L. Brunner, Chairman of SG16".
    const clean = unglued(name.trim().replace(/[.,]+$/, '').replace(/^(?:Cc|Bcc|To|From|Attn|Attention)\.?\s+/, '').replace(HONORIFIC_FIRST, ''));
    if (!clean || HONORIFIC_FIRST.test(clean)) return;
    if (!out.some((o) => o.name === clean && o.kind === kind && o.scope === scope)) out.push({ name: clean, email, kind, scope });
  };
  for (const m of text.matchAll(CONTACT)) add(m[1], m[2] ?? null, m[3], m[4] ?? null);
  // In a list of "Name, Role" entries ("Mr. P-L. Brunner, Chairman of SG16 Mr. H. Visser, Vice-Chairman of SG16"), a
  // role after a comma belongs to the name before it, not to the one after.
  for (const m of text.matchAll(TITLED)) if (!/,[ \t]*$/.test(text.slice(Math.max(0, m.index - 3), m.index))) add(m[3], null, m[1], m[2] ?? null);
  // Without "Mr"/"Ms" a name has two words at least: "Geneva, Switzerland, Chair, TSAG" names no one.
  for (const m of text.matchAll(FOLLOWED)) if (HONORIFIC_FIRST.test(m[1] ?? '') || /\s/.test(m[1] ?? '')) add(m[1], null, m[2], m[3] ?? null);
  for (const m of text.matchAll(BRACKETED)) add(m[1], null, m[2], m[3] ?? null);
  if (onlyQuestion) for (const m of text.matchAll(BARE)) add(m[2], null, m[1], onlyQuestion);
  for (const m of text.matchAll(OWN_GROUP)) {
    const group = m[2] ? `SG${m[2]}` : ownGroup;
    if (group) add(m[3], null, m[1], group);
  }
  for (const m of text.matchAll(LABELLED)) add(m[3], null, m[2], m[1] ?? null);
  const addSecretariat = (name: string | undefined, email: string | null, group: string | null) => {
    if (group && name && !out.some((o) => o.name === name && o.kind === 'secretariat' && o.scope === group)) out.push({ name, email, kind: 'secretariat', scope: group });
  };
  for (const m of text.matchAll(SIGNED_COUNSELLOR)) addSecretariat(m[1]?.trim(), null, canonicalGroup((m[2] ?? '').replace(/^Study\s+Group\s+/i, 'SG')));
  for (const m of text.matchAll(SECRETARIAT_CONTACT)) {
    const name = m[1]?.trim().replace(/[.,]+$/, '').replace(HONORIFIC_FIRST, '');
    const group = groupOfAddress(m[2] ?? '');
    // A letter of a study group's regional group gives the study group's mailbox: its contact is the regional group's.
    addSecretariat(name, m[2] ?? null, group && ownGroup?.startsWith(`${group}RG-`) ? ownGroup : group);
  }
  return out;
}

/** The signature of a TSB letter: the Director's name on the line above the title (after "(signed)", if any). */
const DIRECTOR_SIGNATURE = /(?:^|\n)[ \t]*(\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,3})[ \t]*\n[ \t]*Director,?[ \t]+(?:of[ \t]+the[ \t]+)?Telecommunication\s+Standardi[sz]ation\s+Bureau/u;

/** Who the Director of TSB is: the name that signs the latest stored TSB letters. */
async function directorReply(ctx: CommandContext): Promise<Reply> {
  const index = await ctx.search();
  const hits = await index.search('Director Telecommunication Standardization Bureau', DOCS_READ);
  const signed: Array<{ name: string; doc: StoredDocument }> = [];
  for (const hit of hits) {
    const [doc, text] = await Promise.all([ctx.store.getDocument(hit.id), ctx.store.getText(hit.id)]);
    if (!doc || !text || citeOf(doc).unverified) continue;
    const name = DIRECTOR_SIGNATURE.exec(text.slice(-4000))?.[1];
    if (name && !/^(?:Yours|Kind|Best|Faithfully|Signed)\b/i.test(name)) signed.push({ name, doc });
  }
  signed.sort((a, b) => (b.doc.parsed.date ?? '').localeCompare(a.doc.parsed.date ?? ''));
  // As of the asking day: a letter dated later (an addendum stored ahead of its date) does not yet say who signs.
  const today = dateIn(ctx.now, ctx.tz);
  const latest = signed.find((x) => (x.doc.parsed.date ?? '') <= today) ?? signed[0];
  if (!latest) {
    return noAnswer('E_NOT_FOUND', 'Not found: no stored TSB letter is signed by the Director of TSB.', ['The Director signs collective letters and circulars: search Director Telecommunication Standardization Bureau'], { role: 'director', holders: [] });
  }
  const source = sourceOf(citeOf(latest.doc));
  return {
    ok: true,
    title: `Director of TSB: ${latest.name}`,
    sections: [{ items: [{ text: `${latest.name}, Director of the Telecommunication Standardization Bureau`, detail: `signs ${sourceLabel(source)}${latest.doc.parsed.date ? ` of ${latest.doc.parsed.date}` : ''}`, source }] }],
    notes: ['As the latest stored letter signed by the Director gives it.'],
    sources: [source],
    data: { role: 'director', holders: [{ name: latest.name, kind: 'director', scope: 'TSB', origin: 'document', date: latest.doc.parsed.date }] },
  };
}

/** Documents read at most for one question: the best matches of a few searches. */
const DOCS_READ = 20;

async function fromDocuments(ctx: CommandContext, kinds: Array<RoleKind | 'vice-chair'>, asked: string): Promise<Holder[]> {
  const index = await ctx.search();
  const n = /^(?:Q|WP)(\d+)\/(\d+|TSAG)$/.exec(asked);
  const names = /^Q/.test(asked) ? [asked, `Question ${n?.[1]}/${n?.[2]}`] : /^WP/.test(asked) ? [asked, `Working Party ${n?.[1]}/${n?.[2]}`] : [asked, `Study Group ${asked.slice(2)}`];
  const words = kinds.some((k) => k.includes('rapporteur')) ? ['rapporteur'] : kinds.length === 1 && kinds[0] === 'secretariat' ? [] : ['chair', 'chairman'];
  if (kinds.includes('secretariat')) words.push('contact', 'counsellor');
  if (kinds.includes('rapporteur') && kinds.includes('sg-chair')) words.push('chair');
  const ids = new Set<string>();
  for (const w of words) for (const name of names) for (const hit of await index.search(`${w} ${name}`, DOCS_READ)) if (ids.size < DOCS_READ * 2) ids.add(hit.id);
  const out: Holder[] = [];
  const mailboxPeople: Array<{ name: string; email: string | null; named: string }> = [];
  let initialled: { initials: string; line: string; doc: StoredDocument } | null = null;
  let mailbox: { email: string; doc: StoredDocument } | null = null;
  const today = dateIn(ctx.now, ctx.tz);
  for (const id of ids) {
    const [doc, text] = await Promise.all([ctx.store.getDocument(id), ctx.store.getText(id)]);
    if (!doc || !text || doc.supersededBy) continue;
    // "the Rapporteur, Mr X" names the Question of a document about one: the one its title names, else its only one.
    const inTitle = [...new Set((doc.parsed.title?.match(/\bQ(?:uestion)?\s?\d{1,2}\/\d{1,2}\b/gi) ?? []).map((q) => canonicalQuestion(q.replace(/^Question\s*/i, ''))))];
    const questions = inTitle.length > 0 ? inTitle : doc.parsed.questions.map((q) => q.id);
    for (const o of statedOfficers(text, questions.length === 1 ? (questions[0] ?? null) : null, doc.parsed.group)) {
      // The contact of the study group's regional group's letter, from the study group's mailbox: one the group's own
      // letters may point to by initials (below).
      if (o.kind === 'secretariat' && o.scope.startsWith(`${asked}RG-`)) mailboxPeople.push({ name: o.name, email: o.email, named: sourceLabel(sourceOf(citeOf(doc))) });
      if (!kinds.includes(o.kind) || !covers(o.scope, asked, o.kind as RoleKind)) continue;
      out.push({ name: o.name, email: o.email, kind: o.kind, scope: o.scope, origin: 'document', source: sourceOf(citeOf(doc)), date: doc.parsed.date });
    }
    const initials = (doc.parsed.kind === 'collective-letter' || doc.parsed.kind === 'circular') && doc.parsed.group === asked ? REFERENCE_INITIALS.exec(text.slice(0, 800)) : null;
    // The group's secretariat mailbox its newest letter gives in its header ("E-mail: tsbsg20@itu.int"), for when no
    // letter names a person.
    const box = (doc.parsed.kind === 'collective-letter' || doc.parsed.kind === 'circular') && doc.parsed.group === asked ? /^[ \t]*E-?mail[ \t]*:[ \t]*(tsb(?:sg\d{1,2}|tsag)@itu\.int)\b/im.exec(text.slice(0, 1500))?.[1] : undefined;
    if (box && groupOfAddress(box) === asked && (doc.parsed.date ?? '') <= today && (doc.parsed.date ?? '') > (mailbox?.doc.parsed.date ?? '')) mailbox = { email: box, doc };
    // (As of the asking day: a letter dated later does not yet say who the counsellor is.)
    if (initials?.[1] && canonicalGroup(initials[1]) === asked && initials[2] && (doc.parsed.date ?? '') <= today && (doc.parsed.date ?? '') > (initialled?.doc.parsed.date ?? '')) initialled = { initials: initials[2], line: `${initials[1]}/${initials[2]}`, doc };
  }
  // A study group's newest letter that names no contact still carries its counsellor's initials ("SG13/HA"): when they
  // are those of a person a letter from the group's mailbox named, that person is its counsellor as of that letter.
  if (kinds.includes('secretariat') && initialled) {
    const named = out.filter((o) => o.kind === 'secretariat');
    const newest = named.reduce((a, b) => ((b.date ?? '') > (a ?? '') ? (b.date ?? '') : a), '' as string);
    const { initials, line, doc } = initialled;
    const person = [...named.map((o) => ({ name: o.name, email: o.email, named: sourceLabel(o.source) })), ...mailboxPeople].find((p) => initialsOf(p.name) === initials);
    if (person && (doc.parsed.date ?? '') > newest && !named.some((o) => o.name === person.name && o.date === doc.parsed.date)) {
      out.push({ name: person.name, email: person.email, kind: 'secretariat', scope: asked, origin: 'document', source: sourceOf(citeOf(doc)), date: doc.parsed.date, via: `named in ${person.named}; the initials ${line} are in` });
    }
  }
  // No letter names the group's counsellor: its secretariat is reached through the mailbox its letters give.
  if (kinds.includes('secretariat') && mailbox && !out.some((o) => o.kind === 'secretariat')) {
    out.push({ name: `the ${asked} secretariat at TSB`, email: mailbox.email, kind: 'secretariat', scope: asked, origin: 'document', source: sourceOf(citeOf(mailbox.doc)), date: mailbox.doc.parsed.date, via: 'the mailbox given, with no name, in' });
  }
  return out;
}

/** A TSB letter's reference line: "SG13/HA", "TSB/SG17/KW" (the study group, then its counsellor's initials). */
const REFERENCE_INITIALS = /(?:^|\n)[ \t]*(?:Ref(?:erence)?\.?[ \t]*:?[^\n]*\n)?[ \t]*(?:TSB[ \t]*\/[ \t]*)?(SG[ \t]?\d{1,2}|TSAG)[ \t]*\/[ \t]*([A-Z]{2,3})\b/;

/** A person's initials: "Hassan Al-Amri" → "HA", "Kenji Watanabe" → "KW". */
function initialsOf(name: string): string {
  const words = name.replace(/^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+/i, '').split(/\s+/).filter(Boolean);
  return words.length >= 2 ? `${words[0]?.[0] ?? ''}${words.at(-1)?.[0] ?? ''}`.toUpperCase() : '';
}

/** Order of roles in an answer. */
const KIND_ORDER = ['sg-chair', 'vice-chair', 'wp-chair', 'rapporteur', 'associate-rapporteur', 'secretariat'];

/** "WP2/5 (Environment, …) with Questions 6/5, 7/5 and 8/5", "Questions of this Working Party (Questions 6/17, 7/17 …)". */
const QUESTION_LIST = String.raw`Questions?\s+((?:\d{1,2}\/\d{1,2}|\d{1,2})(?:\s*(?:,|and|&|to|-|–)\s*(?:\d{1,2}\/\d{1,2}|\d{1,2}))*)`;

/**
 * Which Questions a working party has, as the letters of its study group's meetings say ("WP2/5 (Environment, energy
 * efficiency and circular economy) with Questions 6/5, 7/5 and 8/5"): the sentence, with its letter.
 */
async function partyQuestionsReply(ctx: CommandContext, group: string, party: string): Promise<Reply> {
  const [n, g] = party.slice(2).split('/');
  const named = new RegExp(String.raw`(?:\bWP\s?${n}\s?\/\s?${g}\b|\bWorking Party ${n}\/${g}\b)[^;\n]{0,160}?\b${QUESTION_LIST}`, 'i');
  const meetings = [...(await ctx.store.meetings(group, 0, 50)), ...(await ctx.store.meetings(group, ctx.now, 20, true))];
  const seen = new Set<string>();
  for (const m of meetings) {
    const id = m.source.docId;
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const text = ((await ctx.store.getText(id)) ?? '').slice(0, 60_000);
    const hit = named.exec(text);
    if (!hit?.[1]) continue;
    // The sentence on to its end ("… 10/17) will meet.").
    const rest = /^[^.;\n]{0,120}[.;]?/.exec(text.slice(hit.index + hit[0].length))?.[0] ?? '';
    const source = sourceOf(m.source);
    const list = hit[1].replace(/\s+/g, ' ').trim();
    return { ok: true, title: `${party}: Questions ${list}`, sections: [{ items: [{ text: `${hit[0]}${rest}`.replace(/\s+/g, ' ').trim(), source }] }], notes: [`As ${sourceLabel(source)} gives them.`], sources: [source], data: { party, questions: list } };
  }
  return { ok: false, code: 'E_NOT_FOUND', title: `No stored letter says which Questions ${party} has`, sections: [], notes: [`The letters announcing ${group}'s meetings usually list each working party's Questions; ask "/meeting ${group}" for the latest.`], sources: [], data: null };
}

const officersCommand = defineCommand({
  name: 'officers',
  aliases: ['rapporteurs'],
  summary: 'Who is the rapporteur, chair or secretariat of a Question, working party or study group (roster and documents).',
  usage: 'officers <Q4/20|WP1/20|SG20> [rapporteur|chair|secretariat]',
  examples: ['officers Q11/20', 'officers SG17 chair', 'who is the rapporteur of Q4/20', 'who chairs WP1/20'],
  args: officerArgs,
  parseText: parseOfficerText,
  intents: [
    // "who is the rapporteur of Q4/20", "who's the chair of study group 17?", "who are the associate rapporteurs for Q11/20"
    /^(?<arg>(?:who(?:'s|’s| is| are| was)?|whos) (?:the |our )?(?:current |new )?(?:associate |vice[- ]?|co-?)?(?:rapporteurs?|chair(?:s|man|men|person|persons|woman)?|conven[oe]rs?|secretariat|secretary|counsellors?|TSB counsellors?|(?:TSB|secretariat) contacts?|(?:TSB |bureau )?director)\b.*)$/i,
    // "who was tsag chairman in 2017", "who is the sg17 counsellor"
    /^(?<arg>who(?:'s|’s| is| was| are| were) (?:the )?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG|Q\d{1,2}\/\d{1,2}|WP\d{1,2}\/\d{1,2})(?:['’]s)? (?:associate |vice[- ]?|co-?)?(?:rapporteurs?|chair(?:s|man|men|person|woman)?|conven[oe]rs?|counsellors?|secretary)\b.*)$/i,
    // "who chairs WP1/20", "who is chairing SG 20", "who chaired sg17 in 2017"
    /^(?<arg>who (?:chairs|is chairing|chaired|convenes|convened) .*)$/i,
    // "whats the email of the sg21 secretariat?", "phone number for the rapporteur of Q4/20": the person, with how to reach them.
    /^(?:(?:what(?:'s|’s| is| are)?|whats|give me|tell me)\s+)?(?:the\s+)?(?:e-?mail(?:\s+address(?:es)?)?|mail address|(?:postal\s+)?address|phone(?:\s+number)?|telephone(?:\s+number)?|contact(?:\s+details)?)\s+(?:of|for)\s+(?=[^?!]*\b(?:secretariat|secretary|rapporteurs?|chair(?:s|man|person)?|counsellors?|conven[oe]rs?)\b)(?<arg>[^?!]{3,80}?)\s*[?!.]*$/i,
    // "what's the secretariat email?", "the rapporteur's e-mail for Q4/20": that role's person and address.
    /^(?:(?:what(?:'s|’s| is| are)?|whats|give me|tell me)\s+)?(?:the\s+)?(?<arg>(?:secretariat|secretary|rapporteurs?|chair(?:man|person)?|counsellors?|conven[oe]rs?)(?:['’]s)?\s+(?:e-?mail(?:\s+address)?|mail address|address|phone(?:\s+number)?|contact(?:\s+details)?)(?:\s+(?:for|of|at)\s+[^?!]{2,60}?)?)\s*[?!.]*$/i,
    // "who is the tsag contact at tsb", "sg11 contact in the secretariat?"
    // "which Questions are in WP2/5", "what Questions does WP2/5 cover": the working party's Questions.
    /^(?<arg>(?:which|what) questions (?:are |is |does |do )?(?:in|under|of|belong to|part of|covered by|cover|covers|handled (?:by|in)|does)?\s*(?:the )?(?:WP\s?\d\/\d{1,2}|working party \d\/\d{1,2})\b.*)$/i,
    // "who is the contact for WP3/17", "contact person for SG13": the group's secretariat contact.
    /^(?<arg>(?:who(?:'s|’s| is| are)?|whos) (?:the |our )?(?:main |TSB )?contacts?(?: person| people)? (?:for|of|at) (?:the )?(?:ITU-T\s+)?(?:SG[\s-]?\d{1,2}(?:RG-[A-Z]{2,5})?|study group \d{1,2}|TSAG|WP\s?\d\/\d{1,2}|working party \d\/\d{1,2})\b(?: meeting)?[?!.]*)$/i,
    // "who is the contact for the workshop on AI-native networks": whom its letter names.
    /^(?<arg>(?:who(?:'s|’s| is| are)?|whos) (?:the |our )?(?:main )?contacts?(?: person| people)? (?:for|of|at) (?:the )?(?:workshops?|forums?|symposium|seminars?|webinars?|clinics?|briefings?|hackathons?|summits?|tutorials?|side events?|training)\b.{3,120})$/i,
    /^(?=.*\b(?:contacts?|counsellors?|secretary)\b)(?=.*\b(?:TSB|ITU|secretariat|bureau)\b)(?=.*(?:\bSG[\s-]?\d|\bstudy group \d|\bTSAG\b|\bQ\d{1,2}\/\d|\bWP\d))(?!.*-(?:LS|TD|C)\s?\d)(?<arg>.+)$/i,
    // "who should I contact at TSB about TSAG", "who do we ask in the secretariat about SG11"
    /^(?<arg>who (?:should|do|can|shall|could) (?:I|we) (?:contact|ask|write to|e-?mail|talk to)(?: (?:at|in) (?:the )?(?:TSB|ITU|secretariat|bureau))? (?:about|for|regarding|on|in) (?!.*-(?:LS|TD|C)\s?\d).+)$/i,
    // "how do I contact the SG21 secretariat", "how can we reach the rapporteur of Q4/20"
    /^(?<arg>how (?:do|can|should|could|would) (?:I|we|one) (?:contact|reach|e-?mail|write to|get in touch with|get hold of) (?=.*\b(?:secretariat|secretary|counsellors?|rapporteurs?|chair(?:s|man|person)?|conven[oe]rs?)\b).+)$/i,
    // "who handles sg11 at tsb", "who looks after TSAG in the secretariat": the group's counsellor.
    /^who (?:handles|looks after|covers|deals with|is responsible for|supports) (?<arg>.+)$/i,
    // "rapporteur of Q4/20", "chair for SG17", "rapporteur q11/20", "secretariat contact for SG17"
    /^(?<arg>(?:the )?(?:associate |vice[- ]?)?(?:rapporteurs?|chair(?:s|man|person)?|secretariat|counsellors?|conven[oe]rs?)(?: contacts?)? (?:(?:of|for) )?(?:Q\d|SG\s?\d|WP\s?\d|TSAG|study group|question|working party).*)$/i,
    // "Q4/20 rapporteur?", "SG17 chair", "sg21 counsellor?", "tsag secretariat"
    /^(?<arg>\S+(?: \S+){0,3} (?:rapporteurs?|chair(?:s|man|person)?|secretariat|secretary|counsellors?|conven[oe]rs?|director)\??)$/i,
  ],
  async run(ctx, { role, scope, year = null, partyQuestions = false }): Promise<Reply> {
    if (role === 'director') return directorReply(ctx);
    if (partyQuestions && scope.kind === 'group' && scope.workingParty) return partyQuestionsReply(ctx, scope.group, scope.workingParty);
    if (scope.kind === 'unknown') {
      // "who convenes the SG17 CG on quantum-safe migration": a correspondence group or focus group is no study group;
      // the documents that set it up name who runs it.
      // "who is the contact for the workshop on AI-native networks": the letter announcing it names whom to contact.
      const topic = await topicReply(ctx, scope.text, { events: false, people: true, contact: role === 'secretariat', asked: 'who runs it' });
      if (topic) return topic;
      const refused = await unknownGroupReply(ctx, scope.text);
      return { ...refused, notes: [`To find who runs "${scope.text}": search ${scope.text.replace(/[^\p{L}\p{N}\s/.-]+/gu, ' ').replace(/\s+/g, ' ').trim()}`, ...refused.notes] };
    }
    const asked = scopeKey(scope);
    if (asked === null) return noAnswer('E_USAGE', 'Say which Question, working party or study group: who is the rapporteur of Q4/20, who chairs WP1/20, officers SG17.');
    const kinds = kindsFor(role, asked);
    const roster = ctx.people ? fromRoster(await ctx.people.roster.all(), kinds, asked) : [];
    const docs = await fromDocuments(ctx, role === 'vice-chair' ? ['vice-chair'] : kinds, asked);
    // One line per person and role: the roster's, else the latest document stating it.
    const seen = new Set<string>();
    // A year asked: the documents of that year, when any names the role; else all, saying so.
    const ofYear = year === null ? [] : docs.filter((h) => h.date?.startsWith(String(year)));
    const yearNote = year === null ? [] : ofYear.length > 0 ? [`As the documents of ${year} name them.`] : [`No stored document of ${year} names this role; these are who the roster and other documents name.`];
    const candidates = ofYear.length > 0 ? ofYear : [...roster, ...docs];
    const holders = candidates.sort((a, b) => Number(a.origin === 'document') - Number(b.origin === 'document') || (b.date ?? '').localeCompare(a.date ?? '')).filter((h) => {
      const key = `${h.kind}|${h.scope}|${h.name.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    holders.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.scope ?? '').localeCompare(b.scope ?? '', 'en', { numeric: true }) || Number(a.origin === 'document') - Number(b.origin === 'document'));
    // A study group has one counsellor at a time: the latest letter's; those of earlier letters are said as such.
    const latestLetter = new Map<string, string>();
    for (const h of holders) if (h.kind === 'secretariat' && h.origin === 'document' && (h.date ?? '') > (latestLetter.get(h.scope ?? '') ?? '')) latestLetter.set(h.scope ?? '', h.date ?? '');
    const earlier = year === null ? holders.filter((h) => h.kind === 'secretariat' && h.origin === 'document' && (h.date ?? '') < (latestLetter.get(h.scope ?? '') ?? '')) : [];
    const earlierNote = earlier.length > 0 ? [`Earlier letters named ${earlier.map((h) => `${h.name} (${sourceLabel(h.source)}${h.date ? ` of ${h.date}` : ''})`).join('; ')}.`] : [];
    const what = role ? (KIND_LABELS[role] ?? role).toLowerCase() : 'officers';
    // A working party's or Question's secretariat is its study group's counsellor.
    if (holders.length === 0 && role === 'secretariat' && /^(?:WP|Q)\d/.test(asked)) {
      const group = groupOfQuestion(asked) ?? groupOf(asked);
      const ofGroup = await officersCommand.run(ctx, { role, scope: { kind: 'group', group }, year });
      if (ofGroup.ok) return { ...ofGroup, notes: [`The secretariat of ${asked} is that of ${group}.`, ...ofGroup.notes] };
    }
    if (holders.length === 0) {
      const group = groupOfQuestion(asked) ?? groupOf(asked);
      return noAnswer('E_NOT_FOUND', `Not found: no ${what === 'officers' ? 'rapporteur, chair or secretariat' : what} of ${asked} is in the roster or named in a stored document.`, [
        ctx.people ? 'The secretariat can add people and their roles to the roster (sgbot roster add).' : 'This sgbot has no roster; only documents were searched.',
        `The closest I can do: search the documents (search ${role === 'secretariat' ? 'counsellor' : role === 'chair' || role === 'vice-chair' ? 'chairman' : 'rapporteur'} ${asked}), or the group's liaison statements, which name contacts (ls ${group}).`,
      ], { scope: asked, role, holders: [] });
    }
    return {
      ok: true,
      title: `${role ? (KIND_LABELS[role] ?? role).replace(/^./, (c) => c.toUpperCase()) : 'Officers'} of ${asked}`,
      sections: [{ items: holders.filter((h) => !earlier.includes(h)).map(holderItem) }],
      notes: [...yearNote, ...earlierNote, ...(holders.some((h) => h.origin === 'document') ? ['Names from documents are as the document states them; the roster is the secretariat\'s list.'] : []), ...staleNote(holders, year, ctx.now)],
      sources: uniqueSources(holders.map((h) => h.source)),
      data: { scope: asked, role, holders },
    };
  },
});
export default officersCommand;
