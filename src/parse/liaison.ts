/**
 * Liaison-statement header fields: source, addressees by purpose, reply deadline, Questions and contacts, as the
 * ITU-T template lays them out ("For action to:", "For information to:", "Deadline:", "Contact:" blocks), plus the
 * older "From:/To:/Purpose:" form and, when no header survived, what the abstract says ("the response of ITU-T Study
 * Group 20 to TSAG").
 */
import { canonicalGroup } from '../core/groups.ts';
import type { Contact, LiaisonInfo, LiaisonPurpose } from '../core/types.ts';
import { findDates } from './dates.ts';
import { fieldValue, headerOf, isLabelLine } from './fields.ts';
import { findGroups } from './groups.ts';
import { squash } from './normalize.ts';

/**
 * Canonical name of an addressee or source: an ITU-T group becomes `SG17`/`TSAG`, other bodies stay as written.
 *
 * @example canonicalParty('ITU-T Study Group 17') === 'SG17'
 * @example canonicalParty('ISO/IEC JTC 1/SC 41') === 'ISO/IEC JTC 1/SC 41'
 */
export function canonicalParty(text: string): string {
  const t = squash(text).replace(/^(?:the|to)\s+/i, '').replace(/[.;,]+$/, '');
  const stripped = t.replace(/\s*\((?:SG\s?\d+|TSAG)\)$/i, '').replace(/^ITU-T\s+/i, '');
  const direct = canonicalGroup(stripped) ?? canonicalGroup(t);
  if (direct) return direct;
  const hits = findGroups(t);
  // "ITU-T SG17 Working Party 2" or "Rapporteur for Q6/17": the group, when the whole name is about one ITU-T group.
  if (hits.length === 1 && hits[0] && /^(?:ITU-T\s+)?(?:SG|Study Group|TSAG|WP)/i.test(t) && t.length < 60) return hits[0].group;
  return t;
}

/** Split an addressee list ("ITU-T SG13, SG17 and ISO/IEC JTC 1/SC 41") into canonical parties. */
export function splitParties(value: string | null): string[] {
  if (!value || /^(?:-|—|N\/?A|none|nil|\s*)$/i.test(value.trim())) return [];
  // "ITU-T Study Groups 13 and 17" -> SG13, SG17.
  const plural = /^(?:ITU-T\s+)?Study Groups\s+([\d,\sand]+)$/i.exec(value.trim());
  if (plural?.[1]) return (plural[1].match(/\d+/g) ?? []).map((n) => canonicalGroup(`SG${n}`) ?? `SG${n}`);
  const parts = value
    .split(/\s*[,;]\s*|\s+and\s+(?=(?:ITU|SG|ISO|IEC|IETF|ETSI|3GPP|IEEE|TSAG|Study|[A-Z]{2,}))|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 1 && !/^(?:-|N\/?A|none)$/i.test(p));
  const out: string[] = [];
  let lastPrefix = '';
  for (const p of parts) {
    // "SG13, 17" or "ITU-T SG13, SG17": a bare number continues the previous prefix.
    const party = /^\d{1,2}$/.test(p) && lastPrefix ? canonicalParty(`${lastPrefix}${p}`) : canonicalParty(p);
    lastPrefix = /^(?:ITU-T\s+)?SG\s?\d/i.test(p) ? 'SG' : '';
    if (!out.includes(party)) out.push(party);
  }
  return out;
}

function questionsOf(value: string | null): string[] {
  if (!value) return [];
  const out: string[] = [];
  for (const m of value.matchAll(/\b(?:Q\s?)?(\d{1,2})\s?\/\s?(\d{1,2})\b/g)) {
    const id = `Q${Number(m[1])}/${Number(m[2])}`;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Contact blocks: "Contact:\tName\nOrganization\nCountry\tTel: …\nE-mail: …". */
export function parseContacts(text: string): Contact[] {
  const contacts: Contact[] = [];
  const re = /(?:^|\n)[ \t]*Contacts?[ \t]*:[ \t]*/gi;
  const starts = [...text.matchAll(re)].map((m) => m.index + m[0].length);
  for (const [i, start] of starts.entries()) {
    const limit = Math.min(starts[i + 1] ?? text.length, start + 600);
    let block = text.slice(start, limit);
    const stop = /\n[ \t]*(?:Abstract|Keywords|Summary|Attachment|Purpose|Title|Source|Question|For (?:action|comment|information))\b|\n\s*\n\s*\n/i.exec(block);
    if (stop) block = block.slice(0, stop.index);
    const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(block)?.[0] ?? null;
    const phone = /\bTel\.?\s*:?\s*(\+?[\d ()./-]{6,})/i.exec(block)?.[1]?.trim() ?? null;
    const lines = block
      // A second column of phone and e-mail fields beside the name: "Lena Fischer   Tel: +49 30 0000 0000".
      .split(/\n|\t|\s+(?=(?:Tel|Fax|E-?mail|Mob(?:ile)?|Phone)\.?\s*:)/i)
      .map((l) => squash(l))
      .filter((l) => l && !isLabelLine(l) && !/^(?:Tel|Fax|E-?mail|Mob|Mobile|Phone)\b/i.test(l) && !/@/.test(l) && !/^\+?[\d ()./-]{6,}$/.test(l))
      // A line that starts in lower case continues the one above ("TSAG Rapporteur group on working\nmethods").
      .reduce<string[]>((acc, l) => (acc.length > 0 && /^[a-z(]/.test(l) ? [...acc.slice(0, -1), `${acc.at(-1)} ${l}`] : [...acc, l]), []);
    const name = lines[0]?.replace(/^(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?)\s+/, '') ?? null;
    if (!name || name.length > 80) continue;
    contacts.push({ name, organization: lines[1] ?? null, country: lines[2] ?? null, email, phone });
  }
  return contacts;
}

// "The Ministry of … presents its compliments to the TSB and …": the note verbale of a body outside ITU-T.
const COMPLIMENTS = /\b(?:The )?(.{2,90}?) presents its compliments to (.{2,60}?)(?:,| and (?:takes|wishes|would|has|is)\b)/i;
const COMPLIMENTS_PHRASE = / presents its compliments to /i;

/**
 * Liaison fields of a liaison statement; `docGroup` is used as the source when no header names one.
 */
export function parseLiaison(text: string, docGroup: string | null): LiaisonInfo {
  const header = headerOf(text, 80);
  const action = splitParties(fieldValue(header, 'For action to|For action') ?? fieldValue(header, 'Action to'));
  const comment = splitParties(fieldValue(header, 'For comment to|For comment'));
  const info = splitParties(fieldValue(header, 'For information to|For information'));
  const oldTo = splitParties(fieldValue(header, 'To'));
  // The older template states the purpose on a line of its own: "For: Action".
  const statedPurpose = (fieldValue(header, 'Purpose') ?? fieldValue(header, 'For'))?.toLowerCase() ?? '';
  const oldCc = splitParties(fieldValue(header, 'Cc|Copy'));

  let from = fieldValue(header, 'Source|From');
  const abstractFrom = /\b(?:response|reply|answer|communication) (?:of|from) ((?:ITU-T )?(?:Study Group \d{1,2}|SG\s?\d{1,2}|TSAG)|[A-Z][\w/ -]{2,40}?) to ((?:ITU-T )?(?:Study Group \d{1,2}|SG\s?\d{1,2})|TSAG|[A-Z][\w/ -]{2,40}?)\b/i.exec(text);
  // The phrase is looked for first: the pattern itself would try every offset of the text.
  const compliments = COMPLIMENTS_PHRASE.test(text) ? COMPLIMENTS.exec(text) : null;
  if (!from && abstractFrom?.[1]) from = abstractFrom[1];
  if (!from && compliments?.[1]) from = /\(([A-Z]{3,6})\)/.exec(compliments[1])?.[1] ?? compliments[1];

  let to = [...action, ...comment];
  let cc = info;
  if (to.length === 0 && oldTo.length > 0) {
    to = oldTo;
    if (cc.length === 0) cc = oldCc;
  }
  if (to.length === 0) {
    to = info;
    cc = [];
  }
  if (to.length === 0 && abstractFrom?.[2]) to = [canonicalParty(abstractFrom[2])];
  if (to.length === 0 && compliments?.[2]) to = splitParties(compliments[2]);

  let purpose: LiaisonPurpose | null = null;
  if (/action/.test(statedPurpose) || action.length > 0) purpose = 'action';
  else if (/comment/.test(statedPurpose) || comment.length > 0) purpose = 'comment';
  else if (/respon|reply/.test(statedPurpose)) purpose = 'response';
  else if (/information/.test(statedPurpose) || info.length > 0 || oldTo.length > 0) purpose = 'information';
  // No purpose fields survived, but the statement says it answers another ("contains the response of SG20 to TSAG").
  else if (abstractFrom?.[0] && /respon|repl|answer/i.test(abstractFrom[0])) purpose = 'response';
  // 3GPP and other bodies write the request in the text: "2. Actions:\nTo ITU-T SG13.\nACTION: SA5 asks …".
  if (to.length > 0 && purpose !== 'action' && /^[ \t]*ACTION[ \t]*:|^[ \t]*(?:\d\.[ \t]*)?Actions?[ \t]*:[ \t]*\n[ \t]*To\b/m.test(text)) purpose = 'action';

  const deadlineText = fieldValue(header, 'Deadline(?:\\s+for\\s+(?:replies|reply|responses?|comments|answers?))?');
  const deadline = deadlineText ? (findDates(deadlineText)[0]?.start ?? null) : null;
  return {
    from: from ? canonicalParty(from) : docGroup,
    to,
    cc,
    purpose,
    deadline,
    questions: questionsOf(fieldValue(header, 'Question\\(s\\)|Questions?')),
    contacts: parseContacts(header),
  };
}
