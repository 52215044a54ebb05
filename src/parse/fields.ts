/**
 * Labelled fields of ITU-T headers ("Subject:", "Title:", "Source:", "For action to:"…). Converted Word tables put a
 * label and its value in one line separated by a tab, or on consecutive lines, or glue several label/value pairs
 * into one line; all three are read.
 */
import { MONTH_PATTERN, squash } from './normalize.ts';

/** Every header label the documents use; a value stops where the next label starts. */
const LABELS = [
  'Subject',
  'Title',
  'Source',
  'Question\\(s\\)',
  'Questions?',
  'Ref\\.?',
  'Reference',
  'Our ref',
  'For action to',
  'For comment to',
  'For information to',
  'For action',
  'For comment',
  'For information',
  'Purpose',
  'Approval',
  'Deadline(?:\\s+for\\s+(?:replies|reply|responses?|comments|answers?))?',
  'Contact',
  'Contacts',
  'Tel\\.?',
  'Fax\\.?',
  'E-?mail',
  'Web',
  'Abstract',
  'Summary',
  'Keywords',
  'Action',
  'To',
  'From',
  'Cc',
  'Attention',
  'Date(?: of (?:document|issue))?',
  'Original',
  'For',
  'Meeting',
  // Liaison statements of other bodies: IETF Datatracker, 3GPP/ETSI, ISO/IEC.
  'From Groups?',
  'To Groups?',
  'From Contacts?',
  'To Contacts?',
  'Response to',
  'In response to',
  'Reply to',
  'Please reply by',
  'Send any reply LS to',
  'Contact Persons?',
  'Response Contacts?',
  'Technical Contacts?',
  'Action Holder Contacts?',
  'Posted Date',
  'Submitted Date',
  'Submission Date',
  'Release',
  'Work Items?',
  'Attachments?',
  'URL of the IETF Web page',
];

const ANY_LABEL = new RegExp(`(?:^|\\t|\\s{2,}|\\n)(?:${LABELS.join('|')})\\s*:`, 'i');
const LABEL_LINE = new RegExp(`^\\s*(?:${LABELS.join('|')})\\s*:`, 'i');

/** `true` when a line starts with a known header label. */
export function isLabelLine(line: string): boolean {
  return LABEL_LINE.test(line);
}

// The callers ask for a dozen labels, over and over: each pattern is built once (the map stays small either way).
const fieldPatterns = new Map<string, RegExp>();

function fieldPattern(label: string): RegExp {
  let re = fieldPatterns.get(label);
  if (!re) {
    // A label may open a table cell with its value: "|Date: 2009-01-19 |" (not "|Subject: |…|", the value in the next cell).
    re = new RegExp(`(?:^|\\n|\\t)[ \\t]*(?:(?:${label})[ \\t]*:|\\|[ \\t]*(?:${label})[ \\t]*:(?![ \\t]*\\|))[ \\t]*([^\\n]*)`, 'i');
    if (fieldPatterns.size >= 200) fieldPatterns.clear();
    fieldPatterns.set(label, re);
  }
  return re;
}

// (A date on a line of its own, "1 August 2017", is a value, not a numbered paragraph.)
const BODY_START = new RegExp(String.raw`^\s*(?:Dear\b|\d{1,2}[.)]?\s+(?!${MONTH_PATTERN}\b)[A-Z][a-z])`);
// A heading line of the document, not a value: "LIAISON STATEMENT", "TEMPORARY DOCUMENT" (a body in capitals, "ETSI TC
// STQ MOBILE", is a value).
const HEADING_LINE = /^\s*(?=[^\n]*\b(?:LIAISON|STATEMENT|DOCUMENT|TEMPORARY|CONTRIBUTION|REPORT|ANNEX|AGENDA|CIRCULAR|LETTER|UNION|SECTOR|BUREAU|SUMMARY|ABSTRACT|ATTACHMENTS?|STUDY PERIOD)\b)[A-Z][A-Z-]+(?:\s+[A-Z][A-Z-]+)+\s*$/;

/**
 * The value of the first field labelled `label` (a regex source, matched case-insensitively at the start of a
 * line or after a tab), or `null`. When the label stands alone, the value is read from the following lines, up to
 * a blank line or the next label (at most `maxLines`). With `continued`, a value that goes on in indented lines
 * below the label's line is read whole ("Subject:  ITU Workshop on …\n          (Geneva, 2-3 March 2026)").
 *
 * @example fieldValue('Subject:\tMeeting of Study Group 20; Geneva, 12-21 May 2026', 'Subject')
 *   === 'Meeting of Study Group 20; Geneva, 12-21 May 2026'
 */
export function fieldValue(text: string, label: string, maxLines = 3, continued = false): string | null {
  const m = fieldPattern(label).exec(text);
  if (!m) return null;
  let value = ((m[1] ?? '').split(ANY_LABEL)[0] ?? '').replace(/[ \t]*\|[ \t]*$/, '');
  const rest = text.slice(m.index + m[0].length).split('\n').slice(1);
  if (value.trim() === '') {
    const lines: string[] = [];
    for (const line of rest) {
      if (line.trim() === '') {
        if (lines.length > 0) break;
        continue;
      }
      // The salutation or the first numbered paragraph ends a value that no blank line ends (PDF text).
      if (isLabelLine(line) || HEADING_LINE.test(line) || BODY_START.test(line) || lines.length >= maxLines) break;
      lines.push(line.split(ANY_LABEL)[0] ?? '');
      if (/[.;]\s*$/.test(line)) break;
    }
    value = lines.join(' ');
  } else if (continued && !/[.;]\s*$/.test(value)) {
    for (const line of rest.slice(0, maxLines - 1)) {
      // Only an indented line that is not a label, a list item or a heading continues the value; or any such line
      // when the value so far is a list cut short ("3GPP (Core Network and", "BBF (…), ETSI,").
      const count = (re: RegExp) => value.match(re)?.length ?? 0;
      const open = /(?:,|\band|&)\s*$/i.test(value) || count(/\(/g) > count(/\)/g) || count(/\[/g) > count(/\]/g) || /^\s*\(/.test(line);
      if ((!open && !/^[ \t]+\S/.test(line)) || line.trim() === '' || isLabelLine(line) || HEADING_LINE.test(line) || BODY_START.test(line) || /^\s*(?:[\u2022\u00B7*]\s|-\s*To\b)/.test(line)) break;
      value += ` ${line.split(ANY_LABEL)[0] ?? ''}`;
    }
  }
  // A template's mark of a required field stays after the colon: "Title:* Collaboration on …" (oneM2M).
  // A converter's cell marker too: "Source: / ITU-T Study Group 15", "UK /" (a Word table's cells, one per line).
  const v = squash(value).replace(/^\*\s*(?=\S)/, '').replace(/^[/|]\s+(?=\S)/, '').replace(/(?<=\S)\s+[/|]$/, '');
  return v === '' ? null : v;
}

/** The first `lines` lines of a document, where its header lives (found without splitting the whole text). */
export function headerOf(text: string, lines = 60): string {
  let end = -1;
  for (let i = 0; i < lines; i++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, Math.max(0, end));
}
