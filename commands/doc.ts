/** `doc <reference|id>`: one document and what was understood of it. */
import { z } from 'zod';
import { defineCommand, noAnswer, type CommandContext, type Reply, type ReplyItem } from '../src/core/command.ts';
import { CATEGORY_LABELS, KIND_LABELS, eventLabel } from '../src/core/labels.ts';
import { DateTime } from 'luxon';
import { dueAt, formatDeadline, formatEventTime, formatOpening, formatRange } from '../src/core/time.ts';
import { citeOf, type StoredDocument } from '../src/store/facts.ts';
import { canonicalGroup } from '../src/core/groups.ts';
import { fieldValue } from '../src/parse/fields.ts';
import { requestsOf } from '../src/parse/liaison.ts';
import type { LiaisonInfo } from '../src/core/types.ts';
import { findRecommendations } from '../src/parse/refs.ts';
import { describeDocument } from '../src/store/titles.ts';
import { addresseeList, asksTitle, contactLine, contactsTitle, partyNamed, sourceLabel, sourceOf, uniqueSources } from './scope.ts';

/**
 * A document reference as people write one in a question: an LS, TD or contribution number of an ITU group
 * ("SG15-LS103", "TSAG-LS11", "SG20-TD870/WP1"), a collective letter or circular ("TSB Collective letter 3/20",
 * "CL 7/13", "TSB Circular 106"), a COM contribution ("COM 17-C 123"), or a stored document's id as sgbot shows it
 * ("doc 7cc634516daa").
 */
const REF =
  String.raw`(?:(?:SG\s?\d{1,2}|TSAG|TDAG|RAG)-(?:LS|TD|C|R)\s?\d{1,4}(?:\/[A-Z0-9]{2,5})?(?:-?R\d{1,2})?|TD\s?\d{1,4}(?:\/[A-Z0-9]{2,5}|\s*\((?:WP\s?\d{1,2}|PLEN|GEN)\s?\/\s?(?:\d{1,2}|TSAG)\))?|(?:TSB\s+)?(?:Collective\s+letter|CL|Circular|circ\.?)\s*\d{1,4}(?:\s*\/\s*(?:\d{1,2}|TSAG))?|COM\s?\d{1,2}\s*[-–\s]\s*[CR]\s?\d{1,4}(?:\s*[-–]\s*[EFSACR])?|LS\s?\d{1,4}(?![\w/])|(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12}(?![\w-]))`;

/**
 * The references a document asked for by `ref` may be stored under, the asked one first, then its full forms: "CL 7/13"
 * → "TSB Collective letter 7/13" (`circ 412` is read as TSB Circular 412 before), "COM 13-C45" → "COM 13-C45-E" (the
 * language), "SG20-TD215" → "SG20-TD215/WP1" (the part of the meeting).
 */
function referenceForms(ref: string): string[] {
  const cl = /^(?:TSB\s+)?CL\s*(\d{1,3}\s*\/\s*(?:\d{1,2}|TSAG))$/i.exec(ref)?.[1];
  if (cl) return [ref, `TSB Collective letter ${cl}`, `Collective letter ${cl}`];
  if (/^COM\s?\d{1,2}\s*[-–\s]\s*[CR]\s?\d{1,4}$/i.test(ref)) return [ref, ...['E', 'F', 'S'].map((lang) => `${ref}-${lang}`)];
  if (/^(?:SG\s?\d{1,2}|TSAG)-TD\s?\d{1,4}$/i.test(ref)) return [ref, ...['PLEN', 'GEN', 'WP1', 'WP2', 'WP3', 'WP4', 'WP5', 'WP6'].map((part) => `${ref}/${part}`)];
  return [ref];
}

/**
 * The stored documents `ref` names (a reference in any of its written forms, a TD or LS number without its group, an
 * id's first characters), the newest first: a reference used again (a letter number of another study period, a TD
 * number of another group) gives each of them.
 */
export async function documentsByReference(ctx: Pick<CommandContext, 'store' | 'search'>, asked: string): Promise<StoredDocument[]> {
  const ref = asked.replace(/^(?:TSB\s+)?circ\.?\s*(?=\d)/i, 'TSB Circular ');
  let docs: StoredDocument[] = [];
  for (const form of referenceForms(ref)) {
    docs = await ctx.store.findByReference(form);
    if (docs.length > 0) break;
  }
  // "TD870" without its group: the stored TD of that number, whichever group's ("SG20-TD870/WP1").
  const bareTd = /^TD\s?(\d{1,4})(?:\/([A-Z0-9]{2,5})|\s*\(([^()]{2,12})\))?$/i.exec(ref);
  if (docs.length === 0 && bareTd) {
    // "SG20-TD870/WP1" for "TD870", "TD 455 (WP2/5)" for "TD 455 (WP2/5)" or "TD 455": the reference without its
    // group and spaces starts with what was asked, and no digit follows.
    const squashed = (r: string) => r.toLowerCase().replace(/\s+/g, '');
    const wanted = squashed(ref);
    const sameTd = (reference: string) => {
      const own = squashed(reference).replace(/^[^-]*-(?=td)/, '');
      return own.startsWith(wanted) && !/^\d/.test(own.slice(wanted.length));
    };
    const index = await ctx.search();
    const byNumber = async (words: string) => (await index.search(words, 10)).filter((h) => h.reference && sameTd(h.reference));
    const joined = await byNumber(`TD${bareTd[1]}`);
    const hits = joined.length > 0 ? joined : await byNumber(`TD ${bareTd[1]}`);
    docs = (await Promise.all(hits.slice(0, 3).map((h) => ctx.store.getDocument(h.id)))).filter((d) => d !== null);
  }
  // "LS332" without its group: the stored statement of that number, whichever group's ("SG15-LS332").
  const bareLs = /^LS\s?(\d{1,4})$/i.exec(ref);
  if (docs.length === 0 && bareLs) {
    const numbered = (await ctx.store.liaisons(null, 500)).filter((l) => new RegExp(`-LS\\s?0*${bareLs[1]}$`, 'i').test(l.source.reference ?? ''));
    docs = (await Promise.all(numbered.slice(0, 3).map((l) => ctx.store.getDocument(l.source.docId)))).filter((d) => d !== null);
  }
  if (docs.length === 0 && /^[0-9a-f]{8,20}$/i.test(ref)) {
    const all = await ctx.store.documentsAfter(0, 100_000);
    const id = all.find((d) => d.id.startsWith(ref.toLowerCase()))?.id;
    const doc = id ? await ctx.store.getDocument(id) : null;
    docs = doc ? [doc] : [];
  }
  return [...docs].sort((a, b) => (b.parsed.date ?? '').localeCompare(a.parsed.date ?? ''));
}

/** {@link REF} anywhere in a question. */
const REF_IN_TEXT = new RegExp(String.raw`(?<![\w/-])${REF}(?![\w/-])`, 'i');

/**
 * The answer to what was asked of a liaison statement, as its first line: who it is copied to, when a reply is due,
 * who sent it and from which Questions, whom to contact; `null` for anything else (the card answers it).
 */
function statementHeadline(question: string, label: string, li: LiaisonInfo, tz: string, recommendations: readonly { id: string; ex?: string | null }[] = [], answeredBy: { reference: string | null; title: string | null } | null = null, dated: string | null = null): string | null {
  const parties = (purpose: string) => (li.addressees ?? []).filter((a) => a.purpose === purpose).map(partyNamed);
  const from = `${li.from ?? 'an unnamed sender'}${li.questions.length > 0 ? ` (${li.questions.join(', ')})` : ''}`;
  const due = li.deadline ? formatDeadline({ date: li.deadline, time: null, timezone: 'Europe/Zurich' }, tz) : null;
  const acting = [...parties('action'), ...parties('comment')];
  // The group the question names (a group in a reference, "SG11-LS58", is none), and what the statement is to it.
  const named = canonicalGroup(GROUP_IN_QUESTION.exec(question.replace(/\b(?:SG\s?\d{1,2}|TSAG)-(?:LS|TD)\s?\d{1,4}\b/gi, ' '))?.[0] ?? '');
  const own = named ? (li.addressees ?? []).find((a) => a.group === named || canonicalGroup(a.party) === named) : undefined;
  const acts = own !== undefined && (own.purpose === 'action' || own.purpose === 'comment');
  if (/\b(?:copied|cc'?d?|copy|copies)\b|\bfor information\b/i.test(question)) {
    const copied = parties('information');
    return copied.length > 0 ? `${label} is copied, for information, to ${copied.join(', ')}` : `${label} is copied to no one`;
  }
  if (/\bdue\b|\bdeadline\b|\bby when\b|\breply date\b|\bhow long\b/i.test(question)) {
    return due ? `A reply to ${label} is due by ${due}` : `${label} sets no reply date`;
  }
  // "when was it sent?", "what's its date?": the date it bears.
  if (/\bwhen\s+(?:was|were|is|did)\b[^?]{0,40}?\b(?:sent|send|issued|issue|dated|written|agreed|approved|published|received)\b|\bwhat(?:'s|’s| is)?\s+(?:its|the)\s+date\b|\bhow old\b/i.test(question)) return dated ? `${label} is dated ${dated}` : `${label} bears no date`;
  // "was it answered?", "any reply yet?": the stored reply to it, or that none is (and whether one was asked).
  if (/\b(?:answered|replied to|responded to)\b|\b(?:any|a|the)\s+(?:reply|replies|response|answer)\b(?!\s+(?:date|deadline|due))/i.test(question) && !/\bwho\b|\bby when\b/i.test(question)) {
    if (answeredBy) return `Yes: ${label} was answered by ${answeredBy.reference ?? answeredBy.title ?? 'a stored reply'}`;
    const asked = due !== null || acting.length > 0 || li.purpose === 'action' || li.purpose === 'comment';
    return asked ? `No reply to ${label} is stored${due ? `; one is asked by ${due}` : ''}` : `No reply to ${label} is stored, and none is asked: it is sent for information`;
  }
  if (/\bcontacts?\b|\baction holders?\b|\bwho (?:can|do|should|could) (?:I|we) (?:ask|write|e-?mail)\b/i.test(question)) {
    return contactsTitle(label, li.contacts);
  }
  if (/\bquestions?\b/i.test(question)) {
    return `${label} is from ${from}${acting.length > 0 ? `; for action: ${acting.join(', ')}` : ''}`;
  }
  if (/\bwho (?:sent|wrote|issued|signed)\b|\bfrom whom\b|\bwho (?:is|was) it from\b/i.test(question)) return `${label} was sent by ${from}`;
  if (/\b(?:asks?|asking|wants?|wanting|requests?|requesting)\b/i.test(question) && !/\bwho\b/i.test(question)) {
    // "what does it ask sg21?": what it is to that group (action or information), its requests in the card below.
    if (named && !own) return `${label} is not addressed to ${named}`;
    if (named && own && !acts) return `${label} is sent to ${named} for information: it asks ${named} for no reply${due ? ` (it asks others by ${due})` : ''}; what it says is below`;
    return asksTitle(label, li);
  }
  if (/\brecs?\b|\brecommendations?\b|\bdrafts?\b/i.test(question)) return recommendations.length > 0 ? `${label} names ${recommendations.map(recommendationName).join(', ')}` : `${label} names no Recommendation`;
  // "who else got it?", "to whom was it sent?": its addressees, by purpose.
  if (/\bwho\s+(?:else\s+)?(?:got|gets|received|receives)\b|\bwho\s+else\b|\bto\s+whom\b|\bwho\s+(?:is|was|'s|’s)\s+it\s+(?:for|to|addressed to|sent to)\b|\bwho\s+(?:was|is)\s+it\s+(?:sent|addressed)\b/i.test(question)) {
    const by = (purpose: string, word: string) => (parties(purpose).length > 0 ? [`${parties(purpose).join(', ')} for ${word}`] : []);
    const parts = [...by('action', 'action'), ...by('comment', 'comment'), ...by('information', 'information')];
    return parts.length > 0 ? `${label} went to ${parts.join('; ')}` : `${label} names no addressee`;
  }
  // "who has to answer it?", "who must reply to SG11-LS58?": its action addressees, and by when.
  if (/\bwho\b[^?]{0,40}?\b(?:reply|replies|respond|answer|act|action)\b/i.test(question)) {
    const copied = parties('information');
    const told = copied.length > 0 ? `; for information only: ${copied.join(', ')}` : '';
    return acting.length > 0 ? `${acting.join(', ')} ${acting.length > 1 ? 'are' : 'is'} asked to act on ${label}${due ? `, replying by ${due}` : ''}${told}` : `${label} asks no one to act${due ? ` (it gives a reply date, ${due})` : ''}${told}`;
  }
  // "does sg2 need to reply?": whether that group is asked to act.
  if (named && /\b(?:need|needs|have|has|must|should|asked)\s+to\s+(?:reply|respond|answer|act)\b/i.test(question)) {
    if (own && acts) return `Yes: ${label} asks ${named} to ${own.purpose === 'comment' ? 'comment' : 'act'}${due ? `, replying by ${due}` : ''}`;
    const others = acting.length > 0 ? `${label} asks ${acting.join(', ')} to act${due ? `, replying by ${due}` : ''}` : due ? `it gives a reply date, ${due}, but asks no one by name` : 'it sets no reply date';
    return `No: ${own ? `${named} gets ${label} for information` : `${label} is not addressed to ${named}`}; ${others}`;
  }
  return null;
}

// Words of a question that say nothing of what it asks ("what", "does", "it"), and a document's own name.
const ASKING = new Set(['what', 'whats', 'when', 'where', 'which', 'who', 'whom', 'whose', 'why', 'how', 'does', 'did', 'do', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must', 'have', 'has', 'had', 'the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'them', 'their', 'i', 'we', 'us', 'our', 'my', 'me', 'you', 'your', 'to', 'of', 'for', 'on', 'in', 'at', 'by', 'from', 'with', 'about', 'and', 'or', 'if', 'then', 'there', 'any', 'some', 'someone', 'anyone', 'so', 'say', 'says', 'tell', 'mean', 'happen', 'happens', 'exactly', 'please', 'already']);
// The words a document gives a reason or an outcome in.
const REASON = /\b(?:owing to|because|due to|as a result|in order to|so that|following|given that|since|superseded|no longer (?:maintained|needed|used|relevant)|obsolete|replaced by|at the request of|requests? (?:from|of))\b/i;

/**
 * The sentences of a document that answer what was asked of it ("why?", "what if someone objects?", "where do
 * objections go?"): those holding most of the question's own words (a reason's words for "why"), at most two.
 */
function saidOf(text: string, question: string, label: string): string[] {
  const named = new Set(label.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const words = [...new Set(question.toLowerCase().replace(REF_IN_TEXT, ' ').split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3 && !ASKING.has(w) && !named.has(w));
  const stems = words.map((w) => (w.length > 5 ? w.slice(0, 5) : w.replace(/s$/, '')));
  const why = /^\s*(?:and\s+)?why\b/i.test(question);
  if (stems.length === 0 && !why) return [];
  const sentences = text.slice(0, 30_000).replace(/\s*\n\s*/g, ' ').split(/(?<=[.;!?])\s+(?=[A-Z0-9])/).map((x) => x.trim().replace(/^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\p{Lu})/u, '')).filter((x) => x.length >= 25 && x.length <= 600);
  const scored = sentences
    .map((x, i) => ({ x, i, score: stems.filter((st) => new RegExp(String.raw`\b${RegExp.escape(st)}`, 'i').test(x)).length + (why && REASON.test(x) ? 2 : 0) + cueOf(question, x) }))
    .filter((r) => r.score >= (why ? 2 : Math.min(2, stems.length)))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.slice(0, 2).sort((a, b) => a.i - b.i).map((r) => r.x);
}

/** How much more a sentence answers the kind of question asked: "where" an address, "what if" a condition. */
function cueOf(question: string, sentence: string): number {
  if (/^\s*(?:and\s+)?where\b/i.test(question) && /@|\bsent to\b|\baddress\b|\bsubmit\w* to\b/i.test(sentence)) return 1;
  if (/\bwhat if\b|\bwhat happens\b/i.test(question) && /\b(?:if|should|unless|otherwise|in case)\b/i.test(sentence)) return 1;
  return 0;
}

/** A Recommendation with its provisional name: "G.9806.1 (ex G.hsp-pmd)". */
function recommendationName(r: { id: string; ex?: string | null }): string {
  return r.ex ? `${r.id} (ex ${r.ex})` : r.id;
}

/** A study group named in a question ("sg2", "SG 13", "study group 20", "TSAG"). */
const GROUP_IN_QUESTION = /\b(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG)\b/i;

export default defineCommand({
  name: 'doc',
  aliases: ['document', 'show'],
  summary: 'Show one document (by reference or id) and the facts read from it.',
  usage: 'doc <reference | id>',
  examples: ['doc TSB Collective letter 3/20', 'doc SG17-LS45'],
  args: z.object({ ref: z.string().trim().min(2, 'Say which document, for example: doc TSB Circular 106'), asked: z.string().optional() }),
  // A question that names the document ("who's copied on SG13-LS87?"): the document, and what was asked of it.
  parseText: (rest) => {
    const named = REF_IN_TEXT.exec(rest);
    // (Words around it, not marks: "TD 455 (++)" is a reference written oddly, asked for as written.)
    return named && /[A-Za-z]{2,}/.test(rest.replace(named[0], ' ')) ? { ref: named[0], asked: rest } : { ref: rest };
  },
  intents: [
    // "what is SG15-LS103 about?", "tell me about TSAG-LS11", "show me TSB Circular 106", "details of CL 7/13"
    new RegExp(
      String.raw`^(?:so |and )?(?:what(?:'s|’s| is| was)|tell me (?:more )?about|show(?: me)?|open|describe|summari[sz]e|(?:more )?details? (?:of|on|for|about)|info(?:rmation)? (?:on|about)|explain)\s+(?:the\s+)?(?:document\s+|liaison(?: statement)?\s+|LS\s+)?(?<arg>${REF})(?:\s+(?:about|for|on))?\s*[?.!]*$`,
      'i',
    ),
    // "what does SG20-LS88 ask?", "what did TSAG-LS11 say"
    new RegExp(String.raw`^(?<arg>what (?:does|did) (?:the\s+)?${REF} (?:say|ask|want|propose|request|cover|contain|need)\b.*)$`, 'i'),
    // "who is the contact for SG15-LS54", "who sent SG20-LS88?", "who submitted COM 13 C 45", "who do I contact about
    // TSAG-LS11"
    new RegExp(
      String.raw`^(?<arg>(?:who (?:is|are) (?:the )?contacts?(?: person| people| persons)? (?:for|of|on|about)|who (?:sent|wrote|issued|submitted|authored|contributed|proposed)|who (?:do|should|can) (?:I|we) (?:contact|ask|write to) (?:about|for|on)|contacts? (?:for|of|on))\s+(?:the\s+)?${REF})\s*[?.!]*$`,
      'i',
    ),
    // The reference alone: "SG15-LS103?"
    new RegExp(String.raw`^(?<arg>${REF})\s*[?.!]*$`, 'i'),
    // Any short question about a document named by its reference: "SG20-LS88 reply date?", "tsb circular 241
    // deadline", "what does circ 412 ask member states", "what did sg20 reply to SG13-LS96".
    new RegExp(String.raw`^(?=[^\n]{0,150}$)(?!search\b|find\b|ls\b|liaisons?\b)(?<arg>.*?\b${REF}(?![\w/-]).*)$`, 'i'),
  ],
  async run(ctx, { ref: written, asked: question }): Promise<Reply> {
    const ref = written.replace(/^(?:TSB\s+)?circ\.?\s*(?=\d)/i, 'TSB Circular ');
    const docs = await documentsByReference(ctx, ref);
    const doc = docs[0];
    const others = docs.slice(1, 4).map((d) => `${citeOf(d).title ?? d.parsed.reference ?? 'a document'}${d.parsed.date ? `, dated ${d.parsed.date}` : ''} (doc ${d.id.slice(0, 12)})`);
    if (!doc) {
      // Not stored, but answered by a statement that is: "did anyone reply to SG13-LS96".
      const key = ref.toLowerCase().replace(/\s+/g, '');
      const replies = (await ctx.store.liaisons(null, 500)).filter((l) => (l.liaison.repliesTo ?? []).some((r) => r.toLowerCase().replace(/\s+/g, '') === key));
      if (replies.length > 0) {
        const sources = uniqueSources(replies.map((l) => sourceOf(l.source)));
        return {
          ok: true,
          title: `${ref} is not stored; stored statements answer it`,
          sections: [{ items: replies.slice(0, 10).map((l) => ({ text: `${l.source.reference ?? l.source.title ?? 'Liaison statement'}${l.source.title && l.source.reference ? `: ${l.source.title}` : ''}`, detail: `from ${l.liaison.from ?? 'unknown'}${l.source.date ? `, dated ${l.source.date}` : ''} [${sourceLabel(sourceOf(l.source))}]`, source: sourceOf(l.source) })) }],
          notes: [`${ref} itself is not among the stored documents; these statements say they answer it.`],
          sources,
          data: { ref, answeredBy: replies.map((l) => l.source) },
        };
      }
      return noAnswer('E_NOT_FOUND', `No stored document has the reference "${ref}".`, ['Use `search` to find it by its words.'], { ref });
    }
    const p = doc.parsed;
    const cite = citeOf(doc);
    const unverified = cite.unverified === true;
    const source = { docId: doc.id, reference: p.reference, title: cite.title, kind: p.kind, ...(unverified ? { unverified: true } : {}) };
    const day = (iso: string) => DateTime.fromISO(iso).toFormat('ccc d LLL yyyy');
    const facts: ReplyItem[] = [
      // (A statement from another body to a group is not that group's: "Liaison statement to SG2".)
      { text: `${KIND_LABELS[p.kind]}${p.group ? `${p.liaison?.from && canonicalGroup(p.liaison.from) === null ? ' to' : ' of'} ${p.group}` : ''}${p.date ? `, dated ${day(p.date)}` : ''}${p.revision ? ` (${p.revision})` : ''}` },
    ];
    if (doc.supersededBy) facts.push({ text: `Superseded by a later revision (doc ${doc.supersededBy.slice(0, 12)}).` });
    if (p.meeting) {
      const opens = formatOpening(p.meeting, ctx.tz);
      facts.push({
        text: `Meeting: ${formatRange(p.meeting.start, p.meeting.end)}${p.meeting.place ? `, ${p.meeting.place}` : ''}${p.meeting.format === 'hybrid' ? ' (hybrid)' : ''}`,
        ...(opens ? { detail: `opens ${opens}${p.meeting.registrationTime ? `; registration from ${formatOpening({ ...p.meeting, startTime: p.meeting.registrationTime }, ctx.tz)}` : ''}` } : {}),
      });
    }
    for (const e of p.events) facts.push({ text: `${eventLabel(e.title)}: ${e.title}`, detail: `${formatEventTime(e, ctx.tz)}${e.place ? `, ${e.place}` : ''}` });
    for (const d of p.deadlines) facts.push({ text: `Deadline ${formatDeadline(d, ctx.tz)}${dueAt(d) < ctx.now ? ' (past)' : ''}: ${CATEGORY_LABELS[d.category]}`, detail: d.action });
    // Who brought a contribution or TD, as its header says ("Source: Kenya", "Contact: Grace Wanjiru").
    if (!p.liaison && (p.kind === 'contribution' || p.kind === 'td')) {
      const head = ((await ctx.store.getText(doc.id)) ?? '').slice(0, 4000);
      const from = fieldValue(head, 'Source');
      const contact = fieldValue(head, 'Contacts?', 1);
      if (from) facts.push({ text: `Source: ${from.replace(/\s+/g, ' ')}` });
      if (contact) facts.push({ text: `Contact: ${contact.replace(/\s+/g, ' ')}` });
    }
    if (p.liaison) {
      const li = p.liaison;
      const parts = addresseeList(li) ?? `to ${li.to.join(', ') || '?'} for ${li.purpose ?? '?'}`;
      facts.push({
        text: `Liaison from ${li.from ?? '?'}${li.questions.length ? ` (${li.questions.join(', ')})` : ''}; ${parts}`,
        ...(li.deadline ? { detail: `reply by ${formatDeadline({ date: li.deadline, time: null, timezone: 'Europe/Zurich' }, ctx.tz)}${dueAt({ date: li.deadline, time: null, timezone: 'Europe/Zurich' }) < ctx.now ? ' (passed)' : ''}` } : {}),
      });
      if (li.repliesTo?.length) facts.push({ text: `Answers: ${li.repliesTo.join(', ')}` });
      // Whether it was answered: a stored reply that says it answers this one, or none.
      if (doc.answeredBy) facts.push({ text: `Answered by ${doc.answeredBy.reference ?? doc.answeredBy.title ?? doc.answeredBy.docId.slice(0, 12)}` });
      else if (li.deadline || li.purpose === 'action' || li.purpose === 'comment') facts.push({ text: 'No reply to it is stored.' });
      // What it asks, in its own words.
      for (const asked of requestsOf((await ctx.store.getText(doc.id)) ?? '')) facts.push({ text: `Asks: ${asked}` });
      for (const c of li.contacts) facts.push({ text: `Contact: ${contactLine(c)}` });
    }
    for (const r of p.roles) facts.push({ text: `Lead role: ${r.group} on ${r.topic}` });
    // What a TD or contribution asks the meeting to do ("WP1/20 is invited to endorse …"), in its own words.
    if (!p.liaison && (p.kind === 'td' || p.kind === 'contribution')) for (const asked of requestsOf((await ctx.store.getText(doc.id)) ?? '', 3)) facts.push({ text: `Asks: ${asked}` });
    // A letter whose subject names the texts it is on (a consultation's drafts): those first, the others it cites apart.
    const subject = new Set(findRecommendations(p.title ?? '').map((r) => r.id));
    const own = p.recommendations.filter((r) => subject.has(r.id));
    const cited = p.recommendations.filter((r) => !subject.has(r.id));
    if (own.length > 0 && cited.length > 0) {
      facts.push({ text: `Recommendations it is on: ${own.map(recommendationName).join(', ')}` });
      facts.push({ text: `Also cited: ${cited.map(recommendationName).join(', ')}` });
    } else if (p.recommendations.length) facts.push({ text: `Recommendations: ${p.recommendations.map(recommendationName).join(', ')}` });
    if (p.questions.length) facts.push({ text: `Questions: ${p.questions.map((q) => q.id).join(', ')}` });
    const stored = DateTime.fromISO(doc.ingestedAt, { zone: ctx.tz }).toFormat('ccc d LLL yyyy, HH:mm');
    const label = p.reference ?? cite.title ?? describeDocument(p, doc.source);
    const headline = question && p.liaison ? statementHeadline(question, label, p.liaison, ctx.tz, p.recommendations, doc.answeredBy ?? null, p.date ? formatRange(p.date, p.date) : null) : null;
    // Anything else asked of it ("why?", "what if someone objects?"): the sentences of it that answer, in its words.
    const said = question && !headline ? saidOf((await ctx.store.getText(doc.id)) ?? '', question, label) : [];
    return {
      ok: true,
      title: headline ?? (said.length > 0 ? `What ${label} says` : label),
      sections: [...(said.length > 0 ? [{ heading: `On "${question?.trim()}"`, items: said.map((text) => ({ text, source })) }] : []), { heading: cite.title ?? undefined, items: facts }],
      notes: [
        ...(others.length > 0 ? [`${others.length === 1 ? 'Another stored document has' : `${others.length} other stored documents have`} this reference: ${others.join('; ')}. Ask for one by its doc id.`] : []),
        `Source: ${doc.source.name}, stored ${stored} (${ctx.tz}).`,
        ...(doc.source.list?.list ? [`Came through ${doc.source.list.list}.`] : []),
        ...(doc.source.auth ? [`Sender ${unverified ? 'UNVERIFIED' : 'check'}: ${doc.source.auth.summary}`] : unverified ? ['Sender UNVERIFIED: this document came with no sender check; nothing is acted on from it.'] : []),
      ],
      sources: [source],
      data: { document: doc },
    };
  },
});
