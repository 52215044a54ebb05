/**
 * Header layouts other tools leave behind, rewritten as "Label: value" lines so that one field reader reads them
 * all: Markdown emphasis and table pipes ("**Title:**\tReply LS on …", "| Purpose | In response |", "To: |"), and
 * the IETF Datatracker page, whose labels carry no colon ("From Group ITU-T-SG-15", "Purpose For action",
 * "Deadline 2006-09-25 Action Taken"). Pure, linear in the header's length.
 */

// Datatracker page labels, longest first (so "From Group" wins over "From").
const TRACKER_LABELS = [
  'Submission date',
  'Submitted Date',
  'Posted Date',
  'From Groups?',
  'From Contacts?',
  'To Groups?',
  'To Contacts?',
  'Response Contacts?',
  'Reponse Contacts?',
  'Technical Contacts?',
  'Action Holder Contacts?',
  'Purpose',
  'Deadline',
  'Attachments',
  'Liaisons referred by this one',
  'Liaisons referring to this one',
  'State',
  'From',
  'To',
  'Cc',
  'Title',
];
// A label, then its value after a space, glued to it ("CcColin Ward", checked case-sensitively below), or nothing.
const TRACKER_LINE = new RegExp(`^(${TRACKER_LABELS.join('|')})([ \\t]+(?=\\S)|(?=[A-Z][a-z])|[ \\t]*$)(?!:)(.*)$`, 'i');
// A Datatracker page starts with its heading; its notification mail names the web page.
const TRACKER_PAGE = /^\s*(?:Liaison statement\b|Skip to main content\s*$)/im;
const TRACKER_DATE = /^(?:Submission date|Submitted Date|Posted Date)[ \t]*:?[ \t]*\d{4}-\d{2}-\d{2}/im;

/** Whether `text` is an IETF Datatracker liaison page or notification. */
export function isDatatracker(text: string): boolean {
  const head = text.slice(0, 3000);
  // A copy that lost the page's heading still has the page's colon-free labels: "Posted Date 2016-01-04" and
  // "From Group ITU-T-SG-11".
  return remembered(trackerSeen, head, () => ((TRACKER_PAGE.test(head) || /^From Groups?[ \t]+\S/im.test(head)) && TRACKER_DATE.test(head)) || /^URL of the IETF Web page\s*:/im.test(head) || /^\|?\s*(?:From Group|Submitted Date)\s*\|/im.test(head));
}

/**
 * The last few inputs of a pure function and what it gave: one document's parse asks the same question of the same
 * text several times (its classifier, its title, its liaison and meeting readers).
 */
type Seen<T> = Array<{ input: string; output: T }>;
const SEEN = 4;
const trackerSeen: Seen<boolean> = [];
const unrunSeen: Seen<string> = [];

function remembered<T>(seen: Seen<T>, input: string, compute: () => T): T {
  for (const s of seen) if (s.input === input) return s.output;
  const output = compute();
  if (seen.length >= SEEN) seen.pop();
  seen.unshift({ input, output });
  return output;
}

/** Whether a line of `text` is longer than `max` characters (a linear scan, where `[^\n]{121}` retries at every character). */
function hasLineOver(text: string, max: number): boolean {
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start > max) return true;
    if (end < 0) return false;
    start = end + 1;
  }
}

/** Whether `line` holds `:` twice: each label {@link RUN_ON_COUNT} counts ends with its own colon. */
function twoColons(line: string): boolean {
  const first = line.indexOf(':');
  return first >= 0 && line.indexOf(':', first + 1) >= 0;
}

// Labels a flattened header runs together on one line: "LIAISON STATEMENT To: TSAG, All ITU-T SGs From: SG2 For:
// Information Deadline: …", "Subject: Notice of … Date: 11-14 September 2007". Longest first.
const RUN_ON_LABEL =
  /(?<=\S)[ \t]+(?=(?:For (?:action|comment|information) to|Send any reply LS to|Response to|Question\(s\)|Questions?|Source|Status|Title|Subject|Purpose|Approval|Deadline|Contact|Reference|Ref|Our ref|Attention|Copy|From|To|Cc|CC|For|(?<!Submission |Submitted |Posted |Meeting |Reply )Date)[ \t]*:)|(?<=\S)[ \t]+(?=Dear (?:Sir|Madam|Colleagues?|Experts?|Members?|All)\b|(?:Mr|Ms|Mrs|Dr)\.?[ \t]+[A-Z][\w'-]+,[ \t])/g;
const FORM_LABEL = /(?<=\s|^)(?:(?<!DUE )DATE|REPLACES|DOC TYPE|TITLE|SOURCE|PROJECT|STATUS|ACTION ID|DUE DATE|DISTRIBUTION|MEDIUM|NO\. OF PAGES)(?=:)/g;
const GLUED_SUBJECT = /(?<=[a-z0-9.)?])(?=(?:Subject|Objet)\s*:|Dear (?:Sir|Madam)\b)/g;
const RUN_ON_COUNT = /(?:^|\s)(?:For (?:action|comment|information) to|Source|Title|Subject|Purpose|Approval|Deadline|Contact|Reference|Ref|Copy|From|To|Cc|CC|For|Date)[ \t]*:/g;

/**
 * A header whose fields a converter ran into one long line, one field a line again. Only long lines that carry at
 * least two such labels are split, so a sentence that happens to say "To:" stays whole.
 */
export function unrunHeader(header: string): string {
  if (!hasLineOver(header, 120)) return header;
  return remembered(unrunSeen, header, () =>
    header
      .split('\n')
      .map(unrunMemo)
      .join('\n')
      .split('\n')
      // A whole letter flattened into one paragraph may carry its subject as its only label, the converter having
      // lost even the space before it and before the salutation: "…itu.intSubject:Meetings of … 2021)Dear Sir,".
      .map((line) => (line.length > 200 ? line.replace(GLUED_SUBJECT, ' ') : line))
      // A JTC 1 N-document's cover form, its capitalised labels run together: "ISO/IEC JTC 1 N 5892 DATE: 1999-09-29
      // REPLACES DOC TYPE: Other document (Defined) TITLE: JTC 1/SC 22 Response to … SOURCE: SC 22 Secretariat …".
      .map((line) => (line.length > 120 && (line.match(FORM_LABEL)?.length ?? 0) >= 3 ? line.replace(FORM_LABEL, '\n$&').replace(/^\n/, '') : line))
      .map((line) =>
        line.length > 120 && ((twoColons(line) && (line.match(RUN_ON_COUNT)?.length ?? 0) >= 2) || (line.length > 200 && / (?:Subject|Objet)\s*:/.test(line)))
          ? line.replace(RUN_ON_LABEL, '\n')
          : line,
      )
      .join('\n'),
  );
}

// An old liaison memo flattened into one line, its labels with or without colons: "To Brian Moore care of … From
// Loa Hale … CC: David Ward … For Action Subject: Definition of …", "To: tsbsg13@itu.int … CC: … For Action: As a
// direct result …". The addressing part (up to its "For Action") is split into "To:", "From:", "Cc:", "For:" lines.
const MEMO_LINE = /^(\s*To\b:?[ \t]+\S[^\n]{0,1500}?[ \t](?:CC|Cc)[ \t]*:[^\n]{0,1500}?)[ \t]For[ \t]+(Action|Comment|Information)\b[ \t]*:?[ \t]*/;

/** Whether `text` opens with an old liaison memo flattened into one line (see `unrunMemo`). */
export function isFlatMemo(text: string): boolean {
  const first = /^\s*([^\n]*)/.exec(text.slice(0, 20_000))?.[1] ?? '';
  return first.length > 120 && MEMO_LINE.test(first);
}

function unrunMemo(line: string): string {
  const m = line.length > 120 ? MEMO_LINE.exec(line) : null;
  if (!m?.[1]) return line;
  const addressing = m[1]
    .replace(/^\s*To\b:?[ \t]*/, 'To: ')
    .replace(/[ \t]+(?:From\b:?|(?<=\S[ \t]+)From:)[ \t]*/, '\nFrom: ')
    .replace(/[ \t]+(?:CC|Cc)[ \t]*:[ \t]*/, '\nCc: ');
  // Its subject runs on into the body: it ends where a sentence starts ("… Label 14 Our review of …").
  const rest = line.slice(m[0].length).replace(/^(Subject[ \t]*:[ \t]*(?:\S+[ \t]+){2,20}?)(?=(?:Our|We|Having|This|Following|Please|As|At|With|Dear)[ \t])/, '$1\n');
  return `${addressing}\nFor: ${m[2] ?? ''}\n${rest}`;
}

/** One header line without Markdown emphasis and table pipes: "**Title:**\tLS on X" → "Title:\tLS on X". */
function plainLine(line: string): string {
  // Without a pipe only the emphasis goes: every pattern below needs one.
  if (!line.includes('|')) return line.includes('**') ? line.replace(/\*\*/g, '') : line;
  let l = line.replace(/\*\*/g, '');
  // "| Purpose | In response |" → "Purpose: In response"; a copy may lose the first pipe: "From Group | ITU-T-SG-12 |".
  const cells = /^\s*\|\s*([A-Z][\w ()/-]{1,40}?):?\s*\|\s*(.*?)\s*\|?\s*$/.exec(l) ?? /^\s*([A-Z][\w ()/-]{1,40}?):?\s*\|\s*(.*?)\s*\|\s*$/.exec(l);
  if (cells && !/^[-:| ]*$/.test(l)) return cells[2] ? `${cells[1]}: ${cells[2]}` : `${cells[1]}:`;
  l = l.replace(/^(?:\s*\|)+\s*$/, '').replace(/(?:\s*\|)+\s*$/, '').replace(/^(?:\s*\|)+\s*/, '');
  return /^[-:| ]*$/.test(l) && l.includes('-') && l.includes('|') ? '' : l;
}

/**
 * The first `lines` lines of `text` in "Label: value" form. Datatracker label lines get their colon; other lines are
 * kept as they are, so every other layout reads as before.
 */
export function plainHeader(text: string, lines = 80): string {
  // Datatracker labels are read in the block of label lines only: after it, "To be clear, …" is body text.
  let tracker = isDatatracker(text);
  let labelled = 0;
  // The list field the last label line opened ("Cc Jane Doe <>" with one more name on each line below).
  let list: number | null = null;
  const out: string[] = [];
  let start = 0;
  for (let n = 0; n < lines && start <= text.length; n++) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    let line = plainLine(raw);
    if (tracker && line.trim() !== '') {
      let m = TRACKER_LINE.exec(line.trim());
      // "Tomas Paulsen <>" is no "To" label: a glued value starts with a capital and a small letter.
      if (m && m[2] === '' && m[3] !== '' && !/^[A-Z][a-z]/.test(m[3] ?? '')) m = null;
      if (m && !/^\s*[\w ]{1,30}:/.test(line)) line = `${m[1]}: ${m[3]?.trim() ?? ''}`;
      if (m || /^\s*[\w ]{1,30}:/.test(line)) {
        labelled += 1;
        list = TRACKER_LIST.test(line) ? out.length : null;
      } else if (list !== null && (TRACKER_ENTRY.test(line) || (/Contacts?\s*:/i.test(out[list] ?? '') && TRACKER_PERSON.test(line)))) {
        // One more entry of the list above: "Cc ITU-T Study Group 15 <>\nMPLS Working Group <>", however long
        // ("Traffic Engineering Architecture and Signaling Discussion List <teas@ietf.org>" is no body sentence).
        const above = (out[list] ?? '').trimEnd().replace(/[;,]$/, '');
        const entry = line.trim().replace(/[;,]$/, '').trimEnd();
        out[list] = /:\s*$/.test(above) ? `${above} ${entry}` : `${above}, ${entry}`;
        continue;
      } else if (labelled >= 3 && (line.trim().length > 60 || /[.!?]\s*$/.test(line))) {
        // The body starts with a sentence: a long line, or one that ends in a full stop.
        tracker = false;
      } else list = null;
    }
    out.push(line);
    if (end < 0) break;
  }
  return unrunHeader(out.join('\n'));
}

// Datatracker list fields whose entries go on one per line, and what such an entry looks like: a name with its
// (often emptied) address, "Jane Doe <>", "MPLS Working Group <mpls@ietf.org>", or a bare address.
const TRACKER_LIST = /^\s*(?:Cc|To Contacts?|Re(?:s)?ponse Contacts?|Technical Contacts?|Action Holder Contacts?)\s*:/i;
// … and, in a list of contacts, a person's name alone: "Response Contact Paul Nikolich" / "Glen Parsons" / "John Messenger".
const TRACKER_PERSON = /^\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s*$/u;
// (An entry may end with the separator the page put between them: "pierre.duval@example.org;".)
const TRACKER_ENTRY = /^\s*(?:[^<>\n]{2,80}<[^<>\n]*>(?:\s*<[^<>\n]*>)*|<\s*>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*[;,]?\s*$/;
