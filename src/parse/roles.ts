/**
 * Lead-study-group statements: "SG17 is the lead study group on security", "Study Group 20, as lead study group for
 * IoT identification", or a list of roles introduced by a sentence naming the group:
 * "SG20 … contributes its experience as:\n· Lead study group on the Internet of things and its applications".
 * Quotations of the general rule ("A study group may be designated … as the lead study group for ITU-T studies…")
 * name no particular group and give nothing.
 */
import type { LeadRole } from '../core/types.ts';
import { canonicalGroup } from '../core/groups.ts';
import { findGroups } from './groups.ts';
import { squash } from './normalize.ts';

const ROLE = /\blead\s+study\s+group\s*(?:\(LSG\)\s*)?(?:on|for|in the (?:area|field) of)\s+(?:the\s+)?([^\n;:]+?)(?=\s*(?:[.;:\n)]|,\s*(?:which|who|and (?:is|has)|including the|as well|has|have|had|is|was|will|would|coordinates|leads)\b|\s+and\s+(?:lead|is|has|SG)\b|\s+(?:within|while|whereas|in order to|so that)\b|,\s*(?:and\s+)?(?:SG\s?\d|Study Group\s+\d|TSAG)|,\s*(?:invites|asks|requests|welcomes|notes|informs|thanks|agreed|decided|approved|wishes|would)\b|$))/gi;
// A role wished for, proposed or planned is not held: "the strategy is meant to make SG17 the lead study group for …",
// "proposes that SG20 be designated as lead study group on …".
const WISHED = /\b(?:make|making|become|becoming|aims?|aiming|seeks?|seeking|propos(?:e|es|ed|ing|al)|suggest(?:s|ed|ing)?|could|should|would|might|candidate|intends?|plans?|wish(?:es)?|request(?:s|ed)?|be designated|to be)\b[^.]*$/i;
const EXAMPLE = /(?:\be\.\s?g\.|\bfor (?:example|instance)\b|\bsuch as\b)[^;)]*$/i;
const STATEMENT =
  /(?:\bSG\s?\d{1,2}|\bStudy Group\s+\d{1,2}|\bTSAG)\b(?:\s*\([^)]{0,60}\))?(?:\s*,)?[^,;()]{0,30}?\b(?:is|was|are|remains|has been|will be|becomes|became|as|designated as|acts as|serves as|continues as)\s+(?:also\s+)?(?:the\s+|a\s+)?$/i;
const ROLES_SLIDE = /^[ \t]*Lead Study Group\s+(?:(\d{1,2})\s+)?Roles?(?:\s+of\s+(?:ITU-T\s+)?(?:SG\s?|Study Group\s+)(\d{1,2}))?[ \t]*$/gim;
const GENERIC = /^(?:ITU-T studies|a (?:defined|particular|specific)|this (?:topic|area)|the topic|its |their |each |which |specific topics)/i;

/**
 * Lead roles stated in `text`. The group is the one named in the same sentence before the statement, else the one
 * named by the sentence introducing the list the statement belongs to, else `docGroup` for a bullet list in a
 * document of that group. Duplicates are removed.
 */
export function findLeadRoles(text: string, docGroup: string | null): LeadRole[] {
  const out: LeadRole[] = [];
  // A slide titled "Lead Study Group 20 Roles" (or "Lead study group roles of SG20"), its topics one per line below.
  for (const m of text.matchAll(ROLES_SLIDE)) {
    const group = canonicalGroup(`SG${m[1] ?? m[2] ?? ''}`) ?? docGroup;
    if (!group) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1500).split('\n').map((l) => squash(l));
    let seen = 0;
    for (const line of after) {
      if (line === '') continue;
      // The next slide starts: a page header, a label, or a sentence.
      if (seen >= 12 || line.length > 100 || /:|\bStudy Group\b|^ITU-T\b|International Telecommunication Union|[.;]$/.test(line) || findGroups(line).length > 0) break;
      seen += 1;
      const topic = line.replace(/^[-\u2022\u00B7*o]\s+/, '');
      if (topic.length >= 3 && !out.some((r) => r.group === group && r.topic.toLowerCase() === topic.toLowerCase())) out.push({ group, topic });
    }
  }
  for (const m of text.matchAll(ROLE)) {
    let topic = squash(m[1] ?? '').replace(/[.,]+$/, '');
    topic = topic.replace(/\s*\((?:LSG)\)\s*/g, ' ').trim();
    // A heading that follows a flattened line ("… telecommunication security LIAISON STATEMENT To:") is no part of it.
    topic = topic.replace(/\s+(?:[A-Z]{2,}\s+){1,3}[A-Z][a-z]{0,3}:?$|\s+LIAISON\s+STATEMENT\b.*$/, '').trim();
    // "identity management (IdM)": the bracket the topic opened is its own, not the end of an aside.
    if (text.charAt(m.index + m[0].length) === ')' && (topic.match(/\(/g)?.length ?? 0) > (topic.match(/\)/g)?.length ?? 0)) topic += ')';
    if (topic.length < 3 || topic.length > 200 || GENERIC.test(topic)) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const sentenceStart = Math.max(lineStart, text.lastIndexOf('. ', m.index) + 1);
    const before = text.slice(sentenceStart, m.index);
    if (/\b(?:a|any|which|each|no|one)\s+(?:study group|SG)\s*(?:may|can|shall|should|is)?\s*(?:be\s+)?(?:designated)?[^.]*$/i.test(before) && findGroups(before).length === 0) continue;
    // An example names no role: "a lead study group (e.g. SG17 as the lead study group on security)".
    if (EXAMPLE.test(text.slice(lineStart, m.index)) || WISHED.test(before)) continue;
    let group = findGroups(before).at(-1)?.group ?? null;
    // Another group's role named in passing ("in cooperation with SG17, the lead study group on security") is not a
    // statement: it counts only when the sentence says it of that group ("SG17 is the lead study group on …").
    if (group && group !== docGroup && !STATEMENT.test(before)) continue;
    const isListItem = before.trim() === '' || /^\s*[-\u2022\u00B7\u25AA*o]?\s*$/.test(before);
    if (!group && isListItem) {
      // The sentence that introduces the list: the nearest preceding non-item line within 12 lines.
      const prevLines = text.slice(Math.max(0, lineStart - 2000), lineStart).split('\n').reverse().slice(0, 12);
      const intro = prevLines.find((l) => l.trim() !== '' && !/lead\s+study\s+group\s+(?:on|for)/i.test(l));
      group = (intro ? findGroups(intro).at(-1)?.group : null) ?? docGroup;
    }
    if (!group) continue;
    if (!out.some((r) => r.group === group && r.topic.toLowerCase() === topic.toLowerCase())) out.push({ group, topic });
  }
  return out;
}
