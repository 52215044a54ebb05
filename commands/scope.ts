/**
 * Shared argument handling: a group (`SG20`, `study group 20`, `TSAG`, `SG12RG-AFR`, `WP2/5`) or a Question
 * (`Q4/20`) named anywhere in a question, and the polite refusal for a group that does not exist.
 */
import { z } from 'zod';
import type { CommandContext, Reply, SourceRef } from '../src/core/command.ts';
import { noAnswer } from '../src/core/command.ts';
import { acceptedStudyGroups, byGroup, canonicalGroup, canonicalQuestion, canonicalWorkingParty, CURRENT_STUDY_GROUPS, GROUP_MENTION, rapporteurGroupIn, withQuestionLists, withRegionalGroups } from '../src/core/groups.ts';
import type { Addressee, Contact, LiaisonInfo } from '../src/core/types.ts';
import { actingAddressees } from '../src/parse/liaison.ts';
import type { Cite, MeetingFact } from '../src/store/facts.ts';

export { byGroup } from '../src/core/groups.ts';

/**
 * What a scoped command is about: a group, a Question, everything, or something that is not a group. A working
 * party is its study group, with `workingParty` saying which (`WP1/20`).
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'group'; group: string; workingParty?: string }
  | { kind: 'question'; question: string }
  | { kind: 'unknown'; text: string };

/** Words around a group that say nothing about which one: "deadlines for the SG20 meeting, please". */
const FILLER = /\b(?:for|of|the|from|to|about|in|ITU-T|next|upcoming|meetings?|deadlines?|liaisons?|statements?|please|group|study)\b/gi;

/** The scope a single mention of a group, working party or Question stands for; `unknown` for one that does not exist. */
function scopeOfMention(mention: string): Scope {
  const t = mention.replace(/\s+/g, ' ').trim();
  const q = canonicalQuestion(t.replace(/^ITU-T\s+/i, ''));
  if (q) return { kind: 'question', question: q };
  const g = canonicalGroup(t) ?? canonicalGroup(t.replace(/\s+/g, ''));
  if (!g) return { kind: 'unknown', text: t };
  const wp = canonicalWorkingParty(t);
  return wp ? { kind: 'group', group: g, workingParty: wp } : { kind: 'group', group: g };
}

/** "one" … "twenty-one": a study group's number written as a word ("Study Group Thirteen"). */
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'twenty-one'];
const SPELLED_GROUP = new RegExp(String.raw`\b(study\s+groups?)\s+(twenty[\s-]one|${NUMBER_WORDS.slice(0, 20).join('|')})\b`, 'gi');

/**
 * The group, working party or Question named in `text`, and the text without it: "what's due for SG 20 in May" →
 * SG20 and "what's due for  in May". `scope` is `null` when none is named; `unknown` when the one named does not
 * exist (`SG99`) or more than one different one is named, those then in `several` ("SG 13 or SG 11").
 */
export function findScope(input: string): { scope: Scope | null; rest: string; several?: Scope[] } {
  const text = withRegionalGroups(withQuestionLists(input).replace(SPELLED_GROUP, (_, words: string, n: string) => `${words} ${NUMBER_WORDS.indexOf(n.toLowerCase().replace(/[\s-]+/, '-')) + 1}`))
    // "sg2 wp1", "SG17 WP3": a working party named after its study group.
    .replace(/\bSG\s?(\d{1,2})\s+(?:WP|working party)\s?(\d{1,2})(?![\w/])/gi, (_, sg: string, wp: string) => `WP${wp}/${sg}`);
  // "ITU-R Study Group 9", "ITU-D SG1": another sector's group, not ITU-T's of that number.
  const otherSector = /\bITU-[RD][\s-]+(?:Study\s+Group|SG|Working\s+Party|WP)\s?\d{1,2}[A-Z]?\b/i.exec(text);
  if (otherSector) return { scope: { kind: 'unknown', text: otherSector[0] }, rest: text.replace(otherSector[0], ' ') };
  // "when does TSAG RG-WPR meet": a rapporteur group, named, no group of its own.
  const rapporteurGroup = rapporteurGroupIn(text);
  if (rapporteurGroup) return { scope: { kind: 'unknown', text: rapporteurGroup }, rest: text.replace(rapporteurGroup, ' ') };
  const mentions = [...text.matchAll(GROUP_MENTION)];
  if (mentions.length === 0) return { scope: null, rest: text };
  const scopes = mentions.map((m) => scopeOfMention(m[0]));
  const keys = new Set(scopes.map((s) => JSON.stringify(s)));
  // "SG20's deadlines": the possessive goes with the group.
  const rest = text.replace(GROUP_MENTION, ' ').replace(/(?<=\s|^)['’]s\b/g, ' ');
  // ("the joint Q4/9, Q5/9 and Q13/16 rapporteur meeting": Questions named together are asked of through the first, as
  // a joint meeting is filed under each of its Questions.)
  if (keys.size > 1 && scopes.every((x) => x.kind === 'question') && /\bjoint\b|\brapporteurs?\b/i.test(text)) return { scope: scopes[0] as Scope, rest };
  if (keys.size > 1) return { scope: { kind: 'unknown', text: mentions.map((m) => m[0]).join(' ') }, rest, several: [...keys].map((k) => JSON.parse(k) as Scope) };
  return { scope: scopes[0] as Scope, rest };
}

/** `text` without punctuation at its ends, filler words and extra spaces: what is left to understand. */
export function leftover(text: string, extra?: RegExp): string {
  let t = text.replace(/^[\s,;:?!.]+|[\s,;:?!.]+$/g, '').replace(/[?!]+/g, ' ');
  if (extra) t = t.replace(extra, ' ');
  return t.replace(FILLER, ' ').replace(/(?:^|\s)[,;:.'’]+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Read a scope from user text: "SG20", "SG 20", "sg20", "study group 20", "ITU-T SG20", "Q4/20", "WP1/20", "TSAG",
 * "SG12RG-AFR"; words such as "for", "of", "the", "meeting" around it are ignored. Anything else left over makes the
 * scope `unknown` (the refusal then lists the groups there are).
 */
export function parseScope(text: string): Scope {
  const { scope, rest } = findScope(text.length > MAX_SCOPE_TEXT ? text.slice(0, MAX_SCOPE_TEXT) : text);
  const left = leftover(rest);
  if (scope?.kind === 'unknown') return scope;
  if (left === '') return scope ?? { kind: 'all' };
  return { kind: 'unknown', text: leftover(text.length > MAX_SCOPE_TEXT ? `${text.slice(0, MAX_SCOPE_TEXT)}…` : text) };
}

/** Longest text read for a scope: a group name is a few words; a pasted page is not one. */
const MAX_SCOPE_TEXT = 2000;

/** zod schema of a scope argument plus an `--all` flag. */
export const scopeArgs = z.object({ scope: z.custom<Scope>(), all: z.boolean() });

/** Split "SG20 --all" into a scope and flags. */
export function scopeFromText(rest: string): { scope: Scope; all: boolean } {
  const all = /(?:^|\s)--?all\b|\ball\b.*\bpast\b|\bincluding past\b/i.test(rest);
  return { scope: parseScope(rest.replace(/(?:^|\s)--?all\b/gi, ' ')), all };
}

/**
 * The refusal for something that is not a known group, listing the groups sgbot accepts: the study groups of the
 * current period, TSAG and every group documents are stored for (regional groups among them), then the study groups
 * of earlier periods, which are accepted too.
 */
export async function unknownGroupReply(ctx: CommandContext, text: string): Promise<Reply> {
  const withDocs = [...(await ctx.store.groupsWithDocuments())].sort(byGroup);
  const curated = Object.keys(ctx.curated.groupTitles['2025-2028'] ?? {});
  const known = [...new Set([...CURRENT_STUDY_GROUPS, ...curated, 'TSAG', ...withDocs])].sort(byGroup);
  const earlier = acceptedStudyGroups().filter((g) => !known.includes(g));
  // "deadlines for it", "when is that": a word pointing back at something said before, which nothing said names here.
  if (/^(?:it|its|that|this|them|those|these|they|there)$/i.test(text.trim())) {
    return noAnswer('E_UNKNOWN_GROUP', `Which group do you mean by "${text.trim()}"? Nothing asked before names one.`, [
      'Name it: e.g. "deadlines for SG16", "/meeting Q12/16".',
      `Known groups: ${known.join(', ')}.`,
    ], { known: [...known, ...earlier], withDocuments: withDocs });
  }
  return noAnswer(
    'E_UNKNOWN_GROUP',
    `"${text}" is not an ITU-T group I know.`,
    [
      `Known groups: ${known.join(', ')}.`,
      ...(earlier.length > 0 ? [`Also accepted, from earlier study periods: ${earlier.join(', ')}.`] : []),
      withDocs.length > 0 ? `Documents are stored for: ${withDocs.join(', ')}.` : 'No documents are stored yet: run `sgbot ingest PATH` first.',
      'Write a group as SG20, SG 20 or study group 20, a regional group as SG12RG-AFR, a working party as WP1/20, or a Question as Q4/20.',
    ],
    { known: [...known, ...earlier], withDocuments: withDocs },
  );
}

/** "Jane Doe (ITU), jane.doe@example.org, +41 22 730 5111": a liaison contact in one line. */
export function contactLine(c: Contact): string {
  const who = [c.organization, c.country].filter(Boolean).join(', ');
  // (A mailbox named by its address alone, "tsbsg11@itu.int", is written once.)
  const email = c.email && c.email.toLowerCase() !== c.name.trim().toLowerCase() ? c.email : null;
  return [`${c.name}${who ? ` (${who})` : ''}`, email, c.phone].filter(Boolean).join(', ');
}

/** The source reference of a fact's citation. */
export function sourceOf(c: Cite): SourceRef {
  return { docId: c.docId, reference: c.reference, title: c.title, kind: c.kind, ...(c.unverified ? { unverified: true } : {}) };
}

/** Distinct sources, in first-seen order. */
export function uniqueSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const k = s.docId ?? `${s.reference}|${s.title}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The source of the letter that cancelled a meeting (`m.cancelledBy`, set for a cancelled meeting). */
export function cancellationSource(m: Pick<MeetingFact, 'cancelledBy' | 'source'>): SourceRef {
  return sourceOf(m.cancelledBy ?? m.source);
}

/** Short label of a source for people: its reference, else its title. */
export function sourceLabel(s: SourceRef): string {
  return s.reference ?? s.title ?? (s.docId ? `document ${s.docId.slice(0, 8)}` : 'unknown source');
}

/** Who meets: the Question, the working party a study group's letter convenes alone ("WP3/17"), or the group. */
export function whoMeets(m: Pick<MeetingFact, 'question' | 'questions' | 'groups' | 'title' | 'group'>): string {
  if (m.questions && m.questions.length > 1) return m.questions.join(', ');
  if (m.question) return m.question;
  if (m.groups && m.groups.length > 1) return m.groups.join(', ');
  const wp = /^Meeting of Working Party (\d)\/(\d{1,2})\b/i.exec(cancelledMeetingName(m.title));
  if (wp && m.group === `SG${wp[2]}`) return `WP${wp[1]}/${wp[2]}`;
  return m.group ?? 'Meeting';
}

/**
 * A liaison's addressees by purpose, each with its Questions: "for action: SG17 (Q6/17); for information: SG13";
 * `null` for a record stored before addressees were read.
 */
export function addresseeList(li: LiaisonInfo): string | null {
  const addressees = li.addressees ?? [];
  if (addressees.length === 0) return null;
  return (['action', 'comment', 'information'] as const)
    .map((purpose) => [purpose, addressees.filter((a) => a.purpose === purpose).map(partyNamed)] as const)
    .filter(([, parties]) => parties.length > 0)
    .map(([purpose, parties]) => `for ${purpose}: ${parties.join(', ')}`)
    .join('; ');
}

/** An addressee with the Questions named for it: "SG17 (Q11/17)", "IEEE 802.1". */
export function partyNamed(a: Pick<Addressee, 'party' | 'questions'>): string {
  return a.questions.length > 0 ? `${a.party} (${a.questions.join(', ')})` : a.party;
}

/** Who to ask about a statement: "Contact for SG11-LS58: Priya Raman (…), priya.raman@example.in", or that it names none. */
export function contactsTitle(label: string, contacts: readonly Contact[]): string {
  return contacts.length > 0 ? `Contact${contacts.length > 1 ? 's' : ''} for ${label}: ${contacts.map(contactLine).join('; ')}` : `${label} names no contact person`;
}

/** "What SG17-LS45 asks of SG20 (Q6/20)": the first line above a statement's requests, naming whom it asks to act. */
export function asksTitle(label: string, li: LiaisonInfo): string {
  const acting = actingAddressees(li).map(partyNamed);
  return `What ${label} asks${acting.length > 0 ? ` of ${acting.slice(0, 4).join(', ')}${acting.length > 4 ? ' and others' : ''}` : ''}`;
}

/** A cancelled meeting's name as its title gives it, without "Cancellation of": "Meeting of Working Party 1/2, …". */
export function cancelledMeetingName(title: string): string {
  return title.replace(/^Cancell?ation of (?:the )?/i, '').replace(/^./, (c) => c.toUpperCase());
}

/**
 * A reply date years after the statement's own date (a Datatracker page's "2033-02-28" on a liaison of 2012) is
 * shown as written, said to be so: "" when it is not.
 */
export function farAfterNote(due: string | null, dated: string | null): string {
  if (!due || !dated) return '';
  const years = Number(due.slice(0, 4)) - Number(dated.slice(0, 4));
  return years >= 3 ? ` (as the document gives it: ${years} years after its date of ${dated})` : '';
}
