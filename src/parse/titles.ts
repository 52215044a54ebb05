/**
 * A title read from a document's text when no "Subject:" or "Title:" field gives one: the topic its abstract or
 * summary states, else its first heading (a short line that is no boilerplate, label or sentence). Pure.
 */

import { MONTH_PATTERN, squash } from './normalize.ts';

/** Longest title kept: a subject line, not a paragraph. */
export const MAX_TITLE = 160;

// Lines every ITU-T document starts with, which name no document.
const BOILERPLATE =
  /^(?:INTERNATIONAL TELECOMMUNICATION UNION(?:\s+\(?ITU\)?)?|Search Icon(?: White)?|ITU's \d+(?:th)? anniversary|ICTs for a Sustainable World\b.*|Thread Links(?: Date Links)?|(?:(?:Thread|Date) (?:Prev|Next|Index)\s*)+|Print Version|Home\s*:.*|ITU Home Page\b.*|Committed to connecting the world|Girls in ICT|General Secretariat|(?:Telecommunication\s+)?(?:Radiocommunication|Development|Standardi[sz]ation)\s+Bureau(?:\s+\((?:BR|BDT|TSB)\))?|Place des Nations\b.*|(?:(?:TELECOMMUNICATION (?:STANDARDI[SZ]ATION|DEVELOPMENT)|RADIOCOMMUNICATION) )?(?:SECTOR|BUREAU|ADVISORY GROUP)|RADIOCOMMUNICATION|advertisement|STUDY PERIOD\b.*|(?:ITU-[TDR]\s+)?STUDY GROUPS?\b.*|Working Party \w+|Documents? \S+|TSAG|Original\s*:.*|English only|(?:LIAISON STATEMENT|TEMPORARY DOCUMENT|CONTRIBUTION|REPORT|COLLECTIVE LETTER|Liaison statement|Attention\b.*)|(?:Geneva|Place|Date)\b.*\d{4}.*|Page \d+.*|-\s*\d+\s*-|Skip to main content|Page Content|Main Content|ITU Letter-Fax\b.*|Internet Architecture Board|Connecting the world and beyond|Radiocommunication Study Groups\b.*|ISO\/IEC\s+JTC\s?1(?:\s*\/\s*SC\s?\d+)?(?:\s+N\s?\d+)?|Information Technology|JTC\s?1 Secretariat|Request for Comments|You are on page \d+\s*of\s*\d+.*)$/i;

/**
 * A value read on into the next page's header ("… telecommunication security 2. 2. -2- FG IPTV-IL-0052 INTERNATIONAL
 * …") ends before that page's number (and the list numbers a converter left before it).
 */
export function beforeNextPage(text: string): string {
  return text.replace(/(?:\s\d{1,2}\.){0,4}\s+-\s?\d{1,3}\s?-\s[\s\S]*$/, '');
}

/**
 * `text` on one line, without a closing stop; longer than `max`, cut after a bracketed date that ends a title, else
 * after a word and ended with "…".
 */
export function clip(text: string, max = MAX_TITLE): string {
  const t = beforeNextPage(text.replace(/\s+/g, ' ').trim()).replace(/[.;:,]+$/, '');
  if (t.length <= max) return t;
  // A flattened header runs its title on into the next cells: "Report of the Geneva meeting (23-27 January 2006)
  // Structure of the report R 4 …" ends at the bracketed dates (a day and a month: not "G.984.3 (2014)") that close it.
  const dated = new RegExp(String.raw`^(.{10,140}?\([^()]{0,40}\b\d{1,2}\b[^()]{0,20}\b${MONTH_PATTERN}\b[^()]{0,20}\b(?:19|20)\d{2}\))\s+[A-Z]`, 'i').exec(t)?.[1];
  if (dated) return dated;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

/** The topic an abstract or summary gives: "Abstract: This liaison statement contains the response of …". */
function abstractTopic(text: string): string | null {
  // The label ends its line or takes a colon: "Summary of Questions' Results" is a heading, not an abstract.
  const m = /(?:^|\n)[ \t]*(?:Abstract|Summary)[ \t]*(?::[ \t]*\n?|\n)[ \t]*([^\n]{12,400})/i.exec(text.slice(0, 8000));
  const sentence = m?.[1]?.split(/(?<=[.!?])\s/)[0];
  if (!sentence) return null;
  // "This liaison statement contains the response of SG20 to TSAG on …" is titled by what it contains: "Response of
  // SG20 to TSAG on …".
  const topic = sentence.replace(/^This (?:liaison statement|LS|document|TD|contribution|report|paper)\s+(?:contains|provides|presents|describes|proposes|gives|reports|includes|is)\s+(?:(?:the|a|an)\s+)?/i, '');
  return clip(topic === sentence ? sentence : `${topic[0]?.toUpperCase() ?? ''}${topic.slice(1)}`);
}

/** The first line of the first 40 that reads as a heading: a few words, not boilerplate, not a label or a sentence. */
function firstHeading(text: string): string | null {
  const lines = text.slice(0, 6000).split('\n').slice(0, 40);
  for (const raw of lines) {
    // Table copies leave cell pipes at the ends of lines: "Meeting, date: |".
    // A list's tag (and a reply's or forward's mark) before a mail archive's subject: "[itu-sg16] Report of the joint
    // … meeting", "[802SEC] FW: Handbook on …".
    // A converter's list dashes before a subject without its label: "- - 18th meeting of …".
    const cell = raw.replace(/\t.*$/, '').replace(/^[|\s]+|[|\s]+$/g, '').replace(/^(?:[-–]\s+)+(?=\S)/, '');
    // A mail's subject, first: "RE: result of resolution 01-18: LB - liaison with IETF" (its colons are no label's).
    const replied = /^(?:(?:Re|RE|Fwd?|FW|AW)\s*:\s*)+(?=\S)/.exec(cell);
    const line = cell.replace(/^\[[\w.-]{2,40}\]\s+(?:(?:Re|RE|Fwd?|FW|AW|TR|Resend)\s*:\s*)*/i, '').replace(/^(?:(?:Re|RE|Fwd?|FW|AW)\s*:\s*)+/, '').trim();
    if (replied && line.length >= 8 && line.length <= MAX_TITLE && /[A-Za-z]{3}/.test(line)) return clip(line);
    // An editor's note in brackets ("[... body trimmed ...]") names nothing.
    // A table copy's cells ("Thread Links | Date Links | ||||") are read as the words between them.
    if (line.length < 8 || line.length > MAX_TITLE || BOILERPLATE.test(line) || BOILERPLATE.test(line.replace(/\s*\|[\s|]*/g, ' ').trim()) || /^\[.*\]$/.test(line)) continue;
    // A page's language bar ("عربي | 中文 | Español | Français | Русский"), a table of contents' line ("EXECUTIVE
    // SUMMARY……ii"), a hosting site's post line ("Post on 09-Jun-2018").
    if (/^(?:[^|]{1,14}\|){3,}[^|]{1,14}$/.test(line) || /\.{4,}|…{2,}/.test(line) || /^Post(?:ed)? on \d/i.test(line)) continue;
    // A web page's navigation and counters: "Advanced Search Site Map Contact us Print Version", "212 views".
    if (/\b(?:Advanced Search|Site ?Map|Contact us|Print Version|Log ?in|Sign ?in|Share this|\d+ (?:views?|downloads?))\b/i.test(line) && line.split(/\s+/).length < 12) continue;
    // A bracketed aside ("(COPY To WP4B, WP8D and WP8F)") is no heading either.
    // Past the salutation comes the letter's body and signature ("Dear colleagues, … Kind regards, Anna Berg").
    if (/^(?:Dear\b|Sir\/Madam\b|Madam\/Sir\b|(?:Sir|Madam),)/i.test(line)) break;
    // A date alone ("27 October 2006") dates the document and names nothing.
    if (/^(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(line) || /^(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?),?\s+\d{4}$/.test(line)) continue;
    // A meeting's line ("14th Meeting, Geneva, 28 - 30 January 2009") says where the document belongs, and a source
    // line ("Director, Telecommunication Development Bureau") who wrote it: neither is its title.
    // ("18th meeting of the Telecommunication Development Advisory Group, 11-13 December 2013" is a letter's subject.)
    if (/^(?:\d{1,3}(?:st|nd|rd|th)\s+)?meeting\b(?!\s+of\s+the\b)/i.test(line) && /\b(?:19|20)\d{2}\b/.test(line)) continue;
    // A numbered section's heading ("1.Opening of the meeting", "1 Introduction") is the body's, not the document's:
    // past it no heading names the document.
    if (/^\d{1,2}(?:\.\d{1,2})*\.?\s*[A-Z][a-z]/.test(line) && !/\b(?:19|20)\d{2}\b/.test(line)) break;
    // A line that continues the one before it ("at 2300 AoE*") starts in lower case.
    if (/^[a-z]{2,}\s/.test(line)) continue;
    // A Datatracker page's fields, their labels without colons ("State Posted", "Submitted Date 2021-05-17"), and the
    // names and lists under them: no heading past the first.
    if (/^(?:State|Submitted Date|Posted Date|From Group|From Contact|To Groups?|To Contacts?|Response Contacts?|Technical Contacts?|Purpose|Attachments|Liaisons? referring to this)\b/.test(line)) break;
    // A mail archive's sender line: "OKUBO Sakae okubo at mxz.mesh.ne.jp".
    if (/\s\S+ at [\w-]+(?:\.[\w-]+)+$/.test(line)) continue;
    if (/^(?:Director|Chair(?:man|person)?|Vice-Chair\w*|Secretary|Rapporteur|Editor)\b,/i.test(line)) continue;
    if (/^[\w ,()/.-]{1,30}:/.test(line) || /^(?:Dear|To|From|Ref)\b/i.test(line) || /[.;,]$/.test(line) || /^\(.*\)$/.test(line)) continue;
    const words = line.split(/\s+/).length;
    if (words < 2 || words > 20 || !/[A-Za-z]{3}/.test(line)) continue;
    // A heading in capitals that breaks after a preposition goes on past the blank line: "PROVISIONAL SCHEDULE FOR THE
    // 33RD MEETING OF" / "" / "WORKING PARTY 5D".
    if (!/[a-z]/.test(line) && /\b(?:OF|FOR|ON|TO|AND|THE|IN|AT|BY|WITH)$/.test(line)) {
      const next = lines.slice(lines.indexOf(raw) + 1).map((l) => l.trim()).find((l) => l !== '');
      if (next && !/[a-z]/.test(next) && next.length <= 80) return clip(`${line} ${next}`);
    }
    return clip(line);
  }
  return null;
}

/**
 * A slide deck's heading that names a group and what it does: "ITU-T Study Group 20: IoT and Smart Cities &
 * Communities". A deck's first line is mostly the organisation's banner, repeated on every slide.
 */
export function groupHeading(text: string): string | null {
  const m = /^[ \t]*((?:ITU-T\s+)?(?:Study Group\s+\d{1,2}|SG\s?\d{1,2})[ \t]*:[ \t]*\S[^\n]{4,120}?)[ \t]*$/im.exec(text.slice(0, 40_000));
  return m?.[1] ? clip(m[1]) : null;
}

/**
 * The heading of a document flattened into one long line, in capitals before its abstract or first section:
 * "… Original: English United States of America PROPOSED MODIFICATION OF WTSA-12 RESOLUTION 1 Abstract: …",
 * "… Vice-Chairmen LIAISON BETWEEN STUDY GROUPS, TASK GROUPS AND WORKING PARTIES 1 Introduction The pace …".
 */
function flatHeading(text: string): string | null {
  // The long line comes first, or after a few short ones (a page's header, a search result's snippet).
  const first = text.slice(0, 20_000).split('\n').slice(0, 6).find((l) => l.length >= 300) ?? '';
  if (!first) return null;
  const m = /((?:\b[A-Z][A-Z0-9,'’&/.()-]*\s+){2,24}[A-Z][A-Z0-9'’&/.()-]*(?:\s+\d{1,3})?)\s+(?=(?:Abstract|Summary)\s*:|1\.?\s+Introduction\b)/.exec(first.slice(0, 3000));
  const heading = m?.[1]?.replace(/\s+1$/, (one) => (/\b(?:RESOLUTION|RECOMMENDATION|ARTICLE|ANNEX|QUESTION|OPINION|DECISION)$/.test(m[1]?.replace(/\s+1$/, '') ?? '') ? one : ''));
  return heading ? clip(heading) : null;
}

/** Who sent a statement to whom, as a description says it: "from IMTC to SG16" ("from IMTC" with no addressee). */
export function sentFromTo(from: string, to: readonly string[]): string {
  return `from ${from}${to.length > 0 ? ` to ${to.join(', ')}` : ''}`;
}

/** The abstract's topic or the first heading of `text`, or `null`. */
export function titleFromText(text: string): string | null {
  return flatHeading(text) ?? conclusionsHeading(text) ?? abstractTopic(text) ?? forwardedStatement(text) ?? firstHeading(text) ?? invitation(text);
}

/**
 * The statement a mail sends on, as it names it: "please find attached a liaison statement from SFCG on turn-around
 * ratios for the new … allocation obtained at WRC-15." is "Liaison statement from SFCG on turn-around ratios …".
 */
function forwardedStatement(text: string): string | null {
  const m = /\bplease\s+find\s+(?:attached|enclosed|below)\s+(?:an?|the|our)\s+((?:reply\s+)?liaison\s+statement\s+(?:from|of)\s+[^.;\n]{2,40}?\s+(?:on|about|regarding|concerning)\s+[^.;]{4,200}?)\s*[.;]/i.exec(squash(text.slice(0, 3000)));
  const said = m?.[1];
  return said ? clip(`${said[0]?.toUpperCase() ?? ''}${said.slice(1)}`) : null;
}

/** A meeting's summary of conclusions, by its heading in capitals: "SUMMARY OF CONCLUSIONS OF THE TENTH MEETING OF TDAG". */
function conclusionsHeading(text: string): string | null {
  const m = /\b(SUMMARY OF (?:THE )?CONCLUSIONS OF THE (?:[A-Z0-9-]+ ){0,6}?MEETING OF (?:THE )?[A-Z][A-Z0-9-]{1,20})\b/.exec(text.slice(0, 3000));
  return m?.[1] ? clip(m[1]) : null;
}

/**
 * What a letter without a heading invites to: "I have great pleasure in inviting your organization to participate, as
 * observer, in the World Telecommunication Development Conference (WTDC-10), to be held in Hyderabad" is "Invitation
 * to the World Telecommunication Development Conference (WTDC-10)".
 */
function invitation(text: string): string | null {
  const m = /\binvit(?:e|ing)\s+(?:you|your\s+(?:organization|organisation|administration|company|institution))(?:\s+to\s+(?:participate|attend|take\s+part))?(?:,\s+as\s+(?:an?\s+)?observers?,)?\s+(?:in|at)\s+(?:the\s+)?([^.;]{6,160}?)(?:,|\s+(?:to\s+be\s+held|which\s+will|that\s+will|on|from)\b)/i.exec(squash(text.slice(0, 6000)));
  return m?.[1] ? clip(`Invitation to the ${m[1].trim()}`) : null;
}
