/**
 * `lsg <topic|group>`: who is the lead study group on a topic ("IoT identification" → SG20), or the lead roles of a
 * group. Answers come from curated data (data/lead-roles.json, per study period) and from ingested documents, and
 * say which.
 */
import { canonicalGroup, groupOfQuestion } from '../src/core/groups.ts';
import { z } from 'zod';
import { defineCommand, noAnswer, type Reply, type ReplyItem, type SourceRef } from '../src/core/command.ts';
import { misspelt, nearRoles, topicWords, type RoleCandidate, type RoleMatch } from '../src/core/lead-match.ts';
import { byGroup, parseScope, sourceLabel, sourceOf, uniqueSources, unknownGroupReply } from './scope.ts';

/** The study period whose roles count as current. */
const CURRENT_PERIOD = '2025-2028';

interface Role {
  group: string;
  topic: string;
  period: string | null;
  source: SourceRef;
  origin: 'curated' | 'document';
  /** For a role from documents: how many current documents state it (`source` is the latest). */
  documents?: number;
}

function roleItem(r: Role): ReplyItem {
  const others = (r.documents ?? 1) - 1;
  const also = others > 0 ? `; also stated in ${others} other document${others > 1 ? 's' : ''}` : '';
  // A role from the table sgbot ships (not a stored document) says so.
  const where = r.origin === 'curated' ? `${r.period} — ${r.source.title} (sgbot's built-in table of lead study groups)` : `stated in ${sourceLabel(r.source)}${r.source.title && r.source.title !== sourceLabel(r.source) ? ` (${r.source.title})` : ''}${also}`;
  return { text: `${r.group}: lead study group on ${r.topic}`, detail: where, source: r.source };
}

/** One line a role: the same role known several times (the table's periods, documents stating it) names each source. */
function roleItems(roles: readonly Role[]): ReplyItem[] {
  const byRole = new Map<string, ReplyItem[]>();
  for (const r of roles) {
    const key = `${r.group}|${r.topic.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
    byRole.set(key, [...(byRole.get(key) ?? []), roleItem(r)]);
  }
  return [...byRole.values()].map((same) => ({ ...(same[0] as ReplyItem), detail: same.map((i) => i.detail).join('; ') }));
}

/**
 * Content words of topics and aliases, per abbreviation table: {@link topicWords} expands every abbreviation with a
 * regular expression, too slow to run over every known role on every question.
 */
const wordsMemo = new WeakMap<Record<string, string>, Map<string, ReadonlySet<string>>>();
const WORDS_MEMO_MAX = 20_000;

function wordsOf(phrase: string, abbreviations: Record<string, string>): ReadonlySet<string> {
  let memo = wordsMemo.get(abbreviations);
  if (!memo) wordsMemo.set(abbreviations, (memo = new Map<string, ReadonlySet<string>>()));
  let words = memo.get(phrase);
  if (!words) {
    if (memo.size >= WORDS_MEMO_MAX) memo.clear();
    words = new Set(topicWords(phrase, abbreviations));
    memo.set(phrase, words);
  }
  return words;
}

/** The topic of a question about who leads it: "which group leads on quantum computing?" → "quantum computing". */
export function topicAsked(query: string): string {
  return query
    .replace(/^(?:who|which(?: \w+){0,2})\s+(?:is\s+)?(?:the\s+)?(?:lead study group|leads?|leading)\s*(?:(?:on|for|in)\s+)?(?:the\s+)?/i, '')
    .replace(/^(?:who|which(?: \w+){0,2})\s+is\s+the\s+lead\s+(?:on|for|in)\s+/i, '')
    .trim();
}

/** {@link topicWords} of a query, remembered as {@link wordsOf} does (the same query comes back often). */
const queryMemo = new WeakMap<Record<string, string>, Map<string, readonly string[]>>();

function queryWords(query: string, abbreviations: Record<string, string>): readonly string[] {
  let memo = queryMemo.get(abbreviations);
  if (!memo) queryMemo.set(abbreviations, (memo = new Map<string, readonly string[]>()));
  let words = memo.get(query);
  if (!words) {
    if (memo.size >= WORDS_MEMO_MAX) memo.clear();
    words = topicWords(query, abbreviations);
    memo.set(query, words);
  }
  return words;
}

/**
 * {@link matchRoles} of src/core/lead-match.ts with the words of each topic and alias remembered ({@link wordsOf}):
 * the same rule (every content word of the query in the topic or one alias; specificity the share of the phrase's
 * words the query used, most specific first), without expanding every abbreviation of every role on every question.
 */
function matchRoles<T>(query: string, candidates: ReadonlyArray<RoleCandidate<T>>, abbreviations: Record<string, string>, fuzzy = false): Array<RoleMatch<T>> {
  const q = queryWords(query, abbreviations);
  if (q.length === 0) return [];
  const out: Array<RoleMatch<T>> = [];
  // With `fuzzy`, a word misspelt ("managment") is its word.
  const has = (words: ReadonlySet<string>, w: string) => words.has(w) || (fuzzy && [...words].some((x) => misspelt(w, x)));
  for (const c of candidates) {
    let best = 0;
    for (const phrase of [c.topic, ...c.aliases]) {
      const words = wordsOf(phrase, abbreviations);
      if (words.size === 0 || !q.every((w) => has(words, w))) continue;
      best = Math.max(best, q.length / words.size);
    }
    if (best > 0) out.push({ value: c.value, specificity: Math.min(1, best) });
  }
  return out.sort((a, b) => b.specificity - a.specificity);
}

/**
 * The candidates {@link matchRoles} (`near` false) or {@link nearRoles} (`near` true) could return for `query`, in
 * their order: those with a topic or alias holding every content word of the query, or (near) any of them. Passing
 * only these gives the same answer as passing all, for a fraction of the work.
 */
function mayMatch<T>(query: string, candidates: ReadonlyArray<RoleCandidate<T>>, abbreviations: Record<string, string>, near: boolean): Array<RoleCandidate<T>> {
  const q = queryWords(query, abbreviations);
  if (q.length === 0) return [];
  return candidates.filter((c) => {
    const phrases = [c.topic, ...c.aliases].map((p) => wordsOf(p, abbreviations));
    return near ? q.some((w) => phrases.some((words) => words.has(w))) : phrases.some((words) => q.every((w) => words.has(w)));
  });
}

function rank(r: Role): number {
  if (r.origin === 'curated' && r.period === CURRENT_PERIOD) return 0;
  if (r.origin === 'document') return 1;
  return 2;
}

export default defineCommand({
  name: 'lsg',
  aliases: ['lead', 'who-leads'],
  summary: 'Which study group leads a topic (lead study group roles), or the lead roles of a group.',
  usage: 'lsg <topic | group>',
  examples: ['lsg who leads IoT identification', 'lsg SG20', 'lsg QoE'],
  args: z.object({ query: z.string().trim().min(1, 'Say which topic or group, for example: lsg IoT identification'), asked: z.string().optional() }),
  // "lead sg for iot?", "/lead study group on quantum": the topic after the words for a group. "--is SG17" (as the
  // router passes "is SG17 the lead study group for …"): the group asked about, answered yes or no.
  parseText: (rest) => {
    const asked = /^\s*--is\s+(\S+)\s+/.exec(rest);
    const query = rest.slice(asked?.[0].length ?? 0).replace(/[?!.]+$/, '').replace(/^\s*(?:the\s+)?(?:lead(?:ing)?\s+)?(?:sg|study\s+group|group)\s+(?:for|on|in|of)\s+(?=\S)/i, '').trim();
    const group = asked?.[1] ? canonicalGroup(asked[1]) : null;
    return group ? { query, asked: group } : { query };
  },
  intents: [
    /^(?<arg>(?:who|which (?:study )?group|which sg) (?:is )?(?:the )?(?:leads?|leading|is lead(?:ing)?|lead study group)\b.*)$/i,
    /^(?<arg>lead study group (?:on|for) .*)$/i,
    // "what's the lead study group for IoT", "which is the lead SG on quantum", "what is lead for smart cities"
    /^(?:what|which)(?:'s|’s| is| are)? (?:the )?(?<arg>lead(?:ing)? (?:study groups?|sgs?|groups?)? ?(?:on|for|in) .*)$/i,
    // "is sg17 the lead sg for AI security": who leads that topic (the answer names the group that does).
    // "is SG17 also the lead study group for identity management", "does SG20 lead on IoT"
    /^(?:is|isn't|is not) (?:ITU-T )?(?<asked>SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG) (?:also |still |really |now )?(?:the |a )?lead(?:ing)? (?:(?:sg|study group|group) )?(?:for|on|in) (?<arg>.+?)\??$/i,
    // "who's in charge of smart cities in ITU-T?", "which group is responsible for IoT", "who handles QoS": who leads it
    // (not "who handles sg11 at tsb", a group's secretariat).
    /^(?:who(?:'s|’s| is)?|whos|which (?:study )?group(?: is)?|which sg(?: is)?) (?:in charge of|responsible for|handles|handling|looks after|owns|covers|takes care of) (?!(?:the\s+)?(?:ITU-T[\s-]+)?(?:SG[\s-]?\d|study group|TSAG\b|Q\d|WP\d|question\s+\d|working party))(?<arg>.+?)(?:\s+(?:in|at) ITU(?:-T)?)?\s*\??$/i,
    /^(?:does|do) (?:ITU-T )?(?<asked>SG[\s-]?\d{1,2}|study group \d{1,2}|TSAG) (?:also |still |really )?lead (?:the work )?(?:on|in|for) (?<arg>.+?)\??$/i,
  ],
  async run(ctx, { query, asked }): Promise<Reply> {
    const fromDocs: Role[] = (await ctx.store.statedRoles()).map((r) => ({ group: r.group, topic: r.topic, period: null, source: sourceOf(r.source), origin: 'document', documents: r.documents }));
    const curated: Role[] = ctx.curated.roles.map((r) => ({
      group: r.group,
      topic: r.topic,
      period: r.period,
      source: { docId: null, reference: null, title: r.source, kind: 'curated' },
      origin: 'curated',
    }));
    const all = [...curated, ...fromDocs];
    const scope = parseScope(query.replace(/^(?:roles? of|lead roles? of)\s+/i, ''));
    if (scope.kind === 'group' || scope.kind === 'question') {
      const group = scope.kind === 'group' ? scope.group : (groupOfQuestion(scope.question) ?? scope.question);
      const roles = all.filter((r) => r.group === group).sort((a, b) => rank(a) - rank(b));
      if (roles.length === 0) {
        const title = ctx.curated.groupTitles[CURRENT_PERIOD]?.[group];
        return noAnswer('E_NOT_FOUND', `No lead study group roles are known for ${group}.`, [
          title ? `${group} (${CURRENT_PERIOD}): ${title}.` : `${group} has no curated roles and no stored document states one.`,
        ], { group, roles: [] });
      }
      // Roles of an earlier period only: say that none of the current one is known, rather than let them pass as current.
      const notes = roles.some((r) => r.period === CURRENT_PERIOD || r.origin === 'document')
        ? []
        : [`No ${CURRENT_PERIOD} lead roles of ${group} are in the built-in table or the stored documents; the roles shown are of earlier study periods.`];
      return { ok: true, title: `Lead study group roles of ${group}`, sections: [{ items: roleItems(roles) }], notes, sources: uniqueSources(roles.map((r) => r.source)), data: { group, roles } };
    }
    if (/^(?:SG|study group)\s*\d+/i.test(query) && scope.kind === 'unknown') return unknownGroupReply(ctx, query);

    const candidates: Array<RoleCandidate<Role>> = all.map((r) => ({
      topic: r.topic,
      aliases: r.origin === 'curated' ? (ctx.curated.roles.find((c) => c.group === r.group && c.topic === r.topic)?.aliases ?? []) : [],
      value: r,
    }));
    const abbreviations = ctx.curated.abbreviations;
    let matches = matchRoles(query, mayMatch(query, candidates, abbreviations, false), abbreviations);
    // "qos/qoe": either of the topics a slash joins.
    if (matches.length === 0 && /\S\/\S/.test(query) && !/\b(?:Q|WP)\d{1,2}\/\d/i.test(query)) {
      for (const part of query.split('/').map((p) => p.trim()).filter((p) => p.length >= 2)) {
        matches = matchRoles(part, mayMatch(part, candidates, abbreviations, false), abbreviations);
        if (matches.length > 0) break;
      }
    }
    // "identity managment": the topic's words misspelt, tried only when no role has them as written.
    if (matches.length === 0) matches = matchRoles(query, candidates, abbreviations, true);
    if (matches.length === 0) {
      // The same role is often known twice (curated for two study periods, and stated in documents): name it once.
      const seen = new Set<string>();
      const near = nearRoles(query, mayMatch(query, candidates, abbreviations, true), abbreviations, 50)
        .filter((r) => {
          const key = `${r.group}|${r.topic.toLowerCase().replace(/\s+/g, ' ').trim()}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .slice(0, 3);
      return noAnswer(
        'E_NOT_FOUND',
        `Not found: no lead study group is known for "${topicAsked(query)}".`,
        near.length ? [`Closest known roles (not a match): ${near.map((r) => `${r.group} on ${r.topic}`).join('; ')}.`] : ['Try a shorter topic, for example: lsg IoT, lsg security, lsg QoS.'],
        { query, found: false, groups: [] },
      );
    }
    const roles = matches.map((m) => m.value).sort((a, b) => rank(a) - rank(b) || byGroup(a.group, b.group));
    const best = rank(roles[0] as Role);
    const groups = [...new Set(roles.filter((r) => rank(r) === best).map((r) => r.group))];
    // Known only from an earlier study period's table: said in the past, with the period.
    const periods = [...new Set(roles.map((r) => r.period).filter((p): p is string => p !== null))].join(', ');
    const said = best === 2 ? `${groups.join(' and ')} led this topic in ${periods}` : `${groups.join(' and ')} ${groups.length > 1 ? 'lead' : 'leads'} this topic`;
    // Asked of one group: yes when it is the lead (or one of the leads), else no, with who is.
    // (A role known only from an earlier study period is not known to be the group's now: "Not known for 2025-2028:
    // SG16 led …".)
    const verdict = !groups.includes(asked ?? '') ? 'No' : best === 2 ? `Not known for ${CURRENT_PERIOD}` : 'Yes';
    const title = asked ? `${verdict}: ${said}` : said;
    return {
      ok: true,
      title,
      sections: [{ items: roleItems(roles) }],
      notes:
        best === 2
          ? [`No lead role for it in the current study period (${CURRENT_PERIOD}) is in the built-in table or the stored documents.`]
          : roles.some((r) => r.period !== CURRENT_PERIOD && r.origin === 'curated')
            ? [`Current study period: ${CURRENT_PERIOD}; roles of earlier periods are marked with theirs.`]
            : [],
      sources: uniqueSources(roles.map((r) => r.source)),
      data: { query, found: true, groups, roles },
    };
  },
});
