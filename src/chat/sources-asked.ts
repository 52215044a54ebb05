/**
 * "which circular is that?", "which letter is that from?", "what's the source?": the documents the previous answer
 * came from, of the kind named when one is, each with its reference, title and date.
 */
import type { CommandContext, Reply, SourceRef } from '../core/command.ts';
import { formatRange } from '../core/time.ts';

const KIND_WORD = String.raw`(?:collective\s+)?letter|circular|document|doc|TD|liaison(?:\s+statement)?|LS|report|notice`;

/** A question asking which document the previous answer came from; `kind` is the word it names the document by. */
export const WHICH_DOCUMENT = new RegExp(
  [
    String.raw`^(?:(?:and|so|ok|okay)[,\s]+)?(?:which|what)\s+(?<kind>${KIND_WORD})\s+(?:is|was)\s+(?:that|this|it)(?:\s+(?:from|in|based on))?`,
    String.raw`^(?:(?:and|so|ok|okay)[,\s]+)?(?:which|what)\s+(?<said>${KIND_WORD})\s+(?:says?|said|announced|announces|launched|launches|sets?|gives?|mentions?)\s+(?:that|this|it|so|them)`,
    String.raw`^(?:(?:and|so|ok|okay)[,\s]+)?(?:what(?:'s|’s|\s+is|\s+was)\s+(?:the|your)\s+source|where\s+(?:is|was|does|did)\s+(?:that|this|it)\s+(?:come\s+)?from|sources?)`,
  ]
    .map((p) => `${p}\\s*[?!.]*$`)
    .join('|'),
  'i',
);

/** A letter or circular named in an answer's line: "TSB Circular 78", "Collective letter 4/17". */
const NAMED_DOCUMENT = /\b(?:TSB\s+)?(?:Circular\s+\d{1,4}|Collective\s+letter\s+\d{1,3}\/(?:\d{1,2}|TSAG))\b/i;

/** The document kinds a word names: "circular" → circulars; "letter" → collective letters and circulars. */
function kindsOf(word: string): string[] | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'circular') return ['circular'];
  if (w.endsWith('letter')) return ['collective-letter', 'circular'];
  if (w === 'ls' || w.startsWith('liaison')) return ['liaison-statement'];
  if (w === 'td') return ['td'];
  if (w === 'report') return ['report'];
  if (w === 'notice') return ['meeting-notice', 'collective-letter', 'circular'];
  return null;
}

/**
 * The reply naming the documents of `previous` (the answer to the asker's previous question) that `word` asks for:
 * those of its kind, or all when none is of it; `null` when that answer cites no document.
 */
export async function sourcesReply(ctx: CommandContext, previous: Reply, word: string | null): Promise<Reply | null> {
  const cited = previous.sources.filter((s) => s.docId);
  const kinds = word ? kindsOf(word) : null;
  // The answer's first line is what "it" is: its own document when of the kind asked, else one of that kind its words
  // name ("Reply to the TAP consultation of TSB Circular 78 … [TSB Collective letter 4/17]": Circular 78), stored or not.
  const first = previous.sections.find((x) => x.items.length > 0)?.items[0];
  if (kinds && first?.source && first.source.kind !== null && !kinds.includes(first.source.kind)) {
    const named = NAMED_DOCUMENT.exec(`${first.text} ${first.detail ?? ''}`)?.[0];
    const stored = named && kinds.includes('circular') === /circular/i.test(named) ? await ctx.store.findByReference(named.replace(/^(?!TSB\s)/, 'TSB ')) : [];
    const doc = stored[0];
    if (named && doc) {
      return sourcesReply(ctx, { ...previous, sections: [], sources: [{ docId: doc.id, reference: doc.parsed.reference, title: doc.parsed.title, kind: doc.parsed.kind }] }, word);
    }
    if (named) {
      const said = first.source.reference ?? first.source.title ?? 'the document';
      return {
        ok: true,
        title: `That is ${named.replace(/^(?!TSB\s)/, 'TSB ')}, as ${said} says; it is not stored`,
        sections: [{ items: [{ text: first.text, ...(first.detail ? { detail: first.detail } : {}), source: first.source }] }],
        notes: [`${said} names it; ask "/doc ${said}" for that document in full.`],
        sources: [first.source],
        data: { named, from: first.source },
      };
    }
  }
  const own = kinds && first?.source?.docId && first.source.kind !== null && kinds.includes(first.source.kind) ? [first.source] : null;
  const ofKind = own ?? (kinds ? cited.filter((s) => s.kind !== null && kinds.includes(s.kind)) : cited);
  const shown = (ofKind.length > 0 ? ofKind : cited).slice(0, 8);
  if (shown.length === 0) return null;
  const items = await Promise.all(
    shown.map(async (s: SourceRef) => {
      const date = s.docId ? ((await ctx.store.getDocument(s.docId))?.parsed.date ?? null) : null;
      const name = s.reference ?? s.title ?? `document ${s.docId?.slice(0, 12) ?? ''}`;
      const about = s.reference && s.title && s.title !== s.reference ? s.title : null;
      return { text: name, detail: [about, date ? `dated ${formatRange(date, date)}` : 'undated'].filter(Boolean).join(', '), source: s };
    }),
  );
  const one = items[0];
  const none = kinds && ofKind.length === 0 ? [`No ${word} is among them; these are the documents it came from.`] : [];
  return {
    ok: true,
    title: items.length === 1 && one ? `That is ${one.text}${one.detail ? ` (${one.detail})` : ''}` : `That came from ${items.length} documents`,
    sections: [{ items }],
    notes: [...none, 'Ask "/doc <reference>" for one of them in full.'],
    sources: shown,
    data: { documents: shown.map((s) => ({ docId: s.docId, reference: s.reference, title: s.title, kind: s.kind })) },
  };
}
