/**
 * `rec <number>`: where a Recommendation stands, as the stored documents tell it. Each document that names it
 * ("Y.4486", or its provisional name "Y.DT-terms") gives the sentence that says what happened or is planned —
 * consented, determined, approved, put to a TAP consultation or AAP Last Call, proposed for deletion — newest first,
 * with the deadlines those documents set for it (a consultation's reply date, objections to a deletion).
 *
 * The documents are what sgbot knows: the answer says so, and points to the official record for the rest.
 */
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandContext, type Reply, type ReplyItem, type SourceRef } from '../src/core/command.ts';
import { canonicalGroup } from '../src/core/groups.ts';
import { dateIn, dueAt, formatDeadline, formatRange } from '../src/core/time.ts';
import type { Deadline } from '../src/core/types.ts';
import { citeOf, type StoredDocument } from '../src/store/facts.ts';
import { findDates, hasDate } from '../src/parse/dates.ts';
import { parseContacts } from '../src/parse/liaison.ts';
import { sourceLabel, sourceOf, uniqueSources } from './scope.ts';

/** A Recommendation's number: "X.1286", "G.9806.1", "Q.3945". */

/**
 * The meeting a sentence names with its place and dates in brackets: "at the next meeting of Study Group 15 (Geneva,
 * 14-25 June 2027)" → SG15, Geneva, 14–25 June 2027; `null` when it names none so.
 */
export function meetingNamedIn(sentence: string): { group: string | null; start: string; end: string; place: string | null } | null {
  const m = /\bmeeting\s+of\s+(?:the\s+)?(?:ITU-T\s+)?(Study\s+Group\s+\d{1,2}|SG\s?\d{1,2}|TSAG)?[^.()]{0,40}?\(([^()]{6,80}?(?:19|20)\d{2})\)/i.exec(sentence);
  const when = m?.[2] ? findDates(m[2]).at(-1) : undefined;
  if (!m || !when) return null;
  const place = /^\s*([A-Z][\p{L}' .-]{1,40}?)\s*,/u.exec(m[2] ?? '')?.[1] ?? null;
  return { group: m[1] ? canonicalGroup(m[1]) : null, start: when.start, end: when.end, place };
}
const NUMBER = String.raw`[A-Z]\.\d{1,4}(?:\.\d{1,3})*`;
/** A draft's provisional name: "Y.DA-water", "G.hsp-pmd" (a capital or a dash after the dot: "e.g" is none). */
const PROVISIONAL = String.raw`[A-Z]\.(?=[A-Za-z][\w-]*[A-Z-])[A-Za-z][\w-]{1,30}`;
// Not a Question written with a dot ("(Q.14/12)").
const NUMBER_IN = new RegExp(String.raw`(?<![\w.])(${NUMBER})(?![\w]|\.\d|\s?\/\s?\d)`, 'i');

/** What a sentence says happened to the Recommendation, strongest first; `planned` when it is still to come. */
type Step = 'deleted' | 'approved' | 'consented' | 'determined' | 'aap' | 'tap' | 'draft';

const STEPS: ReadonlyArray<readonly [Step, RegExp]> = [
  ['deleted', /\b(?:delet(?:e|ed|ing|ion)|suppress(?:ed|ion)?|withdraw(?:n|al)?)\b/i],
  ['approved', /\bapprov(?:e|ed|al|ing)\b|\badopt(?:ed|ion)\b/i],
  ['consented', /\bconsent(?:ed|ing)?\b/i],
  ['determined', /\bdetermin(?:e|ed|ation|ing)\b/i],
  ['aap', /\b(?:AAP|Last Call|Additional Review)\b/],
  ['tap', /\b(?:TAP|Member States? consultation)\b/i],
  ['draft', /\bdraft\b/i],
];
// The same, each reading every occurrence: a sentence may name a step twice, the first time of something else
// ("study groups may delete a work item").
const STEPS_EVERY: ReadonlyArray<readonly [Step, RegExp]> = STEPS.map(([step, re]) => [step, new RegExp(re.source, `${re.flags}g`)]);
// A Recommendation's page dates its steps in labelled fields, the strongest first: "Approval Date 2022-04-22".
const DATE_LABELS: ReadonlyArray<readonly [string, Step]> = [
  ['Approval', 'approved'],
  ['Consent', 'consented'],
  ['Determination', 'determined'],
];

// Words that put the step in the future: "intends to consent", "will be considered for determination".
const PLANNED = /\b(?:intends?|intended|expects?|expected|plans?|planned|propos(?:e|es|ed|al)|will|would|to be|is to|are to|for (?:consent|determination|approval|deletion)|foreseen|envisaged|scheduled|aims?|seeks?|may|invited|invites|asked|requested|requests)\b/i;
// What a step's verb acts on when it is not the Recommendation: "study groups may delete a work item".
const OTHER_OBJECT = /^\s+(?:an?|the|any|each|all|some|its|their)?\s*(?:work items?|items?|Questions?|texts? of|agenda|report|minutes|meeting|liaison|work programme)\b/i;
// A step named as a noun is a step to come, on an agenda or in a request ("5 Consent of K.91 and L.1470", "- Draft
// revised Recommendation ITU-T E.212 - Consent"), unless said to be done.
const STEP_NOUN = /^(?:consent|approval|determination|deletion)$/i;

const DONE_WORDS: Record<Step, string> = {
  deleted: 'deleted',
  approved: 'approved',
  consented: 'consented',
  determined: 'determined',
  aap: 'in AAP Last Call',
  tap: 'under Member State consultation (TAP)',
  draft: 'a draft under study',
};
const PLANNED_WORDS: Record<Step, string> = {
  deleted: 'deletion proposed',
  approved: 'approval planned',
  consented: 'consent planned',
  determined: 'determination planned',
  aap: 'AAP Last Call planned',
  tap: 'TAP consultation planned',
  draft: 'a draft under study',
};

interface Statement {
  doc: StoredDocument;
  sentence: string;
  step: Step | null;
  planned: boolean;
  /** The document's date (YYYY-MM-DD), or `null`. */
  date: string | null;
}

/** The Recommendation number a question names, or `null`. */
export function recommendationNumber(text: string): string | null {
  const found = NUMBER_IN.exec(text)?.[1];
  return found ? found.charAt(0).toUpperCase() + found.slice(1) : null;
}

/** A pattern that finds `name` ("X.1286", "X.ztsec") in a text, any case, whole. */
function nameIn(name: string): RegExp {
  const escaped = RegExp.escape(name).replace(/\\\./g, String.raw`\.\s?`);
  return new RegExp(String.raw`(?<![\w.])${escaped}(?![\w]|\.\d|\s?\/\s?\d)`, 'i');
}

/**
 * The sentences of `text` (its first 60,000 characters). A line wrapped inside a sentence (the next starts in lower
 * case) is joined to it; any other line break ends a sentence: a header cell or an agenda item is one of its own.
 */
function sentencesOf(text: string): string[] {
  const paragraphs: string[] = [];
  for (const raw of text.slice(0, 60_000).split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const last = paragraphs.length - 1;
    if (last >= 0 && /^[a-z(]/.test(line) && !/[.:;!?]$/.test(paragraphs[last] ?? '')) paragraphs[last] = `${paragraphs[last]} ${line}`;
    else paragraphs.push(line);
  }
  return paragraphs.flatMap((p) => p.split(/(?<=[.!?;])\s+(?=[A-Z0-9"“(])/));
}

/** Words a document about Recommendations uses for them once named: "the drafts", "these texts", "the approval procedure". */
const THE_DRAFTS = /\b(?:(?:the|these|this|both|the two) (?:drafts?|(?:draft )?texts?|draft Recommendations?)|the approval procedure)\b/i;

/** A sentence cut to about 450 characters around `at`. */
function around(sentence: string, at: number): string {
  const clean = sentence.replace(/^\d{1,2}(?:\.\d{1,2})*\s+/, '').trim();
  if (clean.length <= 450) return clean;
  const from = Math.max(0, Math.min(at - 150, clean.length - 450));
  return `${from > 0 ? '…' : ''}${clean.slice(from, from + 450).trim()}…`;
}

/**
 * What one sentence says of the Recommendation, from the words near its name: the strongest step done ("was consented
 * … and will enter the approval process" is consented), else the strongest step to come ("intends to consent").
 */
function stepOf(sentence: string, at: number): { step: Step | null; planned: boolean } {
  // The words near the name speak of it; a long sentence may name other texts' steps further off.
  const from = Math.max(0, at - 160);
  const near = sentence.slice(from, at + 160);
  let planned: Step | null = null;
  for (const [step, re] of STEPS_EVERY) {
    // "Draft revised Recommendation ITU-T E.212 - Consent": a draft with a step to come is that step.
    if (step === 'draft' && planned) break;
    for (const m of near.matchAll(re)) {
      const after = near.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (OTHER_OBJECT.test(after)) continue;
      // A meeting's outcome counted by step ("TAP approval (8): Eight new Recommendations …"): done; said not to be
      // ("TAP not approved (3): … deferred to next SG17 meeting"), still to come.
      if (/^\s*\(\d{1,3}\)\s*:/.test(after)) return { step, planned: /\bnot\s*$/i.test(near.slice(Math.max(0, m.index - 10), m.index)) };
      // A step said in a clause of another text, before this one is named: "X.1365 (ex X.iotsec-4), which was consented at
      // this meeting, and to the ongoing revision of ITU-T X.1361" says nothing consented of X.1361.
      const own = at - from;
      if (m.index < own && /\b(?:which|that)\s+(?:was|were|has been|have been|is|are|will be)\s*$/i.test(near.slice(Math.max(0, m.index - 60), m.index)) && /[,;]/.test(near.slice(m.index + m[0].length, own))) continue;
      const lead = near.slice(Math.max(0, m.index - 80), m.index + m[0].length);
      const done = /\b(?:was|were|has been|have been|had been)\b/i.test(lead);
      const toCome = !done && (PLANNED.test(lead) || STEP_NOUN.test(m[0]));
      if (!toCome) return { step, planned: false };
      planned ??= step;
      break;
    }
  }
  return planned ? { step: planned, planned: true } : { step: null, planned: false };
}

/** How much a statement says: a step done before any step to come, each strongest first. */
function rankOf(step: Step | null, planned: boolean): number {
  if (!step) return 2 * STEPS.length;
  return STEPS.findIndex(([s]) => s === step) + (planned ? STEPS.length : 0);
}

/**
 * The statements of one document about the Recommendation: its sentence that says most of a step done, and its
 * sentence that says most of a step to come ("… will be considered for approval at the meeting of 14-25 June 2027"),
 * or its first sentence naming it when it says neither.
 */
function statementsOf(doc: StoredDocument, text: string, names: readonly RegExp[]): Statement[] {
  const best: Array<{ rank: number; statement: Statement } | undefined> = [undefined, undefined, undefined];
  for (const sentence of sentencesOf(text)) {
    const hit = names.map((re) => re.exec(sentence)).find((m) => m !== null);
    if (!hit) continue;
    const { step, planned } = stepOf(sentence, hit.index);
    const slot = step === null || step === 'draft' ? 2 : planned ? 1 : 0;
    const rank = rankOf(step, planned);
    const held = best[slot];
    if (!held || rank < held.rank) best[slot] = { rank, statement: { doc, sentence: around(sentence, hit.index), step, planned, date: dateOf(doc) } };
  }
  // A document about it (its title names it) says what comes next of "the drafts" without naming them again: "the
  // approval procedure will take place at the next meeting of Study Group 15 (Geneva, 14-25 June 2027)".
  if (!best[1] && names.some((re) => re.test(doc.parsed.title ?? ''))) {
    // The first such sentence that dates it ("… (Geneva, 14-25 June 2027)"), else the first.
    let dated = false;
    for (const sentence of sentencesOf(text)) {
      if (sentence.length > 600 || !THE_DRAFTS.test(sentence) || names.some((re) => re.test(sentence))) continue;
      const { step, planned } = stepOf(sentence, 0);
      if (!planned || step === null || step === 'draft') continue;
      const withDate = hasDate(sentence);
      if (!best[1] || (withDate && !dated)) best[1] = { rank: rankOf(step, true), statement: { doc, sentence: around(sentence, 0), step, planned, date: dateOf(doc) } };
      dated ||= withDate;
      if (dated) break;
    }
  }
  // A report lists the texts of a step under its heading ("Recommendations consented by ITU-T SG20 for Last Call",
  // "Approved Recommendations"): a row naming the Recommendation with no step of its own has its heading's.
  if (!best[0] && !best[1] && doc.parsed.kind === 'report') {
    const heading = listHeading(text, names);
    if (heading) best[0] = { rank: rankOf(heading.step, false), statement: { doc, sentence: heading.line, step: heading.step, planned: false, date: dateOf(doc) } };
  }
  // A Recommendation's own page: "Approval Date 2022-04-22", "Consent Date 2021-12-17".
  // The strongest step the page dates.
  const labelled = names.some((re) => re.test(text.slice(0, 400)))
    ? DATE_LABELS.map(([label, step]) => ({ label, step, date: new RegExp(String.raw`^[ \t]*${label}\s+Date\s*[:|]?\s*\n?\s*((?:19|20)\d{2}-\d{2}-\d{2})\b`, 'im').exec(text.slice(0, 5000))?.[1] })).find((x) => x.date !== undefined)
    : undefined;
  if (labelled?.date) best[0] = { rank: rankOf(labelled.step, false), statement: { doc, sentence: `${labelled.label} Date ${labelled.date}`, step: labelled.step, planned: false, date: labelled.date } };
  const said = best.slice(0, 2).filter((b) => b !== undefined);
  return (said.length > 0 ? said : best.slice(2).filter((b) => b !== undefined)).map((b) => b.statement);
}

/** The heading a report lists the Recommendation under, with the step it names: the nearest such line above it. */
function listHeading(text: string, names: readonly RegExp[]): { line: string; step: Step } | null {
  const lines = text.slice(0, 60_000).split('\n');
  const at = lines.findIndex((l) => names.some((re) => re.test(l)));
  for (let i = at - 1; i >= Math.max(0, at - 40); i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.length > 160 || names.some((re) => re.test(line))) continue;
    for (const [step, re] of STEPS) if (step !== 'draft' && /\brecommendations?\b/i.test(line) && re.test(line)) return { line, step };
  }
  return null;
}

/** When a document spoke: its own date, else the end of the meeting it is of (a report, a TD), else its mail's day. */
function dateOf(doc: StoredDocument): string | null {
  return doc.parsed.date ?? doc.parsed.meeting?.end ?? doc.source.sentAt?.slice(0, 10) ?? null;
}

/** The deadlines a document sets for the Recommendation: all of a document about it, else those whose action names it. */
function deadlinesFor(doc: StoredDocument, names: readonly RegExp[], text = ''): Deadline[] {
  const about = names.some((re) => re.test(doc.parsed.title ?? ''));
  // A consultation's reply date given apart from the texts it is on ("Reply to the TAP consultation of TSB Circular
  // 78 / 24 November 2025"), in a document whose sentence puts them under that consultation.
  const consulted = text !== '' && doc.parsed.deadlines.some((d) => d.category === 'consultation-reply') && sentencesOf(text).some((x) => /\b(?:consultation|TAP|AAP|Last Call)\b/i.test(x) && names.some((re) => re.test(x)));
  return doc.parsed.deadlines.filter((d) => about || names.some((re) => re.test(d.action)) || (consulted && d.category === 'consultation-reply'));
}

const recArgs = z.object({
  number: z.string().regex(new RegExp(`^(?:${NUMBER}|${PROVISIONAL}|(?:Q\\d{1,2}/\\d{1,2}|SG\\d{1,2}|WP\\d/\\d{1,2}|TSAG))$`), 'Say which Recommendation, for example: rec Y.4486'),
  outcome: z.boolean().optional(),
  proposer: z.boolean().optional(),
  editor: z.boolean().optional(),
  /** With a Question or group for `number`: its texts with this step planned or done ("which drafts did Q11/20 put forward for consent"). */
  step: z.enum(['deleted', 'approved', 'consented', 'determined', 'aap', 'tap']).optional(),
  /** With `step`: only the texts whose step is done ("what did SG2 consent"). */
  done: z.boolean().optional(),
  /** With `step`: only the texts planned for a meeting still to come ("what will SG12 consent at its next meeting"). */
  upcoming: z.boolean().optional(),
});

/** The first contact of a document's header, as "Name <e-mail>" ("Grace Wanjiru <gwanjiru@example.ke>"), or `null`. */
function firstContact(head: string): string | null {
  const c = parseContacts(head)[0];
  return c ? `${c.name}${c.email ? ` <${c.email}>` : ''}` : null;
}

/**
 * The editors of the Recommendation: a TD's "Source: Editor of Recommendation ITU-T A.1" with its contact, or the
 * "Editor(s)" cell of a work programme's row naming it.
 */
function editorsOf(docs: ReadonlyArray<{ doc: StoredDocument; text: string }>, names: readonly RegExp[]): ReplyItem[] {
  const out: ReplyItem[] = [];
  for (const d of docs) {
    const head = d.text.slice(0, 3000);
    const cite = sourceOf(citeOf(d.doc));
    const source = /^[ \t]*Source:[ \t]*Editors?\s+of\b([^\n]{0,120})$/im.exec(head);
    if (source?.[1] && names.some((re) => re.test(source[1] ?? ''))) {
      const contact = firstContact(head);
      if (contact) out.push({ text: `Editor: ${contact}`, detail: `the source of ${sourceLabel(cite)}`, source: cite });
      continue;
    }
    const lines = d.text.slice(0, 60_000).split('\n');
    // An A.1 justification's "Editor(s): Grace Wanjiru, …" under the "Reference and title" that names it.
    lines.forEach((line, i) => {
      const field = /^[ \t]*Editors?(?:\s*\(s\))?[ \t]*:[ \t]*(\S.{0,160})$/i.exec(line);
      // (The form's own heading, "A.1 justification", names no Recommendation A.1.)
      if (field?.[1] && lines.slice(Math.max(0, i - 8), i).some((l) => names.some((re) => re.test(l.replace(/\bA\.1 justification\b/gi, ''))))) out.push({ text: `Editor${/;| and /.test(field[1]) ? 's' : ''}: ${field[1].trim()}`, detail: `the A.1 justification in ${sourceLabel(cite)}`, source: cite });
    });
    // A table whose header names an "Editor(s)" column: the cell of that column in the row naming it.
    lines.forEach((line, i) => {
      if (!names.some((re) => re.test(line.split('\t')[0] ?? ''))) return;
      for (let h = i - 1; h >= Math.max(0, i - 8); h--) {
        const cells = (lines[h] ?? '').split('\t').map((c) => c.trim());
        const at = cells.findIndex((c) => /^editors?(?:\s*\(s\))?$/i.test(c));
        if (at < 0) continue;
        const cell = line.split('\t')[at]?.trim();
        if (cell) out.push({ text: `Editor${/,| and /.test(cell) ? 's' : ''}: ${cell}`, detail: `the work programme in ${sourceLabel(cite)}`, source: cite });
        return;
      }
    });
  }
  return out;
}

/**
 * The texts a Question or group (`scope`) has with `step` planned or done, as its documents say ("forward Y.4245 and
 * Y.4246 to the SG20 closing plenary for consent"): each Recommendation once, newest statement first.
 */
async function stepListReply(ctx: CommandContext, index: { search(q: string, n: number): Promise<Array<{ id: string }>> }, scope: string, step: Exclude<Step, 'draft'>, done = false, upcoming = false): Promise<Reply> {
  const today = dateIn(ctx.now, ctx.tz);
  const word = { deleted: 'deletion', approved: 'approval', consented: 'consent', determined: 'determination', aap: 'AAP', tap: 'TAP' }[step];
  const hits = await index.search(`${word} ${scope}`, 30);
  const group = /^Q\d+\/(\d+)$/.exec(scope)?.[1] ?? /^WP\d\/(\d+)$/.exec(scope)?.[1];
  const ofScope = (d: StoredDocument) => (scope.startsWith('Q') ? d.parsed.questions.some((q) => q.id === scope) : group ? d.parsed.group === `SG${group}` : d.parsed.group === scope);
  const found = new Map<string, ReplyItem>();
  const dues: Array<{ d: Deadline; source: SourceRef }> = [];
  for (const h of hits) {
    const [doc, text] = await Promise.all([ctx.store.getDocument(h.id), ctx.store.getText(h.id)]);
    if (!doc || !text || !ofScope(doc)) continue;
    let listed = false;
    for (const rec of doc.parsed.recommendations) {
      if (found.has(rec.id)) continue;
      const said = statementsOf(doc, text, [nameIn(rec.id), ...(rec.ex ? [nameIn(rec.ex)] : [])]).find((x) => x.step === step && (!done || !x.planned));
      if (!said) continue;
      // "at its next meeting": what a letter plans for a meeting still to come, not for one held years ago.
      if (upcoming && (!said.planned || (doc.parsed.meeting && doc.parsed.meeting.end < today))) continue;
      // The deadlines the document sets for them (a deletion's consultation reply), once a document.
      if (!listed) dues.push(...deadlinesFor(doc, [nameIn(rec.id)], text).map((d) => ({ d, source: sourceOf(citeOf(doc)) })));
      listed = true;
      const cite = sourceOf(citeOf(doc));
      found.set(rec.id, { text: `${rec.id}${rec.ex ? ` (ex ${rec.ex})` : ''}${rec.title ? `: ${rec.title}` : ''} — ${said.planned ? PLANNED_WORDS[step] : DONE_WORDS[step]}`, detail: `"${said.sentence}" [${sourceLabel(cite)}]`, source: cite });
    }
  }
  const items = [...found.values()];
  const dueItems: ReplyItem[] = dues.sort((a, b) => dueAt(a.d) - dueAt(b.d)).map(({ d, source }) => ({ text: `${formatDeadline(d, ctx.tz)} (${dueAt(d) < ctx.now ? 'past' : 'to come'}): ${d.action}`, detail: `[${sourceLabel(source)}]`, source }));
  return {
    ok: true,
    title: items.length > 0 ? `Texts of ${scope} for ${word}: ${[...found.keys()].join(', ')}` : `No stored document of ${scope} names a text for ${word}`,
    sections: [...(items.length > 0 ? [{ items }] : []), ...(dueItems.length > 0 ? [{ heading: 'Deadlines set for them', items: dueItems }] : [])],
    notes: ['From the stored documents only; the ITU-T Recommendations database (https://www.itu.int/ITU-T/recommendations/) is the official record.', ...(dueItems.length > 0 ? [`Times are shown in ${ctx.tz}, with the document's original time beside them.`] : [])],
    sources: uniqueSources(items.flatMap((i) => (i.source ? [i.source] : []))),
    data: { scope, step, texts: [...found.keys()] },
  };
}

/** A contribution's title that proposes a text: "Proposal for a new work item", "A.1 justification for …". */
const PROPOSES = /\b(?:propos\w*|new work items?|A\.1 justification|draft new Recommendation)\b/i;

/**
 * Who proposed the Recommendation: the "Source:" of each contribution whose title names it, with the contribution's
 * first contact (name and e-mail as its header gives them); empty when no contribution is about it.
 */
function proposersOf(docs: ReadonlyArray<{ doc: StoredDocument; text: string }>, names: readonly RegExp[]): ReplyItem[] {
  return docs
    // A contribution that proposes it ("Proposal for a new work item: … (Y.DA-water)"), not one commenting on it.
    .filter((d) => d.doc.parsed.kind === 'contribution' && names.some((re) => re.test(d.doc.parsed.title ?? '')) && PROPOSES.test(d.doc.parsed.title ?? ''))
    .flatMap((d) => {
      const head = d.text.slice(0, 3000);
      const source = /^[ \t]*Source:[ \t]*(\S[^\n]{0,120}?)\s*$/im.exec(head)?.[1];
      if (!source) return [];
      const contact = firstContact(head);
      const cite = sourceOf(citeOf(d.doc));
      return [{ text: `Proposed by ${source} in ${sourceLabel(cite)}: ${d.doc.parsed.title ?? ''}`.trim(), detail: contact ? `Contact: ${contact}` : undefined, source: cite }];
    });
}

export default defineCommand({
  name: 'rec',
  aliases: ['recommendation', 'status'],
  summary: "Where a Recommendation stands (consented, determined, approved, under consultation, deletion) as the stored documents say, with their deadlines.",
  usage: 'rec <Recommendation number>',
  examples: ['rec X.1286', 'status of G.9806.1', 'was L.1470 consented'],
  args: recArgs,
  // "will …" (as the intents pass "will member states approve G.9806.1"): an outcome to come, which no document can tell.
  parseText: (rest) => {
    const listed = /^(?:(?:which|what)\s+(?:draft\s+)?(?:Recommendations|texts|drafts|draft Recommendations)\b.*?|what\s+(?:did|has|have|will|is|are)\s+(?:ITU-T\s+)?|what(?:'s|’s| is| are)?\s+(?:up|down|planned|scheduled|due|going)\s+for\s+(?:consent|approval|determination|deletion)\s+(?:at|in|by)\s+(?:the\s+)?(?:next\s+)?(?:ITU-T\s+)?)\b(Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\b.*?\b(consent|approv|determin|delet)|\b(consent|approv|determin|delet)\w*\s+(?:at|in|by)\s+(?:the\s+)?(?:next\s+)?(?:ITU-T\s+)?(Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\b/i.exec(rest.trim());
    // "what did SG2 consent": steps done only, not those planned.
    const [listedNumber, listedStep] = listed ? [listed[1] ?? listed[4], listed[2] ?? listed[3]] : [];
    if (listedNumber && listedStep) return { number: listedNumber.replace(/\s+/g, '').toUpperCase(), step: ({ consent: 'consented', approv: 'approved', determin: 'determined', delet: 'deleted' } as const)[listedStep.toLowerCase() as 'consent'], ...(/^what\s+(?:did|has|have)\b/i.test(rest.trim()) ? { done: true } : {}), ...(/\b(?:will|next meeting|coming meeting|upcoming|(?:is|are)\s+\S+ing|up|planned|scheduled|due|going)\b/i.test(rest) && !/^what\s+(?:did|has|have)\b/i.test(rest.trim()) ? { upcoming: true } : {}) };
    return {
      number: recommendationNumber(rest) ?? new RegExp(`(?<![\\w.])${PROVISIONAL}(?![\\w-])`).exec(rest)?.[0] ?? rest.trim(),
      ...(/^(?:will|would)\b/i.test(rest.trim()) ? { outcome: true } : {}),
      ...(/^(?:who|which)\b/i.test(rest.trim()) && (!/\beditors?\b|\bedits\b/i.test(rest) || /\b(?:propos\w*|submitted|put forward)\b/i.test(rest)) ? { proposer: true } : {}),
      ...(/\beditors?\b|\bwho\s+edits\b/i.test(rest) ? { editor: true } : {}),
    };
  },
  intents: [
    // "status of X.1286", "what's the status of draft Recommendation ITU-T Y.4486?"
    new RegExp(String.raw`^(?:(?:what(?:'s|’s| is)|whats) the )?(?:current |latest )?(?:status|progress|state) (?:of|on) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation |Rec\.? )?(?:ITU-T )?(?<arg>${NUMBER})(?![\w]|\.\d)[^?]{0,40}\??$`, 'i'),
    // "Y.4486 status", "G.9806.1 approval status?", "Y.3188 approval - when?"
    new RegExp(String.raw`^(?:ITU-T )?(?<arg>${NUMBER}) (?:approval )?(?:status|progress|deletion|approval|consent|determination)(?:\s*[-–:,]?\s*when)?\s*\??$`, 'i'),
    // "next step for X.1286", "what's the next step on G.9806.1"
    new RegExp(String.raw`^(?:(?:what(?:'s|’s| is)|whats) (?:the )?)?(?:next|coming) steps? (?:for|of|on) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER})(?![\w]|\.\d)\s*\??$`, 'i'),
    // "what's happening with G.9806.1", "what happened to Q.3945"
    new RegExp(String.raw`^what(?:'s|’s| is)? (?:happening|happened|going on|new) (?:with|to|on) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER})(?![\w]|\.\d)[^?]{0,40}\??$`, 'i'),
    // "was L.1470 consented", "has Y.4486 been approved yet", "is G.9806.1 approved?"
    new RegExp(String.raw`^(?:was|were|is|are|has|have|had|did) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER}) (?:(?:been|being|got|get|already|finally|yet) )*(?:consented|approved|determined|adopted|deleted|agreed|published|withdrawn|suppressed|consent|approve|determine|pass|passed)\b[^?]{0,60}\??$`, 'i'),
    // "will member states approve G.9806.1?", "will G.9806.1 be approved": how it will go, which no document says; where it stands.
    new RegExp(String.raw`^(?<arg>(?:will|would) (?=.{0,60}?(?<![\w.])${NUMBER}(?![\w]|\.\d)).{0,60}?\b(?:approve|approved|adopt|adopted|accept|accepted|consent|consented|agree|agreed|pass|passed|object|reject|rejected)\b[^?]{0,60})\??$`, 'i'),
    // "what was the result of the TAP consultation on Y.3207", "outcome of the AAP for X.1286": where it stands, and
    // that a result no document records is not known.
    new RegExp(String.raw`^(?<arg>(?:what\s+(?:was|is|were)\s+)?(?:the\s+)?(?:result|outcome|decision)s?\s+(?:of|on|for)\s+(?:the\s+)?(?:TAP\s+|AAP\s+|Member State\s+)?(?:consultation|approval|vote|last call|TAP|AAP)?\s*(?:on|of|for)?\s*(?:the\s+)?(?:draft\s+)?(?:(?:new|revised)\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?(?:${NUMBER}|${PROVISIONAL})(?![\w-]|\.\d)[^?]{0,40})\??$`, 'i'),
    // "who is the editor of the A.1 revision", "who edits Y.4245"
    new RegExp(String.raw`^(?<arg>(?:who(?:'s|’s| is| are)|whos)\s+(?:the\s+)?editors?\s+(?:of|for)\s+(?:the\s+)?(?:draft\s+)?(?:(?:new|revised)\s+)?(?:Recommendation\s+)?(?:ITU-T\s+)?(?:${NUMBER}|${PROVISIONAL})(?![\w-]|\.\d)(?:\s+(?:revision|draft|text|amendment))?|who\s+edits\s+(?:${NUMBER}|${PROVISIONAL}))\s*\??$`, 'i'),
    // "what did SG2 consent at its July 2025 meeting", "what has SG17 approved": the texts its documents say so of.
    /^(?<arg>what\s+(?:did|has|have|will)\s+(?:ITU-T\s+)?(?:Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\s+(?:consent|approv|determin|delet)\w*\b[^?]{0,60})\??$/i,
    // "what is SG17 consenting in April", "what's up for consent at SG17", "what's planned for approval at the next SG15".
    /^(?<arg>what\s+(?:is|are)\s+(?:ITU-T\s+)?(?:Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\s+(?:going\s+to\s+|planning\s+to\s+|set\s+to\s+)?(?:consent|approv|determin|delet)\w*\b[^?]{0,60})\??$/i,
    /^(?<arg>what(?:'s|’s| is| are)?\s+(?:up|planned|scheduled|due|going)\s+for\s+(?:consent|approval|determination|deletion)\s+(?:at|in|by)\s+(?:the\s+)?(?:next\s+)?(?:ITU-T\s+)?(?:Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\b[^?]{0,60})\??$/i,
    // "which draft Recommendations did Q11/20 put forward for consent", "what texts will SG17 approve"
    /^(?<arg>(?:which|what)\s+(?:draft\s+)?(?:Recommendations|texts|drafts|draft Recommendations)\s+(?:did|does|do|will|is|are|has|have)\s+(?:ITU-T\s+)?(?:Q\s?\d{1,2}\/\d{1,2}|SG\s?\d{1,2}|WP\s?\d\/\d{1,2}|TSAG)\b[^?]{0,80}\b(?:consent|approv|determin|delet)\w*[^?]{0,40})\??$/i,
    // "who proposed Y.DA-water", "which member submitted X.ztsec": the contributions that did.
    new RegExp(String.raw`^(?<arg>(?:who (?:proposed|submitted|is proposing|has proposed|put forward|contributed|drafted|is behind)|which (?:member|country|company|administration|organization|organisation) (?:proposed|submitted)) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation |work item )?(?:ITU-T )?(?:${NUMBER}|${PROVISIONAL})(?![\w-]|\.\d)[^?]{0,60})\??$`, 'i'),
    // "when was Y.3188 due to be approved", "when will G.9806.1 be approved", "when is X.1286 expected to be consented":
    // where it stands and the step to come, with its meeting.
    new RegExp(String.raw`^(?:when|where|at which meeting|at what meeting) (?:is|was|are|were|will|would) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER})(?![\w]|\.\d) (?:(?:due|expected|scheduled|planned|going|set|likely) to )?(?:be )?(?:approved|consented|determined|adopted|deleted|agreed|approve|consent|determine)\b[^?]{0,40}\??$`, 'i'),
    // "did member states approve the TAP for G.9806.1?", "has SG15 consented G.9806.1"
    new RegExp(String.raw`^(?:did|has|have|was|were) .{0,50}?\b(?:approve|approved|consent|consented|adopt|adopted|determine|determined|delete|deleted)\b.{0,30}?(?<![\w.])(?<arg>${NUMBER})(?![\w]|\.\d)[^?]{0,40}\??$`, 'i'),
    // "what is G.9806.1", "what is G.9806.1 and where is it in approval", "what's Y.DA-water": its title and where it stands.
    // "whats L.1470 about", "what is L.1470 about and has it been consented?"
    new RegExp(String.raw`^(?:what(?:'s|’s| is)|whats) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER}|${PROVISIONAL})(?![\w-]|\.\d)(?:\s+about)?(?:\s*(?:,|and)\s[^?]{0,60})?\??$`, 'i'),
    // "which Question is Y.3207 under": the documents on it name its Question.
    new RegExp(String.raw`^(?:which|what) questions? (?:is|are|does) (?:the )?(?:draft )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER})(?![\w-]|\.\d)\b[^?]{0,40}\??$`, 'i'),
    // "deletion of Q.3945", "approval of G.9806.1"
    new RegExp(String.raw`^(?:the )?(?:deletion|approval|consent|determination|TAP|AAP) (?:of|for) (?:the )?(?:draft )?(?:(?:new|revised) )?(?:Recommendation )?(?:ITU-T )?(?<arg>${NUMBER})\??$`, 'i'),
  ],
  async run(ctx, { number, outcome = false, proposer = false, editor = false, step, done = false, upcoming = false }): Promise<Reply> {
    const index = await ctx.search();
    if (step && /^(?:Q|SG|WP|TSAG)/.test(number)) return stepListReply(ctx, index, number, step, done, upcoming);
    const own = nameIn(number);
    const found = await index.search(number, 30);
    const read = await Promise.all(found.map(async (h) => ({ doc: await ctx.store.getDocument(h.id), text: await ctx.store.getText(h.id) })));
    // As of the asking day: a document dated later (stored ahead of its date) has not said it yet.
    const today = dateIn(ctx.now, ctx.tz);
    const naming = read.filter((r): r is { doc: StoredDocument; text: string } => r.doc !== null && r.text !== null && own.test(r.text));
    const current = naming.filter((r) => (dateOf(r.doc) ?? '') <= today);
    // Only documents dated later name it: they are shown, said to be dated after today, rather than nothing.
    const docs = current.length > 0 ? current : naming;
    const laterOnly = current.length === 0 && naming.length > 0 ? [`Every stored document naming ${number} is dated after today (${today}); what they say is shown as they say it.`] : [];
    if (docs.length === 0) {
      return noAnswer('E_NOT_FOUND', `No stored document names ${number}.`, [`The ITU-T Recommendations database (https://www.itu.int/ITU-T/recommendations/) has every Recommendation's status.`, `To look for it by other words: search ${number}`], { number, statements: [] });
    }
    // Its provisional name ("X.ztsec"), when a document gives one: sentences may name it so.
    const ex = docs.flatMap((d) => d.doc.parsed.recommendations).find((r) => r.id.toLowerCase() === number.toLowerCase() && r.ex)?.ex ?? null;
    const names = ex ? [own, nameIn(ex)] : [own];
    // "who is the editor of the A.1 revision": as a TD's source or a work programme's row gives it.
    const edited = editor ? editorsOf(docs, names) : [];
    // "who proposed Y.DA-water": the contributions that proposed it, each with its source and contact.
    const proposed = proposer ? proposersOf(docs, names) : [];
    if (edited.length > 0 || proposed.length > 0) {
      const said = [...proposed, ...edited];
      return {
        ok: true,
        title: `${number}: ${[proposed[0]?.text.replace(/:.*$/, ''), edited[0]?.text].filter(Boolean).join('; ')}`,
        sections: said.map((item) => ({ items: [item] })),
        notes: [`Ask "status of ${number}" for where it stands.`],
        sources: uniqueSources(said.flatMap((p) => (p.source ? [p.source] : []))),
        data: { number, proposers: proposed.map((p) => p.text), editors: edited.map((p) => p.text) },
      };
    }
    const statements = docs
      .flatMap((d) => statementsOf(d.doc, d.text, names))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    // A step to come in a letter announcing a meeting is planned for that meeting: "determination planned at the
    // meeting of 19–23 April 2027, Geneva".
    // … or at the meeting its own sentence names with its dates: "the approval procedure will take place at the next
    // meeting of Study Group 15 (Geneva, 14-25 June 2027)".
    const at = (s: Statement) => {
      const named = s.planned ? meetingNamedIn(s.sentence) : null;
      if (named) return ` at the ${named.group ? `${named.group} ` : ''}meeting of ${formatRange(named.start, named.end)}${named.place ? `, ${named.place}` : ''}`;
      const m = s.planned && (s.doc.parsed.kind === 'collective-letter' || s.doc.parsed.kind === 'circular') ? s.doc.parsed.meeting : null;
      return m && (!s.date || m.start >= s.date) ? ` at the meeting of ${formatRange(m.start, m.end)}${m.place ? `, ${m.place}` : ''}` : '';
    };
    const words = (s: Statement) => (s.step ? (s.planned ? `${PLANNED_WORDS[s.step]}${at(s)}` : DONE_WORDS[s.step]) : 'named');
    // One line a document: what it says done, then what it says is to come, each sentence quoted once.
    const byDoc = new Map<string, Statement[]>();
    for (const s of statements) byDoc.set(s.doc.id, [...(byDoc.get(s.doc.id) ?? []), s]);
    const items: ReplyItem[] = [...byDoc.values()].map((said) => {
      const first = said[0] as Statement;
      const source = sourceOf(citeOf(first.doc));
      const quoted = [...new Set(said.map((s) => s.sentence))].map((x) => `"${x}"`).join(' … ');
      return { text: `${first.date ? formatRange(first.date, first.date) : 'undated'}: ${said.map(words).join('; ')}`, detail: `${quoted} [${sourceLabel(source)}]`, source };
    });
    const dues = [...new Map(statements.map((s) => [s.doc.id, s.doc])).values()]
      .flatMap((doc) => deadlinesFor(doc, names, docs.find((x) => x.doc.id === doc.id)?.text ?? '').map((d) => ({ d, source: sourceOf(citeOf(doc)) })))
      .sort((a, b) => dueAt(a.d) - dueAt(b.d));
    const dueItems: ReplyItem[] = dues.map(({ d, source }) => ({
      text: `${formatDeadline(d, ctx.tz)} (${dueAt(d) < ctx.now ? 'past' : 'to come'}): ${d.action}`,
      detail: `[${sourceLabel(source)}]`,
      source,
    }));
    const latest = statements.find((s) => s.step !== null && s.step !== 'draft') ?? statements[0];
    // Its title, as a document gives it ("Physical media dependent layer of …").
    // Else a document that is about it says what it is in its own title ("Proposal for a new work item: requirements of
    // water management services for precision irrigation (Y.DA-water)").
    const titled =
      docs.flatMap((d) => d.doc.parsed.recommendations.filter((r) => r.id.toLowerCase() === number.toLowerCase() && r.title).map((r) => ({ title: r.title as string, source: sourceOf(citeOf(d.doc)) })))[0] ??
      docs.filter((d) => own.test(d.doc.parsed.title ?? '')).map((d) => ({ title: d.doc.parsed.title as string, source: sourceOf(citeOf(d.doc)) }))[0];
    const name = `${number}${ex ? ` (ex ${ex})` : ''}`;
    // The Question that studies it, as a document says ("ITU-T Y.3207 (ex Y.FMC-req): Requirements of …, under Question
    // 2/13").
    const studied = docs
      .map((d) => {
        const text = d.text.slice(0, 60_000);
        for (const re of names) {
          for (const at of text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
            const near = text.slice(at.index, at.index + 300).split('\n')[0] ?? '';
            const q = /\b(?:under|in|by|of|from)\s+(?:ITU-T\s+)?Question\s+(\d{1,2})\/(\d{1,2})\b/i.exec(near);
            if (q) return { question: `Q${Number(q[1])}/${Number(q[2])}`, source: sourceOf(citeOf(d.doc)) };
          }
        }
        return null;
      })
      .find((x) => x !== null);
    const sources: SourceRef[] = uniqueSources(statements.map((s) => sourceOf(citeOf(s.doc))));
    // A step planned for a day now past ("to be approved at the next meeting of Study Group 13, … 13 to 24 October
    // 2025") that no later document records as done: when it was planned, and that its outcome is not stored.
    const overdue = statements
      .filter((st) => st.planned && st.step && st.step !== 'draft' && !statements.some((x) => !x.planned && x.step === st.step))
      .map((st) => ({ st, when: findDates(st.sentence).at(-1) }))
      .find(({ when }) => when !== undefined && when.end < today);
    const overdueWhen = overdue?.when;
    return {
      ok: true,
      title: overdue?.st.step && overdueWhen
        ? `${name}: ${PLANNED_WORDS[overdue.st.step]} for ${formatRange(overdueWhen.start, overdueWhen.end)} [${sourceLabel(sourceOf(citeOf(overdue.st.doc)))}]; no stored document says whether it was ${DONE_WORDS[overdue.st.step]}`
        : latest?.step ? `${name}: ${[...new Set((byDoc.get(latest.doc.id) ?? [latest]).filter((x) => x.step).map(words))].join('; ')}, as ${sourceLabel(sourceOf(citeOf(latest.doc)))} says` : `${name}: what the stored documents say`,
      sections: [{ heading: 'What the documents say, newest first', items }, ...(dueItems.length > 0 ? [{ heading: 'Deadlines set for it', items: dueItems }] : [])],
      notes: [...(outcome ? [`How a decision on ${number} will go is not in any document: sgbot can only say where it stands.`] : []), ...laterOnly, ...(titled ? [`${number}: "${titled.title}" [${sourceLabel(titled.source)}]`] : []), ...(studied ? [`Studied under ${studied.question} [${sourceLabel(studied.source)}].`] : []), 'From the stored documents only; the ITU-T Recommendations database (https://www.itu.int/ITU-T/recommendations/) is the official record.', ...(dueItems.length > 0 ? [`Times are shown in ${ctx.tz}, with the document's original time beside them.`] : [])],
      sources,
      data: { number, ex, statements: statements.map((s) => ({ docId: s.doc.id, date: s.date, step: s.step, planned: s.planned, sentence: s.sentence })), deadlines: dues.map(({ d }) => ({ date: d.date, time: d.time, timezone: d.timezone, action: d.action, category: d.category })) },
    };
  },
});
