/**
 * Which kind of document a text is. Signals are looked for in the header (first lines), strongest first: a
 * "LIAISON STATEMENT" heading or liaison fields beat a TD number (incoming liaisons are posted as TDs), a
 * collective-letter or circular reference beats anything a letter quotes.
 */
import type { DocumentKind } from '../core/types.ts';
import { headerOf } from './fields.ts';
import { isDatatracker, isFlatMemo, plainHeader } from './layout.ts';
import { groupOfAddress } from './liaison.ts';
import { findReferences, type ReferenceHit } from './reference.ts';

/** The kind of the document and the reference that decided it, if any. */
export interface Classification {
  kind: DocumentKind;
  reference: ReferenceHit | null;
}

const LS_HEADING = /^\s*LIAISON\s+STATEMENT\s*$|^[ \t]*(?:STATUS|DOCUMENT TYPE)[ \t]*:[ \t|]*Liaison (?:statement|report)\b|^\s*(?:For action to|For comment to|For information to)\s*:|^\s*Send any reply LS to\s*:/im;
// A flattened header whose heading ends a line of letterhead: "… STUDY PERIOD 2009-2012 LIAISON STATEMENT".
const LS_RUN_ON_HEADING = /(?:^|\s)LIAISON\s+STATEMENT[ \t]*$/m;
// ("Subject: Liaison Statement Improvements SOW …" is about statements, not one: the words after it name no party.)
const LS_TITLE =
  /^\s*Subject\s*:\s*(?:\[[^\]\n]{1,40}\]\s*)*(?:(?:Re|Fwd?|AW|TR)\s*:\s*)*(?:New\s+)?Liaison\s+Statement(?=[ \t]*(?:$|[:(\-–,]|[ \t]+(?:(?:on|to|from|regarding|concerning|about|re|in|for|by|of|with|and|LS)\b|\d|(?-i:[A-Z]{2,}|[A-Z]+[-/])|\(|\[)))|\b(?:send|forward|pass on|transmit)\s+you\s+the\s+(?:following|attached)\s+liaison\b|\bplease find (?:attached|enclosed|below) (?:a|the|our) (?:reply |response )?liaison\b|^\s*Title\s*:\s*(?:\[?Draft\]?\s+)?(?:LS|Liaison statement|Reply LS|LS reply|Response LS)\b|\bThis liaison statement\b|(?<!\b(?:a|an|the|two|three|our|their|its|these|those|that|ballot on a|approve a)\s)\bliaison (?:statement|response|reply) (?:from|to)\b|^\s*Liaison (?:statement )?(?:to|from) \S/im;
// "LS/i", "LS/o", "LS/r" name the statement a document is, in its title or its first lines; further down, a report
// mentions the ones it drafted ("Draft LS/o on hot topics to all ITU-T SGs (in TD268)").
const LS_SLASH = /^[^\n]*(?<!\bDraft\s)\bLS\/[ior]\b/im;
const TITLE_LINE = /^[ \t]*(?:Title|Subject)[ \t]*:[^\n]*/im;
// A 3GPP tdoc's first line: the meeting and the tdoc number ("3GPP TSG-SA WG2 Meeting #129bis  S2-1812368",
// "SA WG2 Meeting #129BIS\tS2-1812372").
// The number may stand far to the right, past a page's width of spaces.
const TDOC_FIRST_LINE = /^[^\n]{0,60}\b(?:TSG|(?:SA|RAN|CT)\s?WG\s?\d|SA|RAN|CT)\b[^\n]{0,30}\bMeeting\s*#[^\n]{0,300}?\b[SRC]P?\d?-\s?\d{5,8}\b/;
// What a company's tdoc carries below it: the change-request form, or "Document for:" and "Agenda Item:".
const TDOC_CONTRIBUTION = /^\s*CHANGE REQUEST\s*$|^\s*Document for\s*:[\s\S]{0,300}^\s*Agenda Item\s*:|^\s*Agenda Item\s*:[\s\S]{0,300}^\s*Document for\s*:/im;

/** Whether the statement names itself "LS/i", "LS/o" or "LS/r" in its title or first lines. */
function namesItselfLs(header: string): boolean {
  const title = TITLE_LINE.exec(header)?.[0] ?? '';
  return LS_SLASH.test(title) || LS_SLASH.test(header.slice(0, 600));
}

// A liaison written as a letter to a group: "Dear ITU-T SG 16, We are writing in response to the liaison statement".
const LS_LETTER = /^\s*Dear (?:ITU-T\s+)?(?:SG\s?\d{1,2}|Study Group \d{1,2}|TSAG|[A-Z][A-Za-z0-9-]{1,12}(?: WG| Working Group)?)\s*,\s*(?:\n\s*)*(?:We|I)\b[^.]{0,80}\b(?:in (?:response|reply) to|respond(?:ing)? to|reply(?:ing)? to)\s+(?:the|your)\s+liaison\b/im;
const BUREAU = /\b(?:TSB|BDT)\b|Telecommunication (?:Standardi[sz]ation|Development) Bureau|Radiocommunication Bureau/i;
const BUREAU_CIRCULAR = /\b(?:Administrative\s+Circular|Circular\s+Letter)\s*(?:[A-Z]{1,4}\/\d|\d{1,2}\/[A-Z]{2,6}\/\d)/;
const SALUTATION_IN_LINE = /\S[ \t]+Dear (?:Sir|Madam)\s*(?:\/\s*Madam\s*)?,/;
// "Executive summary of the SG11 meeting (Geneva, …)", "ITU-T Study Group 15 executive summary", "Executive Summary of the Meeting", "SG16 results (Online, …)", "Minutes of the IEEE P802.11 Full Working Group",
// "Meeting results (2017-10-16~27)".
const SUMMARY_HEADING = /^[ \t|]*(?:(?:Meeting\s+)?Executive summary\b|(?:ITU-T\s+)?(?:Study Group \d{1,2}|SG\s?\d{1,2}|TSAG)\s+executive summary\s*$|Meeting results\b|SG\s?\d{1,2} results\b|(?:DRAFT\s+)?Meeting Report (?:of|for)\b|(?:(?:Draft|Approved|Unapproved)\s+)?Minutes of the\b[^\n]{0,80}\b(?:Working Group|Plenary|Meeting|Session|Committee)\b)/im;
// A report's heading a converter ran into the line before it: "Third Generation Partnership Project (3GPP™) DRAFT
// Meeting Report for TSG CT WG3 meeting: 61".
// … or a workshop's "ITU-T Final Report" run into its masthead.
const REPORT_IN_LINE = /\bDRAFT\s+Meeting\s+Report\s+(?:of|for)\b|\bITU-[TRD]\s+Final\s+Report\b|\bMeeting\s+Report\s+(?:of|for)\s+(?:the\s+)?(?:3GPP|TSG|ETSI|IEEE)\b/;
// … or a 3GPP report's cover flattened into one line: "Agenda item3Title:Draft Report of 3GPP TSG RAN WG1 #65 v0.1.0".
const REPORT_TITLE_IN_LINE = /(?<![A-Za-z])Title\s*:\s*(?:Draft\s+)?Report\s+of\s+(?:the\s+)?(?:3GPP|TSG|ETSI)\b/;
// A meeting's report that opens by saying it took place: "1 Introduction / The fourth meeting of ITU-T JCA-NID … took
// place in Geneva on 18 September 2007".
const REPORT_OPENING = /^\s*(?:\d{1,2}\.?\s+)?Introduction\s*\n+\s*The\s+(?:[\w-]+\s+){0,3}meeting\s+of\b[^\n]{0,300}?\b(?:took place|was held)\b/i;
// A body's report on its liaison with another: "IEEE 802.11 - IETF Liaison Report".
const LIAISON_REPORT = /\bLiaison\s+Report\b/i;
// A sector's meeting report by its number ("Document 1/REP/20-E": ITU-D Study Group 1's report 20) or its heading
// ("Note by the Chairman SUMMARY OF CONCLUSIONS OF THE TENTH MEETING OF TDAG").
// A Recommendation's approval page ("AAP Recommendation" / "G.9702: …" / "Consent Date" / "Approval Date").
const AAP_PAGE = /^\s*AAP Recommendation\s*\n[\s\S]{0,1500}?^\s*(?:Consent|Approval) Date\b/im;
// Minutes heading the page: "Narrative Minutes interim-2021-iesg-18 2021-08-26 14:00", "Minutes of the Q4/20 e-meeting",
// "Meeting Minutes" under the meeting's name.
const MINUTES_HEADING = /^[ \t]*(?:(?:Draft|Approved|Narrative|Summary|Unapproved|Final|Meeting)[ \t]+)?Minutes\b(?:[ \t]*$|[ \t]+(?:of|for|from)\b|[ \t]+interim-|[^\n]{0,80}\b(?:meeting|teleconference|telechat|conference call|call|session)\b)/im;
const SECTOR_REPORT = /\bDocument\s+\d{1,2}\/REP\/\d{1,4}(?:\(Rev\.\d+\))?-[EFSCAR](?![a-z])|\bSummary of (?:the )?conclusions of the\b[^\n]{0,80}?\bmeeting\b/i;
const SECTOR_DOCUMENT = /\bDocument\s+(?:TDAG|RAG|CWG|WTDC|RA|WRC|RPM)[\w-]*\/\d{1,4}(?:\(Rev\.\d+\))?-[EFSCAR](?![a-z])/;
// A page that explains how to write a liaison statement, with an example: a guide, not a statement.
const LS_TEMPLATE_PAGE = /^[ \t]*Template for liaison statements?\b[\s\S]{0,3000}\bExample of a liaison statement\b/im;
// An assembly's or conference's input document: "PLENARY MEETING Addendum 30 to Document 46-E" (WTSA-16), "Document C24/12-E".
const ASSEMBLY_DOCUMENT = /\b(?:(?:Addendum|Corrigendum|Revision)\s+\d{1,3}\s+to\s+)?Document\s+(?:C\d{2}\/)?\d{1,4}(?:\(Rev\.\d+\))?-[EFSCAR](?![a-z])/;
const ASSEMBLY = /\b(?:Assembly|Conference|Council|WTSA|WTDC|PP-\d{2})\b/;
// "Title: Approved Report of 3GPP TSG RAN WG1 #46bis", "TITLE / : Draft GSC6 summary minutes (…)" (label and colon on
// lines of their own), "UK Delegation Report" as a heading line.
const REPORT_HEADING = /^\s*(?:REPORT\b|Report of the (?:meeting|.*?meeting of))|^\s*Draft\s+Report\s+of\s+the\s+[^\n]{0,60}\bmeeting\b|^[ \t]*Title[ \t]*\n?[ \t]*:[ \t/]*(?:(?:Draft|Approved|Final|Revised|Unapproved)[ \t]+)?(?:Report of\b|(?:(?!(?:on|of|the|a|an|for|to|and|in|with|about|from|meeting|comments?|template|form)\b)[^\s:]+[ \t]+){0,3}(?:summary[ \t]+)?minutes\b)|^[ \t]*(?:[A-Z][\w'’-]*[ \t]+){0,2}(?:Delegation|Meeting|Mission|Chair(?:man)?['’]s)[ \t]+Report[ \t]*$|^[^\n]{0,60}\bMeeting\s*#[^\n]{0,30}\bDRAFT REPORT\b/im;
// An ISO/IEC JTC 1 document's field that says what it is: "DOC TYPE: Meeting Report", "DOC. TYPE Liaison Report".
const JTC1_DOC_TYPE = /^[ \t]*DOC(?:UMENT)?\.?[ \t]*TYPE[ \t]*[:/]?[ \t]+(\S[^\n]{0,60})$/im;
// … that it announces a meeting: "Meeting Announcement and Agenda", "Meeting Agenda", "Calling Notice".
const MEETING_DOC_TYPE = /\b(?:meeting (?:announcement|notice|invitation)|calling notice|agenda)\b/i;

/** Whether an ISO/IEC JTC 1 document's "DOC TYPE" field says it announces a meeting (its agenda or calling notice). */
export function announcesMeeting(header: string): boolean {
  return MEETING_DOC_TYPE.test(JTC1_DOC_TYPE.exec(header.slice(0, 2000))?.[1] ?? '');
}
// The words before a reference that only mention it: "… is available as", "see", "(TSB Circular 9 of …)".
// … unless it is the document's own reference line: "Ref: Addendum 1 to TSB Collective letter 4/21".
const OWN_REFERENCE_BEFORE = /\b(?:Ref(?:erence)?\.?\s*[:/]|(?:Addendum|Corrigendum|Revision)\s+\d+\s+to\b)/i;
const MENTIONED_BEFORE = /(?:\b(?:as|see|in|of|by|to|per|under|with|from|and|the|that|is|was|are|were|cf\.?)|[a-z]{3,}\s*\()\s*$/i;
// "CONTRIBUTION" on a line of its own; a focus group's "INPUT DOCUMENT", on its own or run into a flattened header.
// … or a heading that says whose input it is and to whom: "ITU-T SG3 Contribution to CWG-WCIT12".
const CONTRIBUTION_HEADING = /^\s*CONTRIBUTION\s*$|^\s*INPUT DOCUMENT\s*$|\bQuestion\(s\):[^\n]{0,200}\bINPUT DOCUMENT\s+Source:|^[ \t]*(?:ITU-[TRD][ \t]+)?(?:SG[ \t]?\d{1,2}|Study Group \d{1,2}|TSAG|TDAG|RAG)[ \t]+Contribution[ \t]+to[ \t]+(?:the[ \t]+)?[A-Z][^\n]{1,80}$/im;
const TD_HEADING = /^\s*TD\s*$|\bThis TD\b|^\s*TEMPORARY DOCUMENT\s*$/im;

/**
 * Classify a normalised document text.
 *
 * @example classify('Ref: TSB Collective letter 3/20\nSubject: Meeting of Study Group 20').kind === 'collective-letter'
 */
/** The first `n` lines of `text` that are not blank, at most 6,000 characters of it: a 1 MB line is no heading. */
function firstLines(text: string, n: number): string {
  const out: string[] = [];
  let at = 0;
  while (out.length < n && at < text.length && at < 60_000) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? Math.min(text.length, at + 6_000) : Math.min(nl, at + 6_000));
    if (line.trim() !== '') out.push(line);
    if (nl < 0) break;
    at = nl + 1;
  }
  return out.join('\n').slice(0, 6_000);
}

export function classify(text: string): Classification {
  const raw = headerOf(text, 45);
  const header = plainHeader(raw, 45);
  const refs = findReferences(header);
  const byKind = (k: ReferenceHit['kind']) => refs.find((r) => r.kind === k) ?? null;
  // An IETF Datatracker page or notification is a liaison statement, whatever circular it quotes.
  if (isDatatracker(text)) return { kind: 'liaison-statement', reference: byKind('liaison-statement') };

  // A Bureau's administrative circular sending a summary of conclusions is a circular, whatever its subject summarises.
  if (BUREAU.test(text.slice(0, 600)) && /\bAdministrative\s*Circular\s*[A-Z]{1,4}\/\d/.test(text.slice(0, 600))) return { kind: 'circular', reference: null };
  // A Recommendation's approval page is no TD, whatever TD it names as the input used for consent.
  if (AAP_PAGE.test(text.slice(0, 2500))) return { kind: 'other', reference: null };
  // A meeting's executive summary or results page opens with its heading; the TDs and letters it cites are not it.
  if (SUMMARY_HEADING.test(firstLines(text, 8)) || MINUTES_HEADING.test(firstLines(text, 4)) || TDOC_MINUTES.test(firstLines(text, 8)) || REPORT_IN_LINE.test(text.slice(0, 400)) || REPORT_TITLE_IN_LINE.test(text.slice(0, 2000)) || SECTOR_REPORT.test(text.slice(0, 1500)) || REPORT_OPENING.test(text.slice(0, 1000))) return { kind: 'report', reference: null };
  // A letter or circular names itself near the top ("Ref: TSB Collective letter 3/20", "TSB Circular 106").
  // A letter or circular named in passing ("available as TSB Collective letter 9/16", "(TSB Circular 9 of …)") is
  // another document, not this one.
  const own = (r: ReferenceHit) => {
    const before = header.slice(Math.max(0, r.index - 40), r.index);
    return OWN_REFERENCE_BEFORE.test(before) || !MENTIONED_BEFORE.test(before);
  };
  const firstOfficial = refs.filter((r) => (r.kind === 'collective-letter' || r.kind === 'circular') && own(r)).sort((a, b) => a.index - b.index)[0];
  // A mail archive's page quotes the letters it talks about ("The meeting notice is TSB Collective letter 9/16").
  if (firstOfficial && firstOfficial.index < 1500 && !isMailArchive(text)) {
    return { kind: firstOfficial.kind, reference: firstOfficial };
  }
  if (LS_TEMPLATE_PAGE.test(text.slice(0, 6000))) return { kind: 'other', reference: null };
  // The Datatracker's notification, by its subject ("New Liaison Statement, \"Reply to LS on …\""), as a list archive
  // keeps it (subject over the sender's line) or forwarded; a reply to it is one only from the secretariat sending it.
  const tracked = TRACKER_SUBJECT.exec(firstLines(text, 3));
  if (tracked && (!tracked[1] || groupOfAddress(firstLines(text, 4)) !== null)) return { kind: 'liaison-statement', reference: byKind('liaison-statement') };
  // A working group's paper proposing what to answer ("Proposed Response to Liaison Statement from ITU-R WP 5D …
  // This document proposes a response …") is an input to its own meeting, not the statement.
  if (PROPOSED_RESPONSE.test(text.trimStart().slice(0, 300)) && /\bThis (?:document|contribution|paper) propos/i.test(text.slice(0, 4000))) return { kind: 'contribution', reference: null };
  // A letterhead of several chairs can push the Subject line past the header's lines: it still names the letter.
  const subjectLine = /^[ \t]*Subject[ \t]*:[^\n]*/im.exec(text.slice(0, 4000))?.[0] ?? '';
  if (LS_HEADING.test(header) || ((LS_TITLE.test(header) || namesItselfLs(header) || LS_TITLE.test(subjectLine)) && !isDiscussion(header, text)) || LS_RUN_ON_HEADING.test(header) || isFlatMemo(text) || LS_LETTER.test(text.slice(0, 1500))) {
    return { kind: 'liaison-statement', reference: byKind('liaison-statement') ?? byKind('td') };
  }
  // A company's 3GPP tdoc (a change request, a discussion paper, a work item description) is a contribution.
  // A file name may stand above it ("R1-2501731 Discussion on RAN2 LS ….docx").
  const tdoc = firstLines(text, 2).split('\n').some((line) => TDOC_FIRST_LINE.test(line.slice(0, 500)));
  if (tdoc && TDOC_CONTRIBUTION.test(header)) return { kind: 'contribution', reference: null };
  // A page listing meetings with their TDs ("TD 254 (PLEN/13)", "TD 251R2 (PLEN/13)", …) is none of them: a TD's own
  // number heads it, among its first lines.
  const tds = new Set(refs.filter((r) => r.kind === 'td' && r.index < 1200).map((r) => r.reference));
  const ownLines = firstLines(header, 3).length;
  // "ATTACHMENT 1 TO COM 16-LS 208 … TD 401 (PLEN/16)": the statement it is attached to is another document.
  const attachedTo = (r: ReferenceHit) => /\b(?:ATTACHMENT|ANNEX|APPENDIX)\s+\w{1,3}\s+TO\s*$/i.test(header.slice(Math.max(0, r.index - 30), r.index));
  const numbered = refs.find((r) => r.kind !== 'collective-letter' && r.kind !== 'circular' && r.index < 1200 && !attachedTo(r) && !(r.kind === 'td' && tds.size >= 3 && r.index > ownLines));
  if (numbered) return { kind: numbered.kind, reference: numbered };
  if (REPORT_HEADING.test(header)) return { kind: 'report', reference: null };
  // Any other 3GPP tdoc (a chair's agenda, a schedule, a status list) is a meeting document: a TD.
  if (tdoc) return { kind: 'td', reference: null };
  // ITU-D's and ITU-R's input documents are numbered per meeting: "Document RAG95/9-E", "Document TDAG17-22/13-E".
  if (SECTOR_DOCUMENT.test(header.slice(0, 1500)) || (ASSEMBLY_DOCUMENT.test(header.slice(0, 1500)) && ASSEMBLY.test(header.slice(0, 1500)))) return { kind: 'contribution', reference: null };
  if (CONTRIBUTION_HEADING.test(header)) return { kind: 'contribution', reference: null };
  if (TD_HEADING.test(header)) return { kind: 'td', reference: null };
  // A Bureau's circular names itself in a form of its own: "Administrative Circular CA/3", "Circular Letter 7/LCCE/79"
  // (run into the Bureau's name when flattened: "Radiocommunication Bureau (BR)Circular Letter7/LCCE/79").
  if (BUREAU.test(header) && BUREAU_CIRCULAR.test(header.slice(0, 1500))) return { kind: 'circular', reference: null };
  // The salutation starts a line, or, in a letter flattened into one paragraph, follows its subject.
  if ((/^\s*Dear (?:Sir|Madam)/im.test(text) || SALUTATION_IN_LINE.test(text.slice(0, 6000))) && BUREAU.test(header)) {
    // A letter of a Bureau (TSB, or BDT's and BR's administrative circulars) whose reference line was lost in
    // conversion or is of a form of its own ("Administrative Circular CA/99").
    // Only TSB writes collective letters: BDT's and BR's letters to the membership are circulars.
    // A letter of the General Secretariat ("General Secretariat Ref: DM-1188") is a circular, whoever it names.
    const tsb = /\bTSB\b|Telecommunication Standardi[sz]ation Bureau/i.test(header) && !/\bGeneral Secretariat\b/i.test(header.slice(0, 400));
    return /\bCircular\b/i.test(header) || !tsb ? { kind: 'circular', reference: null } : { kind: 'collective-letter', reference: null };
  }
  // A TSB letter whose header was lost (the text starts at its subject): its salutation, its "Key deadlines" and its
  // signature by the Director of TSB.
  if (/^\s*Dear (?:Sir|Madam)/im.test(text.slice(0, 6000)) && /^\s*Key deadlines\b/im.test(text) && /\bDirector,?\s+(?:of\s+the\s+)?Telecommunication\s+Standardi[sz]ation\s+Bureau\b/i.test(text)) {
    return { kind: 'collective-letter', reference: null };
  }
  // An ISO/IEC JTC 1 N-document says what it is in its "DOC TYPE" field ("DOC. TYPE Liaison Report", "DOC TYPE:
  // Meeting Report", "Liaison Statement").
  const docType = JTC1_DOC_TYPE.exec(header.slice(0, 2000))?.[1] ?? '';
  if (/\b(?:report|minutes)\b/i.test(docType)) return { kind: 'report', reference: null };
  if (/\bliaison\s+statement\b/i.test(docType)) return { kind: 'liaison-statement', reference: null };
  if (/\b(?:contribution|national body comments?|comments?)\b/i.test(docType)) return { kind: 'contribution', reference: null };
  // A meeting's calling notice or agenda: read as a notice is (parseDocument files it so when it finds the meeting).
  if (MEETING_DOC_TYPE.test(docType)) return { kind: 'other', reference: null };
  // A report whose masthead a converter spaced out into lines of a letter or two ("J / OINT / C …") is no slide deck.
  if (REPORT_HEADING.test(firstLines(text, 60)) || LIAISON_REPORT.test(text.slice(0, 800))) return { kind: 'report', reference: null };
  if (isSlideDeck(text)) return { kind: 'presentation', reference: null };
  return { kind: 'other', reference: null };
}

// A 3GPP tdoc's cover whose title, under "Document for:", is the minutes of a meeting: "Revised Minutes for 3GPP
// TSG-RAN WG1 23rd Meeting".
const TDOC_MINUTES = /^[ \t]*Document for[ \t]*:[^\n]*\n[ \t]*(?:(?:Draft|Revised|Final|Approved)[ \t]+)?(?:Minutes|Report)[ \t]+(?:of|for|from)\b/im;
// "[Diem] Re: Q1/17: New Liaison Statement, "Reply to LS on …"", "Subject: New Liaison Statement, "…"".
const TRACKER_SUBJECT = /^[ \t]*(?:Subject[ \t]*:[ \t]*)?(?:\[[^\]\n]{1,40}\][ \t]*)*((?:(?:Re|RE|Fwd?|FW)[ \t]*:[ \t]*)+)?(?:[^\n"“]{0,40}:[ \t]*)?New Liaison Statement,[ \t]*["“]/m;
// A reply on a mailing list: "Subject: Re: [t17sg17q6] Liaison Statement from IETF on …".
const PROPOSED_RESPONSE = /^(?:Proposed|Draft)\s+(?:Response|Reply|Answer)\s+to\b/i;
const REPLY_SUBJECT = /^\s*Subject\s*:\s*(?:\[[^\]\n]{1,40}\]\s*)*(?:Re|RE|AW|SV|Antw)\s*:/m;
const SUBJECT_LINE = /^\s*Subject\s*:[^\n]*$/gim;
const FORWARDED = /\b(?:send|forward|pass on|transmit)\s+you\s+the\s+(?:following|attached)\s+liaison\b|\bplease find (?:attached|enclosed|below) (?:a|the|our) (?:reply |response )?liaison\b|^\s*-+\s*(?:Original|Forwarded) message/im;
// What a liaison statement itself carries, quoted or forwarded: its fields, its heading, its number.
const LS_BODY = /^\s*(?:For (?:action|comment|information)(?: to)?|Purpose|Deadline|Approval|Response to)\s*:|^\s*LIAISON STATEMENT\s*$|\bLS\/[ior]\b/im;

// A mailing-list archive's page (pipermail): the subject, the sender as "Name user at example.org", then the date as
// "Thu Mar 27 02:50:28 EDT 2008".
const ARCHIVE_SENDER = /^[^\n]{2,80}\s\S+ at [\w-]+(?:\.[\w-]+)+\s*\n\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d [A-Z]{2,5} (?:19|20)\d\d\s*$/m;

/** Whether `text` is a mailing-list archive's page of one mail. */
function isMailArchive(text: string): boolean {
  return ARCHIVE_SENDER.test(text.slice(0, 800));
}

/**
 * A reply on a list that talks about a liaison statement ("Re: Liaison Statement from IETF on …", "we should prepare
 * a reply"): only its subject names one, and it carries none of a statement's fields.
 */
function isDiscussion(header: string, text: string): boolean {
  if (!REPLY_SUBJECT.test(header)) return false;
  const body = text.slice(0, 6000).replace(SUBJECT_LINE, '');
  return !LS_BODY.test(body) && !FORWARDED.test(body);
}

/**
 * A slide deck converted to text: nearly every line is a short heading or bullet, few end a sentence, and no
 * salutation or liaison field says it is a letter.
 */
function isSlideDeck(text: string): boolean {
  // A mailing list archive's page of one mail, or a mail quoting another line by line ("> …"), is a mail.
  if (isMailArchive(text)) return false;
  const lines = text.slice(0, 20_000).split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 200);
  if (lines.filter((l) => l.startsWith('>')).length * 2 >= lines.length) return false;
  if (lines.length < 20 || /^\s*(?:Dear\b|Sir\/Madam\b|Madam\/Sir\b|(?:Sir|Madam),|Ladies and Gentlemen\b)/im.test(text.slice(0, 20_000))) return false;
  // Prose wrapped at a short width (a letter pasted from a narrow column) runs on from line to line; slides do not.
  const runOn = lines.filter((l, i) => /[a-z,]$/.test(l) && /^[a-z(]/.test(lines[i + 1] ?? '')).length;
  if (runOn / lines.length >= 0.4) return false;
  // A memo: "To:" and "From:" lines, then its subject ("Subj:", "Subject:").
  const head = lines.slice(0, 40).join('\n');
  if (/^To\s*:/m.test(head) && /^From\s*:/m.test(head) && /^(?:Subj|Subject|Re)\s*:/m.test(head)) return false;
  // A meeting timetable ("Draft Timetable - ITU-T Study Group 2 Meeting, …") is a grid of short cells, not slides.
  if (lines.slice(0, 10).some((l) => /\bTime[- ]?table\b/i.test(l))) return false;
  // Nor is a programme or agenda (its heading, or lines of times: "09:30-10:15 Opening"), nor a mail's headers.
  if (lines.slice(0, 15).some((l) => /^(?:(?:Draft|Provisional|Final)\s+)?(?:Programme|Program|Agenda|Schedule)\b/i.test(l))) return false;
  if (lines.filter((l) => /^\d{1,2}[:.h]\d{2}\s*(?:[-–]|to)\s*\d{1,2}[:.h]\d{2}\b/.test(l)).length >= 3) return false;
  if ((head.match(/^(?:From|Date|Subject|Sent|To)\s*:/gim) ?? []).length >= 2) return false;
  // A cover form of labelled fields ("TITLE:", "DUE DATE:", "DOCUMENT TYPE:" each on its own line, as on a JTC 1
  // N-document) is a form, not slides.
  if (lines.slice(0, 60).filter((l) => /^[A-Z][A-Z ]{2,30}:$/.test(l)).length >= 4) return false;
  // A web page's short lines (schedules, menus) are no slides: it says where to click and what to browse.
  // Nor is a mail archive's page (MHonArc's "[Date Prev][Date Next][Thread Prev]…" above each mail).
  // ITU's own pages carry its motto at the top ("Committed to connecting the world").
  if (/\bclick here\b|\bSkip to (?:main )?content\b|\bCommitted to connecting the world\b|\bSite ?Map\b|\bPrint Version\b|\bContact us\b|\[(?:Date|Thread) (?:Prev|Next|Index)\]/i.test(text.slice(0, 20_000))) return false;
  const short = lines.filter((l) => l.length < 70).length;
  const sentences = lines.filter((l) => /[.;]$/.test(l) && l.split(/\s+/).length >= 8).length;
  return short / lines.length >= 0.75 && sentences / lines.length < 0.1;
}
