/** `search <words>`: full-text search over stored documents. */
import { z } from 'zod';
import { defineCommand, noAnswer, type Reply } from '../src/core/command.ts';
import { KIND_LABELS } from '../src/core/labels.ts';
import type { DocumentKind } from '../src/core/types.ts';
import { snippet } from '../src/store/snippet.ts';
import { formatDeadline } from '../src/core/time.ts';
import { addresseeList, findScope, uniqueSources } from './scope.ts';

/** Most distinct words a search looks for. */
const MAX_WORDS = 32;

/** What sgbot sends of a group's work to those who subscribe. */
function followNote(scope: string): string {
  return `To have sgbot remind you of ${scope}'s deadlines and tell you of its new documents: /subscribe ${scope}`;
}

/** How to follow a group's or Question's work when no stored document gives its mailing list. */
function followReply(scope: string, words: string): Reply {
  return {
    ok: true,
    title: `How to follow ${scope}`,
    sections: [
      {
        items: [
          { text: `/subscribe ${scope}: reminders before its deadlines and news of its documents` },
          { text: `/deadlines ${scope}, /meeting ${scope}, /ls ${scope}: its deadlines, next meeting and liaison statements` },
        ],
      },
    ],
    notes: [`No stored document gives ${scope}'s mailing list; the study group's secretariat (/officers ${scope} secretariat) can add you to it.`],
    sources: [],
    data: { words, follow: scope },
  };
}

/** What to look for in "documents about quantum", "for anything mentioning Y.4250?": the words after the request's. */
export function wordsAsked(rest: string): string {
  const words = rest
    .replace(/^(?:for\s+)?(?:me\s+)?(?:(?:any|all|the)\s+)?(?:(?:docs?|documents?|papers?|anything|something|texts?|letters?)\s+(?:about|on|mentioning|that mention|regarding|concerning|containing|referring to|with)\s+)?/i, '')
    .replace(/[?!.]+$/, '')
    .trim();
  return words || rest.trim();
}

// A sentence saying how to take part: a mailing list and its address, or how to subscribe or join.
const JOIN = /\b(?:mailing list|e-?mail list|reflector|subscri(?:be|ption)|join)\b/i;
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+/;

/**
 * The sentence of `text` that says how to take part, as it is written: of those, the one `score` rates highest (what
 * was asked, named in it), a list's address preferred, the first.
 */
function joinSentence(text: string, score: (sentence: string) => number): string | null {
  const sentences = text.slice(0, 40_000).replace(/\s*\n\s*/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
  const rated = sentences
    .filter((x) => JOIN.test(x))
    .map((x, i) => ({ x, i, rank: score(x) * 2 + (ADDRESS.test(x) ? 1 : 0) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i);
  const said = rated[0]?.x;
  if (!said) return null;
  const clean = said.replace(/^\d{1,2}(?:\.\d{1,2})?\s+/, '').trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}…` : clean;
}

/**
 * The terms of a search written with a hyphen or dot between letters or digits ("WTSA-28", "e164.arpa"), each as a
 * pattern that finds it in a text with any dash, a dot or a space between its parts, in any case.
 */
function compoundsOf(words: string): RegExp[] {
  return words
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}][.\-‐–][\p{L}\p{N}]/u.test(w) && w.length <= 60)
    .map((w) => {
      const parts = w.split(/[.\-‐–]+/).map((p) => RegExp.escape(p));
      return new RegExp(String.raw`(?<![\p{L}\p{N}])${parts.join(String.raw`[.\-‐–\s]?`)}(?![\p{L}\p{N}])`, 'iu');
    });
}

export default defineCommand({
  name: 'search',
  aliases: ['find', 'sgsearch'],
  summary: 'Search the stored documents for words.',
  usage: 'search <words>',
  examples: ['search digital twin campus', 'search TAP consultation'],
  args: z.object({ words: z.string().trim().min(2, 'Say what to look for, for example: search digital twin'), join: z.boolean().optional() }),
  // "--join" (as the router passes "mailing list for cg-qsm", "how do i join the sg17 cg-qsm"): how to take part.
  parseText: (rest) => (/^--join\s/.test(rest) ? { words: wordsAsked(rest.replace(/^--join\s+/, '')), join: true } : { words: wordsAsked(rest) }),
  // A short question about a Recommendation or draft by its number: "whats X.1286", "which contribution proposed
  // Y.DA-water", "what is the A.1 revision in TSAG about".
  fallbacks: [
    /^.*?(?<![\w.])(?<arg>[A-Z]\.(?:\d{1,4}(?:\.\d{1,3})*|[A-Za-z][\w-]{1,30}))(?![\w])(?!\.\w).*$/,
    // "srv6 stuff?", "anything on quantum safe?": a topic and a word for documents.
    /^(?:anything on |any )?(?<arg>[\p{L}\p{N}][\p{L}\p{N} ./-]{1,40}?) (?:stuff|things|docs?|documents?|papers?)(?: (?:in|for|from|of|at) (?:ITU-T )?(?:SG\s?\d{1,2}|study group \d{1,2}|TSAG))?\??$/iu,
  ],
  intents: [
    /^(?:search|find|look up|look for)(?: for)? (?<arg>.+)$/i,
    // "docs mentioning Y.4250", "anything about MPLS-TP?", "any documents on quantum"
    /^(?:are there |is there )?(?:any |all )?(?:docs?|documents?|papers?|anything|something|texts?|letters?)\s+(?:about|on|mentioning|that mention|regarding|concerning|containing|referring to|with)\s+(?<arg>\S.*)$/i,
  ],
  async run(ctx, { words: asked, join = false }): Promise<Reply> {
    // A search is a few words: a pasted page would cost a scan per word for nothing. Distinct words, at most 32.
    const words = [...new Set(asked.split(/\s+/))].slice(0, MAX_WORDS).join(' ');
    const index = await ctx.search();
    // A term written with a hyphen or dot ("WTSA-28", "MPLS-TP", "e164.arpa") is one thing: the index holds its parts
    // as words of their own, so a document holding both parts apart ("WTSA" here, "28 May" there) is no match.
    const compounds = compoundsOf(words);
    // How to take part in a group's or Question's work ("how do I follow SG20"): the one it names.
    const named = join ? findScope(words).scope : null;
    const followed = named?.kind === 'question' ? named.question : named?.kind === 'group' ? (named.workingParty ?? named.group) : null;
    // How to join a Question's meetings: documents name it "Question 4/20" more often than "Q4/20".
    const joining = join ? /\bQ(\d{1,2})\/(\d{1,2})\b/i.exec(words) : null;
    const found = await index.search(joining ? `${words} Question ${joining[1]}/${joining[2]}` : words, compounds.length > 0 || joining ? 30 : 10);
    // Where the words stand in each document: one read of the hits' texts.
    const read = await Promise.all(found.map((h) => ctx.store.getText(h.id)));
    const kept = found.map((h, i) => ({ h, text: read[i] ?? '' })).filter(({ text }) => compounds.every((c) => c.test(text))).slice(0, 10);
    if (kept.length === 0) {
      const near = found.some((h) => !h.partial) ? [`Some documents have its parts apart; to see them: search ${words.split(/[\s.\-‐–]+/).join(' ')}`] : [];
      return noAnswer('E_NOT_FOUND', `No stored document mentions "${words}".`, [...near, 'Try fewer or other words.'], { words, hits: [] });
    }
    const hits = kept.map((k) => k.h);
    const texts = kept.map((k) => k.text);
    // How to take part in it: the sentence of the first documents found that gives a mailing list or how to join.
    if (join) {
      // The sentence that names most of what was asked ("q4/20" is in t25sg20q4@…), of the documents found.
      const tokens = words.toLowerCase().split(/[\s/]+/).filter((t) => t.length >= 2);
      // A Question asked of ("Q4/20") must be the sentence's: "Question 4/20", "Q4/20", or its list "…sg20q4@…"
      // (a sentence on Q11/20's meetings names "20" and "meetings" too).
      const ofQuestion = joining ? new RegExp(String.raw`\b(?:Q|Question\s+)${joining[1]}\/${joining[2]}\b|sg${joining[2]}q${joining[1]}@`, 'i') : null;
      const named = (x: string) => (ofQuestion && !ofQuestion.test(x) ? 0 : tokens.filter((t) => x.toLowerCase().includes(t)).length);
      const best = texts
        .map((text, i) => ({ i, said: joinSentence(text, named) }))
        .filter((x): x is { i: number; said: string } => x.said !== null && (!ofQuestion || ofQuestion.test(x.said)))
        .sort((a, b) => named(b.said) - named(a.said) || a.i - b.i)[0];
      const h = best ? hits[best.i] : undefined;
      if (best && h) {
        const said = best.said;
        const source = { docId: h.id, reference: h.reference, title: h.title, kind: h.kind };
        return {
          ok: true,
          title: `How to take part: ${h.title ?? h.reference ?? 'the document'}`,
          sections: [{ items: [{ text: said, detail: `[${h.reference ?? h.title ?? `doc ${h.id.slice(0, 12)}`}]`, source }] }],
          notes: ['As the document states it.', ...(followed ? [followNote(followed)] : [])],
          sources: uniqueSources([source]),
          data: { words, join: said },
        };
      }
      // No document says how to join a group's work: what sgbot itself can send of it.
      if (followed) return followReply(followed, words);
    }
    const sources = hits.map((h) => ({ docId: h.id, reference: h.reference, title: h.title, kind: h.kind }));
    const snippets = hits.map((h, i) => snippet(texts[i] ?? '', h.terms.length ? h.terms : words.split(' ')));
    const partial = hits.some((h) => h.partial);
    // Asked about a liaison ("fronthaul timing LS - who is it to and what's the deadline"): the first statements found
    // say whom they are to and their reply date.
    const asksLs = /(?:^|\s)(?:ls|lss|liaisons?|deadlines?|reply|replies|addressees?)(?=\s|$)/i.test(words);
    const statements = asksLs ? await Promise.all(hits.slice(0, 3).map(async (h) => (h.kind === 'liaison-statement' ? ctx.store.getDocument(h.id) : null))) : [];
    const lsLine = (i: number): string => {
      const li = statements[i]?.parsed.liaison;
      if (!li) return '';
      const parties = addresseeList(li) ?? `to ${li.to.join(', ') || 'unknown'}${li.cc.length ? `; cc ${li.cc.join(', ')}` : ''}`;
      return `from ${li.from ?? 'unknown'}; ${parties}${li.deadline ? `; reply by ${formatDeadline({ date: li.deadline, time: null, timezone: 'Europe/Zurich' }, ctx.tz)}` : ''} — `;
    };
    return {
      ok: true,
      title: partial ? `Documents with some of the words "${words}"` : `Documents matching "${words}"`,
      sections: [
        {
          items: hits.map((h, i) => ({
            text: `${h.reference ?? KIND_LABELS[h.kind as DocumentKind] ?? 'Document'}${h.title ? `: ${h.title}` : ''}`,
            detail: `${lsLine(i)}${snippets[i] ? `${snippets[i]} — ` : ''}${KIND_LABELS[h.kind as DocumentKind] ?? h.kind}${h.group ? `, ${h.group}` : ''}, doc ${h.id.slice(0, 12)}`,
            source: sources[i],
          })),
        },
      ],
      notes: partial ? ['No stored document has all of these words: these have some of them (the words found are in each snippet).'] : [],
      sources: uniqueSources(sources),
      data: { words, hits: hits.map((h, i) => ({ ...h, snippet: snippets[i] })) },
    };
  },
});
